//===-- DropPartyChecker.cpp - condis.DropParty -----------------*- C++ -*-===//
//
// Part of condis-check.
//
// Contract (ddi:nc-ndis-protocol_cm_drop_party.md,
// ddi:nf-ndis-ndiscmdroppartycomplete.md, ddi:nf-ndis-ndiscldropparty.md,
// ddi:nc-ndis-protocol_cl_drop_party_complete.md):
//
//  * A ProtocolCmDropParty handler either returns a final status, and NDIS
//    completes the drop itself, or returns NDIS_STATUS_PENDING and the call
//    manager completes the drop later, exactly once, with
//    Ndis(M)CmDropPartyComplete. Pending is fine only if the handler
//    completed the drop or handed the party to something that can
//    (a work item, timer, DPC, list, structure, or an unknown function;
//    unlinking it from a list hands it to nobody).
//  * The completion's status is final: never NDIS_STATUS_PENDING.
//  * After a completion with NDIS_STATUS_SUCCESS the call manager's party
//    handle is dead; the per-party state that holds it may be released only
//    once the completion has returned.
//  * A client's party handle is dead as soon as it calls NdisClDropParty,
//    unless that call returned NDIS_STATUS_FAILURE (the party was the last:
//    close the call with it instead). In ProtocolClDropPartyComplete the
//    handle in the party's own context is dead once Status is
//    NDIS_STATUS_SUCCESS; the other parties of the VC remain.
//  * A use is a call that gives the handle to NDIS; printing its value
//    (LogsValues rows of rules/support.def) is not.
//  * Ndis(M)CmDispatchIncomingDropParty must not pass a NULL buffer with a
//    non-zero size.
//
// Per drop-party handler (the top frame is a PROTOCOL_CM_DROP_PARTY):
//
//     [Open] --completion-----------------> [Completed]
//       |  \--party handed off------------> [HandedOff]
//       |
//       +--return PENDING-----------------> REPORT pending without hand-off
//   [Completed] --return final status-----> REPORT completion despite sync return
//
// Per party handle (a symbol):
//
//     [Live] --Complete(SUCCESS)----------> [Dropped]
//     [Live] --Complete(other status)-----> [Completed]
//     [Live] --NdisClDropParty------------> [ClientDropped(ret)]
//     [Dropped|Completed] --Complete------> REPORT double completion
//     [Dropped] --NDIS call, not logging--> REPORT use after drop (CM side)
//     [ClientDropped(ret != FAILURE)] --NDIS call--> REPORT use after drop (client)
//     any --Complete(PENDING)-------------> REPORT pending as completion status
//
// Per-party memory: NdisFreeMemory & co. mark its base region freed; a
// completion whose handle was read from freed memory, or made by a handler
// whose party context was freed, is REPORTed as state released before
// completion.
//
// Unknown values never produce a report: a status that may or may not be
// NDIS_STATUS_PENDING or NDIS_STATUS_SUCCESS is treated as the harmless case.
//
//===----------------------------------------------------------------------===//

#include "Api.h"
#include "CallFacts.h"
#include "DropPartyNotes.h"
#include "DropPartyState.h"
#include "ModelingChecker.h"
#include "PartyOrigin.h"
#include "ReportBudget.h"
#include "Spelling.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ento;

// Party handle symbol -> what this path did with it.
REGISTER_MAP_WITH_PROGRAMSTATE(PartyHandles, clang::ento::SymbolRef,
                               condis::HandleState)
// Frame of a PROTOCOL_CL_DROP_PARTY_COMPLETE handler (top or inlined) ->
// the Status it was called with and its party context.
REGISTER_MAP_WITH_PROGRAMSTATE(ClientDropCompletions,
                               const clang::StackFrameContext *,
                               condis::ClientDropCompletion)
// Bits of condis::HandlerProgress for the drop-party handler in the top
// frame; 0 when the top frame is not one.
REGISTER_TRAIT_WITH_PROGRAMSTATE(DropHandlerProgress, unsigned)
// Base region of memory this path has released (NdisFreeMemory & co.) ->
// the frame that released it.
REGISTER_MAP_WITH_PROGRAMSTATE(FreedPartyMemory, const clang::ento::MemRegion *,
                               const clang::StackFrameContext *)

namespace condis {
namespace {

class DropPartyChecker
    : public Checker<check::BeginFunction, check::PreCall, check::PostCall, check::Bind,
                     check::PreStmt<ReturnStmt>, check::LiveSymbols,
                     check::DeadSymbols> {
public:
  const ModelingChecker *Modeling = nullptr;

  void checkBeginFunction(CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkBind(SVal Loc, SVal Val, const Stmt *S, bool AtDeclInit,
                 CheckerContext &C) const;
  void checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

private:
  const BugType PendingWithoutHandOff{this, "Pending drop never completed",
                                      Category};
  const BugType CompletedDespiteSync{
      this, "Drop completed despite synchronous return", Category};
  const BugType DoubleCompletion{this, "Drop completed twice", Category};
  const BugType PendingAsStatus{this, "Pending status in drop completion",
                                Category};
  const BugType UseAfterDrop{this, "Party handle used after drop", Category};
  const BugType UseAfterClientDrop{this, "Party handle used after client drop",
                                   Category};
  const BugType FreedBeforeCompletion{
      this, "Party state released before drop completion", Category};
  const BugType NullDropBuffer{this, "NULL drop buffer with non-zero size",
                               Category};
  static constexpr const char *Category = "CoNDIS";

  /// The table rows with an effect this checker models, by callee.
  const CallDescriptionMap<ApiId> Modelled = buildModelled();
  static CallDescriptionMap<ApiId> buildModelled();

  std::optional<ApiId> modelledRow(const CallEvent &Call) const;
  std::optional<EffectKind> handlerEffect(const LocationContext *LC) const {
    return Modeling->handlerEffect(LC);
  }
  const StackFrameContext *enclosingHandler(const LocationContext *LC,
                                            EffectKind Effect) const {
    return Modeling->enclosingHandler(LC, Effect);
  }
  const MemRegion *handlerParty(ProgramStateRef State,
                                const StackFrameContext *SFC) const {
    return Modeling->handlerParty(State, SFC);
  }

  void checkCompletion(const CallEvent &Call, ApiId Row,
                       CheckerContext &C) const;
  void checkDispatch(const CallEvent &Call, ApiId Row, CheckerContext &C) const;
  const MemRegion *freedPartyState(SVal Handle, CheckerContext &C) const;
  void checkHandleUses(const CallEvent &Call, CheckerContext &C) const;
  bool handsOffParty(const CallEvent &Call, CheckerContext &C) const;
  /// True if the top frame is a drop-party handler that has not yet done
  /// any of \p DoneBits and an argument of \p Call derives from its party.
  bool passesParty(const CallEvent &Call, CheckerContext &C,
                   unsigned DoneBits) const;

  /// After a use-after-drop report, one bug is one report: the path goes
  /// on from \p N without the handle's state.
  void forget(SymbolRef Handle, ExplodedNode *N, CheckerContext &C) const {
    if (N)
      C.addTransition(C.getState()->remove<PartyHandles>(Handle), N);
  }

  ExplodedNode *report(const BugType &BT, StringRef Msg, CheckerContext &C,
                       SymbolRef Interesting, const Expr *At = nullptr,
                       const MemRegion *InterestingRegion = nullptr,
                       bool TrackValue = false) const;
};

// -------------------------------------------------------------------------
// Table lookups
// -------------------------------------------------------------------------

CallDescriptionMap<ApiId> DropPartyChecker::buildModelled() {
  std::vector<std::pair<CallDescription, ApiId>> Rows;
  for (unsigned I = 1; I < static_cast<unsigned>(ApiId::NumApis); ++I) {
    const ApiInfo &Info = apiInfo(static_cast<ApiId>(I));
    if (Info.Spelling != SpellingKind::Function)
      continue;
    switch (Info.Effect) {
    case EffectKind::CompletesDrop:
    case EffectKind::DispatchesDrop:
    case EffectKind::DropsParty:
      Rows.emplace_back(CallDescription(CDM::SimpleFunc, {Info.Name}),
                        static_cast<ApiId>(I));
      break;
    default:
      break;
    }
  }
  return CallDescriptionMap<ApiId>(Rows.begin(), Rows.end());
}

std::optional<ApiId>
DropPartyChecker::modelledRow(const CallEvent &Call) const {
  if (const ApiId *Row = Modelled.lookup(Call))
    return *Row;
  return std::nullopt;
}

} // namespace
} // namespace condis

// The handle of the last completion the top-frame drop handler made, for
// the note of a "completion despite synchronous return" report.
REGISTER_TRAIT_WITH_PROGRAMSTATE(HandlerCompletedHandle, const void *)

namespace condis {
namespace {

/// Ndis(M)CmDispatchIncomingDropParty(DropStatus, NdisPartyHandle, Buffer,
/// Size) (ddi:nf-ndis-ndiscmdispatchincomingdropparty.md).
constexpr unsigned DispatchBufferArg = 2;
constexpr unsigned DispatchSizeArg = 3;

// -------------------------------------------------------------------------
// Callbacks
// -------------------------------------------------------------------------

void DropPartyChecker::checkBeginFunction(CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  const StackFrameContext *SFC = C.getStackFrame();
  std::optional<ApiId> Role =
      Modeling->roleTypeOf(dyn_cast_or_null<FunctionDecl>(SFC->getDecl()));
  if (!Role || apiInfo(*Role).Effect != EffectKind::HandlesDropComplete)
    return;
  const ApiInfo &Info = apiInfo(*Role);
  ProgramStateRef State = C.getState();
  const MemRegion *Party =
      ModelingChecker::handlerParam(State, SFC, Info.PartyArg).getAsRegion();
  if (!Party)
    return;
  C.addTransition(State->set<ClientDropCompletions>(
      SFC, {ModelingChecker::handlerParam(State, SFC, Info.StatusArg), Party->getBaseRegion()}));
}

void DropPartyChecker::checkPreCall(const CallEvent &Call,
                                    CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  if (std::optional<ApiId> Row = modelledRow(Call)) {
    switch (apiInfo(*Row).Effect) {
    case EffectKind::CompletesDrop:
      checkCompletion(Call, *Row, C);
      return;
    case EffectKind::DispatchesDrop:
      checkDispatch(Call, *Row, C);
      break;
    default:
      break;
    }
  }
  if (isNdisCall(Call))
    checkHandleUses(Call, C);
}

void DropPartyChecker::checkCompletion(const CallEvent &Call, ApiId Row,
                                       CheckerContext &C) const {
  const ApiInfo &Info = apiInfo(Row);
  ProgramStateRef State = C.getState();
  SVal Status = argSVal(Call, Info.StatusArg);
  SVal Handle = argSVal(Call, Info.PartyArg);
  SymbolRef H = Handle.getAsSymbol();
  std::string Name = spelledName(Call, Row, C);

  // Each finding still lets the call happen: the path goes on from the
  // error node with the drop completed, so one bug is reported once.
  ExplodedNode *Pred = nullptr;
  const HandleState *Prior = H ? State->get<PartyHandles>(H) : nullptr;
  if (statusIs(State, Status, StatusPending, C) == Truth::Yes) {
    Pred = report(PendingAsStatus,
                  "NDIS_STATUS_PENDING passed as the status of " + Name +
                      "; a completion reports the final status of the drop "
                      "(NDIS_STATUS_SUCCESS or a failure code)",
                  C, H, argExpr(Call, Info.StatusArg));
  } else if (Prior && Prior->isCompleted()) {
    Pred = report(DoubleCompletion,
                  "Drop for this party completed a second time by " + Name +
                      "; complete each pended drop exactly once",
                  C, H, argExpr(Call, Info.PartyArg));
  } else if (const MemRegion *Freed = freedPartyState(Handle, C)) {
    Pred = report(FreedBeforeCompletion,
                  "Per-party state released before " + Name +
                      "; release it only after the completion has returned",
                  C, H, argExpr(Call, Info.PartyArg), Freed);
  }

  Truth Success = statusIs(State, Status, StatusSuccess, C);
  if (H)
    State = State->set<PartyHandles>(H, HandleState::completed(Status));
  if (handlerEffect(topFrame(C.getLocationContext())) ==
      EffectKind::HandlesDrop) {
    State = State->set<DropHandlerProgress>(
        State->get<DropHandlerProgress>() | DropCompleted);
    State = State->set<HandlerCompletedHandle>(H);
  }
  const NoteTag *Tag = completionNote(C, H, Name, Success);
  if (Pred)
    C.addTransition(State, Pred, Tag);
  else
    C.addTransition(State, Tag);
}

const MemRegion *DropPartyChecker::freedPartyState(SVal Handle,
                                                   CheckerContext &C) const {
  // The handle was read from freed memory, or the handler's own party
  // context was freed. Only the memory the handle itself was read from
  // counts, and only a release made by this function or its callees: the
  // analyzer cannot tell the entries of an intrusive list apart, so a
  // party freed by an earlier call of this function (an earlier loop
  // iteration of its caller) may look like the one completed now.
  ProgramStateRef State = C.getState();
  const StackFrameContext *Here = C.getStackFrame();
  auto FreedHere = [&](const MemRegion *R) {
    const StackFrameContext *const *By = State->get<FreedPartyMemory>(R);
    if (!By)
      return false;
    for (const LocationContext *LC = *By; LC; LC = LC->getParent())
      if (LC == Here)
        return true;
    return false;
  };
  if (const MemRegion *From = loadedFrom(Handle))
    if (FreedHere(From))
      return From;
  if (const StackFrameContext *SFC =
          enclosingHandler(C.getLocationContext(), EffectKind::HandlesDrop))
    if (const MemRegion *Party = handlerParty(State, SFC))
      if (FreedHere(Party))
        return Party;
  return nullptr;
}

void DropPartyChecker::checkDispatch(const CallEvent &Call, ApiId Row,
                                     CheckerContext &C) const {
  if (Call.getNumArgs() <= DispatchSizeArg)
    return;
  ProgramStateRef State = C.getState();
  SVal Buffer = Call.getArgSVal(DispatchBufferArg);
  SVal Size = Call.getArgSVal(DispatchSizeArg);
  auto DB = Buffer.getAs<DefinedOrUnknownSVal>();
  if (!DB || !State->isNull(*DB).isConstrainedTrue())
    return;
  if (statusIs(State, Size, 0, C) != Truth::No)
    return;
  report(NullDropBuffer,
         spelledName(Call, Row, C) +
             " called with a NULL buffer and a non-zero size; pass a size of "
             "0 when there is no close data",
         C, nullptr, Call.getArgExpr(DispatchSizeArg));
}

void DropPartyChecker::checkHandleUses(const CallEvent &Call,
                                       CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  std::string Name = calleeName(Call, C);

  // In ProtocolClDropPartyComplete, the party's handle is dead once the
  // handler's Status is NDIS_STATUS_SUCCESS. Only the handle in the party's
  // own context is: one read through a pointer stored there (Party->Next,
  // the VC's party list) is a remaining party's, which the client may drop.
  const MemRegion *DoneParty = nullptr;
  Truth DoneSuccess = Truth::Maybe;
  int PartyArgOfCallee = -1;
  for (const LocationContext *LC = C.getLocationContext(); LC;
       LC = LC->getParent()) {
    const auto *SFC = dyn_cast<StackFrameContext>(LC);
    const ClientDropCompletion *Done =
        SFC ? State->get<ClientDropCompletions>(SFC) : nullptr;
    if (!Done)
      continue;
    DoneParty = Done->Party;
    DoneSuccess = statusIs(State, Done->Status, StatusSuccess, C);
    if (const IdentifierInfo *II = Call.getCalleeIdentifier())
      if (std::optional<ApiId> Row = lookupApi(II->getName()))
        PartyArgOfCallee = apiInfo(*Row).PartyArg;
    break;
  }

  for (unsigned I = 0, E = Call.getNumArgs(); I != E; ++I) {
    SVal V = Call.getArgSVal(I);
    SymbolRef S = V.getAsSymbol();
    if (const HandleState *HS = S ? State->get<PartyHandles>(S) : nullptr) {
      if (HS->isCompleted() &&
          statusIs(State, HS->status(), StatusSuccess, C) == Truth::Yes) {
        forget(S, report(UseAfterDrop,
                         "Party handle passed to " + Name +
                             " after the drop completed with "
                             "NDIS_STATUS_SUCCESS; the call manager must not "
                             "use it any more",
                         C, S, Call.getArgExpr(I)),
               C);
        return;
      }
      if (HS->isClientDropped() &&
          statusIs(State, HS->status(), StatusFailure, C) != Truth::Yes) {
        forget(S, report(UseAfterClientDrop,
                         "Party handle passed to " + Name +
                             " after NdisClDropParty invalidated it; only "
                             "when NdisClDropParty returns NDIS_STATUS_FAILURE "
                             "(the last party) may the client still use it, "
                             "to close the call",
                         C, S, Call.getArgExpr(I)),
               C);
        return;
      }
      continue;
    }
    if (DoneParty && DoneSuccess == Truth::Yes &&
        static_cast<int>(I) == PartyArgOfCallee &&
        isReadFromOwnField(V, DoneParty)) {
      report(UseAfterClientDrop,
             "Party handle passed to " + Name +
                 " after the drop completed with NDIS_STATUS_SUCCESS; the "
                 "party is gone and its handle is invalid",
             C, S, Call.getArgExpr(I), nullptr, /*TrackValue=*/true);
      return;
    }
  }
}

void DropPartyChecker::checkPostCall(const CallEvent &Call,
                                     CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  ProgramStateRef State = C.getState();
  if (std::optional<ApiId> Row = modelledRow(Call)) {
    const ApiInfo &Info = apiInfo(*Row);
    if (Info.Effect == EffectKind::DropsParty) {
      SymbolRef H = argSVal(Call, Info.PartyArg).getAsSymbol();
      if (!H)
        return;
      State = State->set<PartyHandles>(
          H, HandleState::clientDropped(Call.getReturnValue()));
      C.addTransition(State, clientDropNote(C, H));
    }
    return;
  }

  const IdentifierInfo *II = Call.getCalleeIdentifier();
  if (const SupportInfo *S = II ? lookupSupport(II->getName()) : nullptr) {
    if (S->Effect == SupportEffect::FreesMemory && S->Arg >= 0 &&
        static_cast<unsigned>(S->Arg) < Call.getNumArgs()) {
      if (const MemRegion *R = Call.getArgSVal(S->Arg).getAsRegion()) {
        const MemRegion *Base = R->getBaseRegion();
        C.addTransition(State->set<FreedPartyMemory>(Base, C.getStackFrame()),
                        freedNote(C, Base, S->Name.str()));
        return;
      }
    }
  }

  if (handsOffParty(Call, C)) {
    C.addTransition(State->set<DropHandlerProgress>(
        State->get<DropHandlerProgress>() | PartyHandedOff));
    return;
  }
  // A helper of the driver's got the party and gave it to nobody: say so,
  // since that is usually where the hand-off was meant to happen.
  if (C.wasInlined && II &&
      passesParty(Call, C, PartyHandedOff | DropCompleted))
    C.addTransition(State, notHandedOffNote(C, II->getName().str(),
                                                &PendingWithoutHandOff));
}

bool DropPartyChecker::passesParty(const CallEvent &Call, CheckerContext &C,
                                   unsigned DoneBits) const {
  const StackFrameContext *Top = topFrame(C.getLocationContext());
  if (handlerEffect(Top) != EffectKind::HandlesDrop ||
      (C.getState()->get<DropHandlerProgress>() & DoneBits))
    return false;
  const MemRegion *Party = handlerParty(C.getState(), Top);
  if (!Party)
    return false;
  for (unsigned I = 0, E = Call.getNumArgs(); I != E; ++I)
    if (isDerivedFrom(Call.getArgSVal(I), Party))
      return true;
  return false;
}

bool DropPartyChecker::handsOffParty(const CallEvent &Call,
                                     CheckerContext &C) const {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  StringRef Name = II ? II->getName() : "";
  // CoNDIS APIs cannot complete the drop on the driver's behalf.
  if (!Name.empty() && lookupApi(Name))
    return false;
  const SupportInfo *S = Name.empty() ? nullptr : lookupSupport(Name);
  if (S && S->Effect != SupportEffect::HandsOff)
    return false;
  // An inlined callee showed us what it does with the party.
  if (!S && C.wasInlined)
    return false;
  return passesParty(Call, C, PartyHandedOff);
}

void DropPartyChecker::checkBind(SVal Loc, SVal Val, const Stmt *,
                                 bool /*AtDeclInit*/, CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  ProgramStateRef State = C.getState();
  const StackFrameContext *Top = topFrame(C.getLocationContext());
  if (handlerEffect(Top) != EffectKind::HandlesDrop ||
      (State->get<DropHandlerProgress>() & PartyHandedOff))
    return;
  const MemRegion *Party = handlerParty(State, Top);
  const MemRegion *Target = Loc.getAsRegion();
  if (!Party || !Target)
    return;
  // Storing the party into its own fields, or into locals that die with
  // the handler, hands nothing off.
  if (Target->getBaseRegion() == Party ||
      isa<StackSpaceRegion>(Target->getMemorySpace(State)))
    return;
  // Neither does storing its links to its neighbours into them: unlinking it
  // (RemoveEntryList) leaves it reachable from nowhere.
  if (!isDerivedFrom(Val, Party) || isListLink(Val))
    return;
  C.addTransition(State->set<DropHandlerProgress>(
      State->get<DropHandlerProgress>() | PartyHandedOff));
}

void DropPartyChecker::checkPreStmt(const ReturnStmt *RS,
                                    CheckerContext &C) const {
  if (!C.inTopFrame() || !Modeling->concerns(C.getASTContext()) ||
      handlerEffect(C.getStackFrame()) != EffectKind::HandlesDrop)
    return;
  const Expr *RV = RS->getRetValue();
  if (!RV)
    return;
  ProgramStateRef State = C.getState();
  unsigned Progress = State->get<DropHandlerProgress>();
  Truth Pending = statusIs(State, C.getSVal(RV), StatusPending, C);
  if (Pending == Truth::Yes && !(Progress & (DropCompleted | PartyHandedOff))) {
    report(PendingWithoutHandOff,
           "Drop-party handler returns NDIS_STATUS_PENDING but on this path "
           "it neither completed the drop nor handed the party to a work "
           "item, timer, DPC or list that could; NDIS will wait forever for "
           "the completion",
           C, nullptr, RV, nullptr, /*TrackValue=*/true);
    return;
  }
  if (Pending == Truth::No && (Progress & DropCompleted)) {
    report(CompletedDespiteSync,
           "Drop-party handler completed the drop and then returns a final "
           "status; NDIS completes a synchronous drop itself, so either "
           "return NDIS_STATUS_PENDING after calling the completion or "
           "return the status without calling it",
           C,
           static_cast<SymbolRef>(State->get<HandlerCompletedHandle>()), RV);
  }
}

void DropPartyChecker::checkLiveSymbols(ProgramStateRef State,
                                        SymbolReaper &SR) const {
  if (!Modeling->concerns(State->getStateManager().getContext()))
    return;
  // The status a handle was dropped with decides later reports: keep its
  // constraints alive as long as the handle is.
  for (const auto &[Sym, HS] : State->get<PartyHandles>())
    if (SymbolRef Status = HS.status().getAsSymbol())
      SR.markLive(Status);
  for (const auto &[Frame, Done] : State->get<ClientDropCompletions>())
    if (SymbolRef Status = Done.Status.getAsSymbol())
      SR.markLive(Status);
}

void DropPartyChecker::checkDeadSymbols(SymbolReaper &SR,
                                        CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  ProgramStateRef State = C.getState();
  bool Changed = false;
  for (const auto &[Sym, HS] : State->get<PartyHandles>()) {
    if (SR.isDead(Sym)) {
      State = State->remove<PartyHandles>(Sym);
      Changed = true;
    }
  }
  if (Changed)
    C.addTransition(State);
}

ExplodedNode *DropPartyChecker::report(const BugType &BT, StringRef Msg,
                                       CheckerContext &C,
                                       SymbolRef Interesting, const Expr *At,
                                       const MemRegion *InterestingRegion,
                                       bool TrackValue) const {
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return nullptr;
  auto R = std::make_unique<PathSensitiveBugReport>(BT, Msg, N);
  if (At)
    R->addRange(At->getSourceRange());
  if (Interesting)
    R->markInteresting(Interesting);
  if (InterestingRegion)
    R->markInteresting(InterestingRegion);
  // Show where a returned status came from ("'Status' initialized to ...").
  if (TrackValue && At)
    bugreporter::trackExpressionValue(N, At, *R);
  addReportBudget(*R);
  C.emitReport(std::move(R));
  return N;
}

void DropPartyChecker::printState(raw_ostream &Out, ProgramStateRef State,
                                  const char *NL, const char *Sep) const {
  auto Handles = State->get<PartyHandles>();
  if (!Handles.isEmpty()) {
    Out << Sep << "Party handles:" << NL;
    for (const auto &[Sym, HS] : Handles) {
      Sym->dumpToStream(Out);
      Out << " : ";
      HS.dump(Out);
      Out << NL;
    }
  }
  if (unsigned P = State->get<DropHandlerProgress>())
    Out << Sep << "Drop handler:" << (P & DropCompleted ? " completed" : "")
        << (P & PartyHandedOff ? " handed-off" : "") << NL;
  auto Freed = State->get<FreedPartyMemory>();
  if (!Freed.isEmpty()) {
    Out << Sep << "Freed party memory:" << NL;
    for (const auto &[R, By] : Freed)
      Out << R << NL;
  }
}

} // namespace

void registerDropPartyChecker(CheckerManager &Mgr) {
  auto *Chk = Mgr.registerChecker<DropPartyChecker>();
  Chk->Modeling = Mgr.getChecker<ModelingChecker>();
}

bool shouldRegisterDropPartyChecker(const CheckerManager &) { return true; }

} // namespace condis
