//===-- CompletionChecker.cpp - condis.Completion and condis.DropParty -*- C++ -*-===//
//
// Part of condis-check. One engine for every asynchronous CoNDIS operation:
// each is a row of rules/operations.def, each call that ends a handle a row
// of rules/handle-ends.def, and the engine knows no operation by name. Its
// findings are reported under the row's checker: condis.DropParty for the
// drop-party rows, condis.Completion for every other. What is only about
// parties (handle-end rows of a handler, whose handle is the party's; the
// dispatch of an incoming drop) is at the end of the file.
//
// Contract (../shared/reference/condis-rules.md, "Pairing rules" and
// "Handle-lifetime rules"; the rows cite their pages):
//
//  * A handler (the row's Handler role type) either returns a final status,
//    and NDIS completes the request itself, or returns NDIS_STATUS_PENDING
//    and its driver completes the request later, exactly once, with the
//    row's Completion (an MCM writes the NdisMCm* macro over it). Pending is
//    fine only if the handler completed the request or handed its context
//    (the ContextArg parameter) to something that can: a work item, timer,
//    DPC, list, structure, or an unknown function; unlinking it from a list
//    hands it to nobody. A value stored into a field that another function
//    of the file tests for it before completing the request (a completion
//    mark, CompletionMarks.h: Af->Flags |= AF_CLOSING) hands it to that
//    function.
//  * A completion's status is final: never NDIS_STATUS_PENDING; rows with
//    StatusRule SuccessOnly take NDIS_STATUS_SUCCESS and nothing else.
//  * A completion completes one request (its HandleArg) once.
//  * After a handle-end row's call, under the row's condition, the handle
//    is dead: a use is a call that gives it to NDIS; printing its value
//    (LogsValues rows of rules/support.def) is not.
//  * The state a request's handle is kept in may be released only once the
//    completion has returned.
//  * Inside a handler of a handle-end row's role type, under the row's
//    condition on the handler's status, the party handle in the handler's
//    own party context is dead, except for the row's Except calls: in
//    ProtocolClDropPartyComplete once Status is NDIS_STATUS_SUCCESS (the
//    VC's other parties remain), in ProtocolClIncomingDropParty always
//    (NdisClDropParty finishes the drop with it, or NdisClCloseCall when it
//    was the last party).
//  * Parties only: Ndis(M)CmDispatchIncomingDropParty must not pass a NULL
//    buffer with a non-zero size.
//
// Per handler in the top frame (its row's operation):
//
//     [Open] --the row's completion-------> [Completed]
//       |  \--context handed off, or------> [HandedOff]
//       |     a completion mark stored
//       |
//       +--return PENDING-----------------> REPORT pending without hand-off
//   [Completed] --return final status-----> REPORT completion despite sync return
//
// Per request (operation, handle symbol):
//
//     [Live] --Completion-----------------> [Completed]
//     [Completed] --Completion------------> REPORT double completion
//     any --Completion(PENDING)-----------> REPORT pending as completion status
//     any --Completion(not SUCCESS), SuccessOnly row --> REPORT
//
// Per handle (a symbol), for each rules/handle-ends.def row:
//
//     [Live] --row's call-----------------> [Ended(status)]
//     [Ended(s)] --NDIS call, not logging, not one of the row's Except, row's
//                  condition known true on s --> REPORT use after the end
//
// Per handler frame of a role-type handle-end row (top or inlined):
//
//     entry -------------------------------> [Dead(row, status, context)]
//     [Dead] --the context's own party handle to an NDIS call, not one of
//              the row's Except, row's condition known true --> REPORT
//
// Completions are evaluated here (evalCall): they write nothing the driver
// owns, so the context passed along with a handle keeps its values.
//
// Unknown values never produce a report: a status that may or may not be
// NDIS_STATUS_PENDING or NDIS_STATUS_SUCCESS is treated as the harmless case.
//
//===----------------------------------------------------------------------===//

#include "Api.h"
#include "CallFacts.h"
#include "CompletionMarks.h"
#include "CompletionNotes.h"
#include "CompletionState.h"
#include "ModelingChecker.h"
#include "Operations.h"
#include "PartyOrigin.h"
#include "ReportLimit.h"
#include "TimeBudget.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <memory>
#include <vector>

using namespace clang;
using namespace clang::ento;

// Handle symbol -> the handle-end call it was given to.
REGISTER_MAP_WITH_PROGRAMSTATE(EndedHandles, clang::ento::SymbolRef,
                               condis::HandleEnd)
// Requests (operation, handle) completed on this path. Only that they were
// counts: with the status as well, paths that completed with different
// status values would never meet again.
REGISTER_SET_WITH_PROGRAMSTATE(CompletedRequests, condis::RequestKey)
// Operation of the handler in the top frame -> bits of
// condis::HandlerProgressBits; empty when the top frame is no handler.
REGISTER_MAP_WITH_PROGRAMSTATE(HandlerProgress, unsigned, unsigned)
// The status a CoNDIS request returned that the top-frame handler made with
// its context (NdisCmActivateVc from a make-call handler): if it pended,
// NDIS calls the driver back and the callback finishes the request.
REGISTER_TRAIT_WITH_PROGRAMSTATE(ForwardedStatus, const void *)
// The handle of the last completion the top-frame handler made, for the
// note of a "completion despite synchronous return" report.
REGISTER_TRAIT_WITH_PROGRAMSTATE(HandlerCompletedHandle, const void *)
// Base region of memory this path has released (NdisFreeMemory & co.) ->
// the frame that released it.
REGISTER_MAP_WITH_PROGRAMSTATE(FreedMemory, const clang::ento::MemRegion *,
                               const clang::StackFrameContext *)
// Frame of a handler of a role-type handle-end row (top or inlined) -> the
// row, the handler's status and its party context.
REGISTER_MAP_WITH_PROGRAMSTATE(HandlerDeadHandles,
                               const clang::StackFrameContext *,
                               condis::HandlerDeadHandle)

namespace condis {
namespace {

/// The bug types of one operation, in its row's words.
struct OperationBugs {
  std::unique_ptr<BugType> PendingWithoutHandOff, CompletedDespiteSync,
      DoubleCompletion, PendingAsStatus, NotSuccess, FreedBeforeCompletion;
};

class CompletionChecker
    : public CheckerFamily<check::BeginFunction, check::PreCall,
                           eval::Call, check::PostCall, check::Bind,
                           check::PreStmt<ReturnStmt>, check::LiveSymbols,
                           check::DeadSymbols, check::EndAnalysis> {
public:
  CheckerFrontend DropParty, Completion;
  const ModelingChecker *Modeling = nullptr;

  CompletionChecker();
  StringRef getDebugTag() const override { return "condis.Completion+condis.DropParty"; }

  void checkBeginFunction(CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  bool evalCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkBind(SVal Loc, SVal Val, const Stmt *S, bool AtDeclInit,
                 CheckerContext &C) const;
  void checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkEndAnalysis(ExplodedGraph &, BugReporter &, ExprEngine &) const {
    Limit.reset();
  }
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

private:
  static constexpr const char *Category = "CoNDIS";
  std::vector<OperationBugs> OpBugs;           // by OperationId
  std::vector<std::unique_ptr<BugType>> EndBugs; // by handle-end row
  std::unique_ptr<BugType> NullDropBuffer;
  ReportLimit Limit;
  std::map<const BugType *, const CheckerFrontend *> Owners;
  /// The object each "state released before completion" bug is about.
  std::map<const BugType *, std::string> FreedObjects;
  /// The completion marks of the translation unit being analysed.
  mutable std::unique_ptr<CompletionMarks> Marks;
  mutable const ASTContext *MarksTU = nullptr;
  const CompletionMarks &marks(ASTContext &Ctx) const {
    if (MarksTU != &Ctx) {
      Marks = std::make_unique<CompletionMarks>(Ctx,
                                                Modeling->facts(Ctx).marks());
      MarksTU = &Ctx;
    }
    return *Marks;
  }
  /// Whether a function tests a field \p Target lies in for a value \p Val
  /// gives it and completes \p Op (a completion mark), other than the
  /// operation's own handlers: in this file, or in another file of the
  /// project whose facts condis-check shares.
  bool isMark(const MemRegion *Target, SVal Val, const OperationInfo &Op,
              CheckerContext &C) const;

  const CheckerFrontend &frontend(Frontend F) const {
    return F == Frontend::DropParty ? DropParty : Completion;
  }
  const OperationBugs &bugs(const OperationInfo &Op) const {
    return OpBugs[static_cast<unsigned>(Op.Id)];
  }
  const BugType &endBug(const HandleEndInfo &Row) const {
    return *EndBugs[&Row - allHandleEnds().data()];
  }

  /// Function rows the engine models, by ApiId.
  const std::vector<bool> Modelled = buildModelled();
  static std::vector<bool> buildModelled();
  /// The modelled row each call site calls (ApiId::None: none), so that a
  /// call event costs one hash lookup, not a name match per row.
  mutable llvm::DenseMap<const Expr *, ApiId> RowAt;
  mutable const ASTContext *RowAtTU = nullptr;
  std::optional<ApiId> modelledRow(const CallEvent &Call) const;

  /// The operation of the handler in frame \p LC, if it is one.
  const OperationInfo *handlerOperation(const LocationContext *LC) const;
  /// The base region of the context the handler of frame \p SFC must keep.
  const MemRegion *handlerContext(ProgramStateRef State,
                                  const StackFrameContext *SFC,
                                  const OperationInfo &Op) const;
  /// The innermost frame around \p LC whose function handles \p Op.
  const StackFrameContext *enclosingHandler(const LocationContext *LC,
                                            const OperationInfo &Op) const;

  unsigned progress(ProgramStateRef State, const OperationInfo &Op) const {
    const unsigned *P = State->get<HandlerProgress>(static_cast<unsigned>(Op.Id));
    return P ? *P : 0;
  }
  ProgramStateRef addProgress(ProgramStateRef State, const OperationInfo &Op,
                              unsigned Bits) const {
    return State->set<HandlerProgress>(static_cast<unsigned>(Op.Id),
                                       progress(State, Op) | Bits);
  }

  void checkCompletion(const CallEvent &Call, ApiId Row, const OperationInfo &Op,
                       CheckerContext &C) const;
  const MemRegion *freedState(SVal Handle, const OperationInfo &Op,
                              CheckerContext &C) const;
  /// Reports the first argument of \p Call that is a dead handle; true if
  /// it did.
  bool checkHandleUses(const CallEvent &Call, CheckerContext &C) const;
  bool handleIsDead(ProgramStateRef State, const HandleEnd &E,
                    CheckerContext &C) const;
  void endHandle(const CallEvent &Call, const HandleEndInfo &Row,
                 CheckerContext &C) const;
  bool handsOffContext(const CallEvent &Call, CheckerContext &C) const;
  /// True if the top frame is a handler that has not yet done any of
  /// \p DoneBits and an argument of \p Call derives from its context.
  const OperationInfo *passesContext(const CallEvent &Call, CheckerContext &C,
                                     unsigned DoneBits) const;

  // Parties only.
  void checkDispatchDrop(const CallEvent &Call, ApiId Row,
                         CheckerContext &C) const;
  bool checkHandlerDeadHandleUse(const CallEvent &Call,
                                 CheckerContext &C) const;

  /// After a use-after-end report, one bug is one report: the path goes on
  /// from \p N without the handle's state.
  void forget(SymbolRef Handle, ExplodedNode *N, CheckerContext &C) const {
    if (N)
      C.addTransition(C.getState()->remove<EndedHandles>(Handle), N);
  }

  ExplodedNode *report(const BugType &BT, StringRef Msg, CheckerContext &C,
                       SymbolRef Interesting, const Expr *At = nullptr,
                       const MemRegion *InterestingRegion = nullptr,
                       bool TrackValue = false) const;
};

// -------------------------------------------------------------------------
// Bug types and table lookups
// -------------------------------------------------------------------------

CompletionChecker::CompletionChecker() {
  for (const OperationInfo &Op : allOperations()) {
    const CheckerFrontend *F = &frontend(Op.Checker);
    std::string Noun = Op.Noun.str(), Cap = Op.nounCapitalised();
    OperationBugs B;
    B.PendingWithoutHandOff = std::make_unique<BugType>(
        F, "Pending " + Noun + " never completed", Category);
    B.CompletedDespiteSync = std::make_unique<BugType>(
        F, Cap + " completed despite synchronous return", Category);
    B.DoubleCompletion =
        std::make_unique<BugType>(F, Cap + " completed twice", Category);
    B.PendingAsStatus = std::make_unique<BugType>(
        F, "Pending status in " + Noun + " completion", Category);
    B.NotSuccess = std::make_unique<BugType>(
        F, "Failure status in " + Noun + " completion", Category);
    B.FreedBeforeCompletion = std::make_unique<BugType>(
        F, Op.objectCapitalised() + " state released before " + Noun +
               " completion",
        Category);
    for (const auto *BT :
         {&B.PendingWithoutHandOff, &B.CompletedDespiteSync, &B.DoubleCompletion,
          &B.PendingAsStatus, &B.NotSuccess, &B.FreedBeforeCompletion})
      Owners[BT->get()] = F;
    FreedObjects[B.FreedBeforeCompletion.get()] = Op.objectCapitalised();
    OpBugs.push_back(std::move(B));
  }
  for (const HandleEndInfo &Row : allHandleEnds()) {
    EndBugs.push_back(
        std::make_unique<BugType>(&frontend(Row.Checker), Row.BugName, Category));
    Owners[EndBugs.back().get()] = &frontend(Row.Checker);
    // A handler row's handle is found through the callee's PartyArg.
    assert((apiInfo(Row.Api).Spelling != SpellingKind::RoleType ||
            Row.Handle == HandleKind::Party) &&
           "a handler row of rules/handle-ends.def ends a party handle");
  }
  NullDropBuffer = std::make_unique<BugType>(
      &DropParty, "NULL drop buffer with non-zero size", Category);
  Owners[NullDropBuffer.get()] = &DropParty;
}

std::vector<bool> CompletionChecker::buildModelled() {
  std::vector<bool> Rows(static_cast<unsigned>(ApiId::NumApis));
  for (unsigned I = 1; I < static_cast<unsigned>(ApiId::NumApis); ++I) {
    ApiId Id = static_cast<ApiId>(I);
    const ApiInfo &Info = apiInfo(Id);
    if (Info.Spelling != SpellingKind::Function)
      continue;
    if (operationOfCompletion(Id) || handleEndOf(Id) ||
        Info.Effect == EffectKind::DispatchesDrop)
      Rows[I] = true;
  }
  return Rows;
}

std::optional<ApiId> CompletionChecker::modelledRow(const CallEvent &Call) const {
  auto Find = [&]() -> ApiId {
    // A plain call of a free function named by a row.
    if (!isa<SimpleFunctionCall>(Call))
      return ApiId::None;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    const IdentifierInfo *II = FD ? FD->getIdentifier() : nullptr;
    std::optional<ApiId> Row = II ? lookupApi(II->getName()) : std::nullopt;
    return Row && Modelled[static_cast<unsigned>(*Row)] ? *Row : ApiId::None;
  };
  const Expr *Site = Call.getOriginExpr();
  ApiId Row;
  if (!Site) {
    Row = Find();
  } else {
    const ASTContext &Ctx =
        Call.getLocationContext()->getAnalysisDeclContext()->getASTContext();
    if (RowAtTU != &Ctx) {
      RowAt.clear();
      RowAtTU = &Ctx;
    }
    auto [It, New] = RowAt.try_emplace(Site, ApiId::None);
    if (New)
      It->second = Find();
    Row = It->second;
  }
  if (Row == ApiId::None)
    return std::nullopt;
  return Row;
}

const OperationInfo *
CompletionChecker::handlerOperation(const LocationContext *LC) const {
  if (!LC)
    return nullptr;
  std::optional<ApiId> Role = Modeling->roleTypeOf(
      dyn_cast_or_null<FunctionDecl>(LC->getStackFrame()->getDecl()));
  return Role ? operationOfHandler(*Role) : nullptr;
}

const MemRegion *
CompletionChecker::handlerContext(ProgramStateRef State,
                                  const StackFrameContext *SFC,
                                  const OperationInfo &Op) const {
  const MemRegion *R =
      ModelingChecker::handlerParam(State, SFC, Op.ContextArg).getAsRegion();
  return R ? R->getBaseRegion() : nullptr;
}

const StackFrameContext *
CompletionChecker::enclosingHandler(const LocationContext *LC,
                                    const OperationInfo &Op) const {
  for (; LC; LC = LC->getParent())
    if (const auto *SFC = dyn_cast<StackFrameContext>(LC))
      if (handlerOperation(SFC) == &Op)
        return SFC;
  return nullptr;
}

} // namespace
} // namespace condis

namespace condis {
namespace {

/// Ndis(M)CmDispatchIncomingDropParty(DropStatus, NdisPartyHandle, Buffer,
/// Size) (ddi:nf-ndis-ndiscmdispatchincomingdropparty.md).
constexpr unsigned DispatchBufferArg = 2;
constexpr unsigned DispatchSizeArg = 3;

// -------------------------------------------------------------------------
// Callbacks
// -------------------------------------------------------------------------

void CompletionChecker::checkBeginFunction(CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  // A handler of a role-type handle-end row (ProtocolClIncomingDropParty)
  // remembers its row, status and party context.
  const StackFrameContext *SFC = C.getStackFrame();
  std::optional<ApiId> Role =
      Modeling->roleTypeOf(dyn_cast_or_null<FunctionDecl>(SFC->getDecl()));
  const HandleEndInfo *Row = Role ? handleEndOf(*Role) : nullptr;
  if (!Row)
    return;
  ProgramStateRef State = C.getState();
  const MemRegion *Context =
      ModelingChecker::handlerParam(State, SFC, Row->Arg).getAsRegion();
  if (!Context)
    return;
  SVal Status = Row->When == EndWhen::Always
                    ? SVal(UnknownVal())
                    : ModelingChecker::handlerParam(State, SFC,
                                                    apiInfo(*Role).StatusArg);
  C.addTransition(State->set<HandlerDeadHandles>(
      SFC, {Row, Status, Context->getBaseRegion()}));
}

void CompletionChecker::checkPreCall(const CallEvent &Call,
                                     CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  if (std::optional<ApiId> Row = modelledRow(Call)) {
    if (const OperationInfo *Op = operationOfCompletion(*Row)) {
      checkCompletion(Call, *Row, *Op, C);
      return;
    }
    if (apiInfo(*Row).Effect == EffectKind::DispatchesDrop)
      checkDispatchDrop(Call, *Row, C);
  }
  if (isNdisCall(Call))
    checkHandleUses(Call, C);
}

bool CompletionChecker::evalCall(const CallEvent &Call,
                                 CheckerContext &C) const {
  // A completion hands a result to NDIS and writes nothing the driver owns:
  // without this, the call would invalidate what its pointer arguments
  // point to (the driver's context passed along with the handle), and a
  // handle read from there afterwards would look like a new one.
  if (!Modeling->concerns(C.getASTContext()))
    return false;
  std::optional<ApiId> Row = modelledRow(Call);
  if (!Row || !operationOfCompletion(*Row) ||
      !Call.getResultType()->isVoidType())
    return false;
  return true;
}

void CompletionChecker::checkCompletion(const CallEvent &Call, ApiId Row,
                                        const OperationInfo &Op,
                                        CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  SVal Status = argSVal(Call, Op.StatusArg);
  SVal Handle = argSVal(Call, Op.HandleArg);
  SymbolRef H = Handle.getAsSymbol();
  std::string Name = spelledRowName(Call, Row, C);
  const OperationBugs &B = bugs(Op);
  std::string Noun = Op.Noun.str();

  // Each finding still lets the call happen: the path goes on from the
  // error node with the request completed, so one bug is reported once.
  ExplodedNode *Pred = nullptr;
  Truth Success = statusIs(State, Status, StatusSuccess, C);
  if (statusIs(State, Status, StatusPending, C) == Truth::Yes) {
    Pred = report(*B.PendingAsStatus,
                  "NDIS_STATUS_PENDING passed as the status of " + Name +
                      "; a completion reports the final status of the " +
                      Noun + " (NDIS_STATUS_SUCCESS or a failure code)",
                  C, H, argExpr(Call, Op.StatusArg));
  } else if (H && State->contains<CompletedRequests>(RequestKey{Op.Id, H})) {
    Pred = report(*B.DoubleCompletion,
                  Op.nounCapitalised() + " for this " + Op.Object.str() +
                      " completed a second time by " + Name +
                      "; complete each pended " + Noun + " exactly once",
                  C, H, argExpr(Call, Op.HandleArg));
  } else if (Op.Rule == StatusRule::SuccessOnly && Success == Truth::No) {
    Pred = report(*B.NotSuccess,
                  Name + " called with a status other than "
                         "NDIS_STATUS_SUCCESS; the " +
                      Noun + " cannot fail, so its completion takes "
                             "NDIS_STATUS_SUCCESS only",
                  C, H, argExpr(Call, Op.StatusArg), nullptr,
                  /*TrackValue=*/true);
  } else if (const MemRegion *Freed = freedState(Handle, Op, C)) {
    Pred = report(*B.FreedBeforeCompletion,
                  "Per-" + Op.Object.str() + " state released before " + Name +
                      "; release it only after the completion has returned",
                  C, H, argExpr(Call, Op.HandleArg), Freed);
  } else if (checkHandleUses(Call, C)) {
    return;
  }

  if (H)
    State = State->add<CompletedRequests>(RequestKey{Op.Id, H});
  const HandleEndInfo *Ends = handleEndOf(Row);
  if (Ends)
    if (SymbolRef Dying = argSVal(Call, Ends->Arg).getAsSymbol())
      State = State->set<EndedHandles>(Dying, HandleEnd{Ends, Status});
  const StackFrameContext *Top = topFrame(C.getLocationContext());
  if (handlerOperation(Top) == &Op) {
    State = addProgress(State, Op, RequestCompleted);
    State = State->set<HandlerCompletedHandle>(H);
  }
  SymbolRef NoteHandle = H;
  if (Ends && Ends->Arg != Op.HandleArg)
    NoteHandle = argSVal(Call, Ends->Arg).getAsSymbol();
  const NoteTag *Tag = completionNote(C, Op, NoteHandle ? NoteHandle : H, Name,
                                      Success, Ends);
  if (Pred)
    C.addTransition(State, Pred, Tag);
  else
    C.addTransition(State, Tag);
}

const MemRegion *CompletionChecker::freedState(SVal Handle,
                                               const OperationInfo &Op,
                                               CheckerContext &C) const {
  // The handle was read from freed memory, or the handler's own context was
  // freed. Only the memory the handle itself was read from counts, and only
  // a release made by this function or its callees: the analyzer cannot
  // tell the entries of an intrusive list apart, so a context freed by an
  // earlier call of this function (an earlier loop iteration of its caller)
  // may look like the one completed now.
  ProgramStateRef State = C.getState();
  const StackFrameContext *Here = C.getStackFrame();
  auto FreedHere = [&](const MemRegion *R) {
    const StackFrameContext *const *By = State->get<FreedMemory>(R);
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
          enclosingHandler(C.getLocationContext(), Op))
    if (const MemRegion *Ctx = handlerContext(State, SFC, Op))
      if (FreedHere(Ctx))
        return Ctx;
  return nullptr;
}

bool CompletionChecker::handleIsDead(ProgramStateRef State, const HandleEnd &E,
                                     CheckerContext &C) const {
  switch (E.Row->When) {
  case EndWhen::Always:
    return true;
  case EndWhen::StatusSuccess:
    return statusIs(State, E.Status, StatusSuccess, C) == Truth::Yes;
  case EndWhen::StatusFailure:
    return statusIs(State, E.Status, StatusSuccess, C) == Truth::No;
  case EndWhen::UnlessReturnsFailure:
    return statusIs(State, E.Status, StatusFailure, C) != Truth::Yes;
  case EndWhen::UnlessReturnFails:
    return statusIs(State, E.Status, StatusSuccess, C) != Truth::No;
  }
  return false;
}

bool CompletionChecker::checkHandleUses(const CallEvent &Call,
                                        CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  for (unsigned I = 0, E = Call.getNumArgs(); I != E; ++I) {
    SymbolRef S = Call.getArgSVal(I).getAsSymbol();
    const HandleEnd *End = S ? State->get<EndedHandles>(S) : nullptr;
    if (!End || !handleIsDead(State, *End, C))
      continue;
    const IdentifierInfo *II = Call.getCalleeIdentifier();
    std::optional<ApiId> Callee = II ? lookupApi(II->getName()) : std::nullopt;
    if (Callee && End->Row->excepts(*Callee))
      continue;
    if (!frontend(End->Row->Checker).isEnabled())
      continue;
    forget(S,
           report(endBug(*End->Row),
                  (handleKindName(End->Row->Handle) + " passed to " +
                   calleeName(Call, C) + " after " + End->Row->Reason)
                      .str(),
                  C, S, Call.getArgExpr(I)),
           C);
    return true;
  }
  return checkHandlerDeadHandleUse(Call, C);
}

void CompletionChecker::endHandle(const CallEvent &Call,
                                  const HandleEndInfo &Row,
                                  CheckerContext &C) const {
  SymbolRef H = argSVal(Call, Row.Arg).getAsSymbol();
  if (!H)
    return;
  bool ByReturn = Row.When == EndWhen::UnlessReturnsFailure ||
                  Row.When == EndWhen::UnlessReturnFails;
  SVal Status = ByReturn ? Call.getReturnValue() : UnknownVal();
  C.addTransition(
      C.getState()->set<EndedHandles>(H, HandleEnd{&Row, Status}),
      handleEndNote(C, Row, H));
}

void CompletionChecker::checkPostCall(const CallEvent &Call,
                                      CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  ProgramStateRef State = C.getState();
  if (std::optional<ApiId> Row = modelledRow(Call)) {
    // Completions were modelled before the call; other rows end handles.
    if (!operationOfCompletion(*Row))
      if (const HandleEndInfo *End = handleEndOf(*Row))
        endHandle(Call, *End, C);
    return;
  }

  const IdentifierInfo *II = Call.getCalleeIdentifier();
  if (std::optional<ApiId> Api = II ? lookupApi(II->getName()) : std::nullopt) {
    if (!Call.getResultType()->isVoidType() &&
        passesContext(Call, C, ContextHandedOff | RequestCompleted))
      if (SymbolRef Ret = Call.getReturnValue().getAsSymbol())
        C.addTransition(State->set<ForwardedStatus>(Ret));
    return;
  }

  if (const SupportInfo *S = II ? lookupSupport(II->getName()) : nullptr) {
    if (S->Effect == SupportEffect::FreesMemory && S->Arg >= 0 &&
        static_cast<unsigned>(S->Arg) < Call.getNumArgs()) {
      if (const MemRegion *R = Call.getArgSVal(S->Arg).getAsRegion()) {
        const MemRegion *Base = R->getBaseRegion();
        C.addTransition(State->set<FreedMemory>(Base, C.getStackFrame()),
                        freedNote(C, Base, &FreedObjects, S->Name.str()));
        return;
      }
    }
  }

  if (handsOffContext(Call, C)) {
    if (const OperationInfo *Op =
            handlerOperation(topFrame(C.getLocationContext())))
      C.addTransition(addProgress(State, *Op, ContextHandedOff));
    return;
  }
  // A helper of the driver's got the context and gave it to nobody: say so,
  // since that is usually where the hand-off was meant to happen.
  if (C.wasInlined && II)
    if (const OperationInfo *Op =
            passesContext(Call, C, ContextHandedOff | RequestCompleted))
      C.addTransition(State, notHandedOffNote(C, *Op, II->getName().str(),
                                              bugs(*Op).PendingWithoutHandOff.get()));
}

const OperationInfo *CompletionChecker::passesContext(const CallEvent &Call,
                                                      CheckerContext &C,
                                                      unsigned DoneBits) const {
  const StackFrameContext *Top = topFrame(C.getLocationContext());
  const OperationInfo *Op = handlerOperation(Top);
  if (!Op || (progress(C.getState(), *Op) & DoneBits))
    return nullptr;
  const MemRegion *Ctx = handlerContext(C.getState(), Top, *Op);
  if (!Ctx)
    return nullptr;
  for (unsigned I = 0, E = Call.getNumArgs(); I != E; ++I)
    if (isDerivedFrom(Call.getArgSVal(I), Ctx))
      return Op;
  return nullptr;
}

bool CompletionChecker::handsOffContext(const CallEvent &Call,
                                        CheckerContext &C) const {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  StringRef Name = II ? II->getName() : "";
  // CoNDIS APIs cannot complete the request on the driver's behalf.
  if (!Name.empty() && lookupApi(Name))
    return false;
  const SupportInfo *S = Name.empty() ? nullptr : lookupSupport(Name);
  if (S && S->Effect != SupportEffect::HandsOff)
    return false;
  // An inlined callee showed us what it does with the context.
  if (!S && C.wasInlined)
    return false;
  return passesContext(Call, C, ContextHandedOff) != nullptr;
}

void CompletionChecker::checkBind(SVal Loc, SVal Val, const Stmt *,
                                  bool /*AtDeclInit*/, CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  ProgramStateRef State = C.getState();
  const StackFrameContext *Top = topFrame(C.getLocationContext());
  const OperationInfo *Op = handlerOperation(Top);
  if (!Op || (progress(State, *Op) & ContextHandedOff))
    return;
  const MemRegion *Target = Loc.getAsRegion();
  if (!Target || isa<StackSpaceRegion>(Target->getMemorySpace(State)))
    return;
  // A mark another function tests before it completes the request
  // (Af->Flags |= AF_CLOSING for the last VC's deletion) hands it to that
  // function.
  if (isMark(Target, Val, *Op, C)) {
    C.addTransition(addProgress(State, *Op, ContextHandedOff));
    return;
  }
  // Storing the context into its own fields, or into locals that die with
  // the handler, hands nothing off.
  const MemRegion *Ctx = handlerContext(State, Top, *Op);
  if (!Ctx || Target->getBaseRegion() == Ctx)
    return;
  // Neither does storing its links to its neighbours into them: unlinking it
  // (RemoveEntryList) leaves it reachable from nowhere.
  if (!isDerivedFrom(Val, Ctx) || isListLink(Val))
    return;
  C.addTransition(addProgress(State, *Op, ContextHandedOff));
}

bool CompletionChecker::isMark(const MemRegion *Target, SVal Val,
                               const OperationInfo &Op,
                               CheckerContext &C) const {
  // A constant, or bits set over the old value (Flags |= M).
  std::optional<int64_t> Value;
  StoredMark::Kind Kind = StoredMark::Exact;
  if (auto CI = Val.getAs<nonloc::ConcreteInt>()) {
    Value = CI->getValue()->tryExtValue();
  } else if (const auto *SIE =
                 dyn_cast_or_null<SymIntExpr>(Val.getAsSymbol())) {
    if (SIE->getOpcode() == BO_Or) {
      Value = SIE->getRHS()->tryExtValue();
      Kind = StoredMark::SetsBits;
    }
  }
  if (!Value)
    return false;
  StoredMark Stored{Kind, *Value};
  // The operation's own handlers test the mark to refuse a second request.
  const DriverFacts &Facts = Modeling->facts(C.getASTContext());
  auto IsHandler = [&](StringRef Function) {
    std::optional<ApiId> Role = Facts.roleTypeOf(Function);
    return Role && operationOfHandler(*Role) == &Op;
  };
  const CompletionMarks &Marks = marks(C.getASTContext());
  // Af->State.Flags: the mark may be any field the store lies in.
  for (const MemRegion *R = Target; R;) {
    if (const auto *FR = dyn_cast<FieldRegion>(R)) {
      if (Marks.handsOff(FR->getDecl(), Stored, Op.Id, IsHandler))
        return true;
      R = FR->getSuperRegion();
    } else if (const auto *ER = dyn_cast<ElementRegion>(R)) {
      R = ER->getSuperRegion();
    } else {
      break;
    }
  }
  return false;
}

void CompletionChecker::checkPreStmt(const ReturnStmt *RS,
                                     CheckerContext &C) const {
  if (!C.inTopFrame() || !Modeling->concerns(C.getASTContext()))
    return;
  const OperationInfo *Op = handlerOperation(C.getStackFrame());
  const Expr *RV = RS->getRetValue();
  if (!Op || !RV || !frontend(Op->Checker).isEnabled())
    return;
  ProgramStateRef State = C.getState();
  unsigned Progress = progress(State, *Op);
  Truth Pending = statusIs(State, C.getSVal(RV), StatusPending, C);
  // A request the handler made with its context that pended will call the
  // driver back, and the callback can finish this one.
  if (const auto *Forwarded =
          static_cast<SymbolRef>(State->get<ForwardedStatus>()))
    if (statusIs(State, C.getSValBuilder().makeSymbolVal(Forwarded),
                 StatusPending, C) != Truth::No)
    Progress |= ContextHandedOff;
  std::string Title = Op->Title.str(), Noun = Op->Noun.str();
  if (Pending == Truth::Yes &&
      !(Progress & (RequestCompleted | ContextHandedOff))) {
    report(*bugs(*Op).PendingWithoutHandOff,
           Title + " handler returns NDIS_STATUS_PENDING but on this path it "
                   "neither completed the " +
               Noun + " nor handed the " + Op->Object.str() +
               " to a work item, timer, DPC or list that could; NDIS will "
               "wait forever for the completion, and the requester's " +
               apiInfo(Op->Request).Name.str() + " never reaches its " +
               apiInfo(Op->RequesterCompletion).Name.str() + " handler",
           C, nullptr, RV, nullptr, /*TrackValue=*/true);
    return;
  }
  if (Pending == Truth::No && (Progress & RequestCompleted)) {
    report(*bugs(*Op).CompletedDespiteSync,
           Title + " handler completed the " + Noun +
               " and then returns a final status; NDIS completes a "
               "synchronous " +
               Noun +
               " itself, so either return NDIS_STATUS_PENDING after calling "
               "the completion or return the status without calling it",
           C, static_cast<SymbolRef>(State->get<HandlerCompletedHandle>()),
           RV);
  }
}

void CompletionChecker::checkLiveSymbols(ProgramStateRef State,
                                         SymbolReaper &SR) const {
  if (!Modeling->concerns(State->getStateManager().getContext()))
    return;
  // The status a handle ended with decides later reports: keep its
  // constraints alive as long as the handle is.
  for (const auto &[Sym, E] : State->get<EndedHandles>())
    if (SymbolRef Status = E.Status.getAsSymbol())
      SR.markLive(Status);
  for (const auto &[Frame, Dead] : State->get<HandlerDeadHandles>())
    if (SymbolRef Status = Dead.Status.getAsSymbol())
      SR.markLive(Status);
  if (const void *Forwarded = State->get<ForwardedStatus>())
    SR.markLive(static_cast<SymbolRef>(Forwarded));
}

void CompletionChecker::checkDeadSymbols(SymbolReaper &SR,
                                         CheckerContext &C) const {
  if (!Modeling->concerns(C.getASTContext()))
    return;
  ProgramStateRef State = C.getState();
  bool Changed = false;
  for (const auto &[Sym, E] : State->get<EndedHandles>()) {
    if (SR.isDead(Sym)) {
      State = State->remove<EndedHandles>(Sym);
      Changed = true;
    }
  }
  for (const RequestKey &Key : State->get<CompletedRequests>()) {
    if (SR.isDead(Key.Handle)) {
      State = State->remove<CompletedRequests>(Key);
      Changed = true;
    }
  }
  if (Changed)
    C.addTransition(State);
}

// -------------------------------------------------------------------------
// Parties only
// -------------------------------------------------------------------------

void CompletionChecker::checkDispatchDrop(const CallEvent &Call, ApiId Row,
                                          CheckerContext &C) const {
  if (Call.getNumArgs() <= DispatchSizeArg || !DropParty.isEnabled())
    return;
  ProgramStateRef State = C.getState();
  SVal Buffer = Call.getArgSVal(DispatchBufferArg);
  SVal Size = Call.getArgSVal(DispatchSizeArg);
  auto DB = Buffer.getAs<DefinedOrUnknownSVal>();
  if (!DB || !State->isNull(*DB).isConstrainedTrue())
    return;
  if (statusIs(State, Size, 0, C) != Truth::No)
    return;
  report(*NullDropBuffer,
         spelledRowName(Call, Row, C) +
             " called with a NULL buffer and a non-zero size; pass a size of "
             "0 when there is no close data",
         C, nullptr, Call.getArgExpr(DispatchSizeArg));
}

bool CompletionChecker::checkHandlerDeadHandleUse(const CallEvent &Call,
                                                  CheckerContext &C) const {
  // Inside a handler of a role-type handle-end row, the party handle read
  // from the handler's own party context is dead (under the row's
  // condition on the handler's status). Only that handle is: one read
  // through a pointer stored there (Party->Next, the VC's party list) is a
  // remaining party's, which the client may drop.
  ProgramStateRef State = C.getState();
  for (const LocationContext *LC = C.getLocationContext(); LC;
       LC = LC->getParent()) {
    const auto *SFC = dyn_cast<StackFrameContext>(LC);
    const HandlerDeadHandle *Dead =
        SFC ? State->get<HandlerDeadHandles>(SFC) : nullptr;
    if (!Dead)
      continue;
    const HandleEndInfo &Row = *Dead->Row;
    if (!handleIsDead(State, HandleEnd{&Row, Dead->Status}, C))
      return false;
    const IdentifierInfo *II = Call.getCalleeIdentifier();
    std::optional<ApiId> Callee = II ? lookupApi(II->getName()) : std::nullopt;
    if (!Callee || Row.excepts(*Callee))
      return false;
    int PartyArg = apiInfo(*Callee).PartyArg;
    if (PartyArg < 0 || static_cast<unsigned>(PartyArg) >= Call.getNumArgs())
      return false;
    SVal V = Call.getArgSVal(PartyArg);
    if (!isReadFromOwnField(V, Dead->Context))
      return false;
    report(endBug(Row),
           (handleKindName(Row.Handle) + " passed to " + calleeName(Call, C) +
            " after " + Row.Reason)
               .str(),
           C, V.getAsSymbol(), Call.getArgExpr(PartyArg), nullptr,
           /*TrackValue=*/true);
    return true;
  }
  return false;
}

ExplodedNode *CompletionChecker::report(const BugType &BT, StringRef Msg,
                                        CheckerContext &C,
                                        SymbolRef Interesting, const Expr *At,
                                        const MemRegion *InterestingRegion,
                                        bool TrackValue) const {
  // A row of a checker that is not enabled is modelled but not reported.
  auto Owner = Owners.find(&BT);
  if (Owner == Owners.end() || !Owner->second->isEnabled())
    return nullptr;
  // Reported often enough on other paths: go on as if reported here too.
  if (At && !Limit.admit(BT, At->getExprLoc(), Msg))
    return C.getPredecessor();
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

void CompletionChecker::printState(raw_ostream &Out, ProgramStateRef State,
                                   const char *NL, const char *Sep) const {
  auto Ended = State->get<EndedHandles>();
  if (!Ended.isEmpty()) {
    Out << Sep << "Ended handles:" << NL;
    for (const auto &[Sym, E] : Ended) {
      Sym->dumpToStream(Out);
      Out << " : " << apiInfo(E.Row->Api).Name << ", status ";
      E.Status.dumpToStream(Out);
      Out << NL;
    }
  }
  auto Done = State->get<CompletedRequests>();
  if (!Done.isEmpty()) {
    Out << Sep << "Completed requests:" << NL;
    for (const RequestKey &Key : Done) {
      Out << operationInfo(Key.Op).Title << " ";
      Key.Handle->dumpToStream(Out);
      Out << NL;
    }
  }
  for (const auto &[Op, P] : State->get<HandlerProgress>())
    Out << Sep << operationInfo(static_cast<OperationId>(Op)).Title
        << " handler:" << (P & RequestCompleted ? " completed" : "")
        << (P & ContextHandedOff ? " handed-off" : "") << NL;
  auto Freed = State->get<FreedMemory>();
  if (!Freed.isEmpty()) {
    Out << Sep << "Freed memory:" << NL;
    for (const auto &[R, By] : Freed)
      Out << R << NL;
  }
}

} // namespace

static CompletionChecker *engine(CheckerManager &Mgr) {
  auto *Chk = Mgr.getChecker<CompletionChecker>();
  Chk->Modeling = Mgr.getChecker<ModelingChecker>();
  return Chk;
}

void registerDropPartyChecker(CheckerManager &Mgr) {
  engine(Mgr)->DropParty.enable(Mgr);
}
bool shouldRegisterDropPartyChecker(const CheckerManager &) { return true; }

void registerCompletionChecker(CheckerManager &Mgr) {
  engine(Mgr)->Completion.enable(Mgr);
}
bool shouldRegisterCompletionChecker(const CheckerManager &) { return true; }

} // namespace condis
