//===-- IrqlChecker.cpp - condis.Irql ----------------------------*- C++
//-*-===//
//
// Part of condis-check.
//
// Contract. Every CoNDIS API may be called only within the IRQL range of its
// rules/condis.def row (most at IRQL <= DISPATCH_LEVEL; registering or
// notifying close of an address family at PASSIVE_LEVEL), and every kernel
// or NDIS routine of rules/irql.def within its row's range (the Dpr and
// AtDpcLevel lock forms need DISPATCH_LEVEL). Functions a driver annotates
// with SAL (_IRQL_requires_max_(PASSIVE_LEVEL) ...) are held to that at their
// call sites. A function the system calls returns at the IRQL it was entered
// at, holding none of the spin locks it took, unless its SAL says it raises
// or acquires. A spin lock is not taken twice, nor released when the path
// does not hold it.
//
// The IRQL of the analysed function starts at what its role type, its use
// as a routine (NdisMSynchronizeWithInterruptEx ...) and its SAL say
// (IrqlFacts.h); raises, lowers and lock calls of rules/irql.def move it;
// a frame the engine inlines starts at the caller's IRQL narrowed by the
// callee's own SAL requirement (the engine never analyses an inlined
// function on its own, so this is where its annotation holds);
// an old IRQL saved in a variable, field or result is followed as a symbol,
// so KeLowerIrql(Adapter->OldIrql) restores what was saved. A branch on
// KeGetCurrentIrql() narrows it. A range that may be legal, or an unknown
// IRQL, is never reported.
//
//   entry (role / routine / SAL)
//      |
//      v                acquire / raise              call above Max
//   [IRQL = range R] -------------------> [R'] -----> REPORT IRQL too high
//      |   ^          <------------------- |   -----> REPORT IRQL too low
//      |   |           release / lower     |          (below Min)
//      |   |                               |
//      |   +-- branch on KeGetCurrentIrql  +-- acquire a held lock
//      |       narrows R                   |     -> REPORT spin lock misuse
//      |                                   +-- release a lock not held
//      v                                         -> REPORT spin lock misuse
//   return: a lock still held, a raise not undone, or an IRQL that cannot
//           be the entry IRQL -> REPORT IRQL not restored
//
//===----------------------------------------------------------------------===//

#include "Irql.h"
#include "IrqlFacts.h"
#include "IrqlNotes.h"
#include "IrqlState.h"
#include "IrqlTransitions.h"
#include "ModelingChecker.h"
#include "Spelling.h"
#include "TimeBudget.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ento;
using namespace llvm;

namespace condis {
namespace {
using namespace irqlmodel;

/// What a call must respect and does, from the table or the callee's SAL.
struct CallRules {
  std::string Name;             ///< As the driver wrote it.
  std::optional<IrqlApiId> Row; ///< rules/irql.def row of the callee.
  std::optional<Irql> Max, Min;
  IrqlApiId Instead = IrqlApiId::None;
  SalFacts Sal; ///< The callee's own annotations.
};

std::string requirementText(std::optional<Irql> Min, std::optional<Irql> Max) {
  if (Min && Max && *Min == *Max)
    return irqlSpelling(*Min).str();
  if (Max && *Max == Irql::Passive)
    return "PASSIVE_LEVEL";
  if (Max && (!Min || *Min == Irql::Passive))
    return ("IRQL <= " + irqlSpelling(*Max)).str();
  if (Min && !Max)
    return ("IRQL >= " + irqlSpelling(*Min)).str();
  return IrqlRange::between(*Min, *Max).describe();
}

/// Where to move a call that needs a lower IRQL, in the driver's NDIS
/// generation: NDIS 6 headers declare NdisMQueueDpcEx and
/// NdisQueueIoWorkItem; an NDIS 5 DDK has neither (an ISR's deferred work
/// goes to MiniportHandleInterrupt, work items to NdisScheduleWorkItem).
struct DeferAdvice {
  const char *FromDevice;
  const char *ToPassive;
};

const DeferAdvice &deferAdvice(ASTContext &Ctx) {
  static const DeferAdvice Ndis6{
      "queue a DPC (NdisMQueueDpcEx) and make the call from there",
      "defer the call to an NDIS I/O work item (NdisQueueIoWorkItem)"};
  static const DeferAdvice Ndis5{
      "set QueueMiniportHandleInterrupt in the ISR and make the call from "
      "MiniportHandleInterrupt",
      "defer the call to an NDIS work item (NdisScheduleWorkItem)"};
  bool HasNdis6Dpc = !Ctx.getTranslationUnitDecl()
                          ->lookup(&Ctx.Idents.get("NdisMQueueDpcEx"))
                          .empty();
  bool HasNdis5WorkItem = !Ctx.getTranslationUnitDecl()
                               ->lookup(&Ctx.Idents.get("NdisScheduleWorkItem"))
                               .empty();
  return !HasNdis6Dpc && HasNdis5WorkItem ? Ndis5 : Ndis6;
}

/// How the call at \p Site was written; the row's name if unknown.
std::string siteName(const Expr *Site, IrqlApiId Api, CheckerContext &C) {
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Site))
    return spelledName(CE, C.getSourceManager(), C.getLangOpts());
  return irqlApiInfo(Api).Name.str();
}

class IrqlChecker
    : public Checker<check::BeginFunction, check::EndFunction, check::PreCall,
                     check::PostCall, check::DeadSymbols, eval::Assume> {
public:
  void checkBeginFunction(CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const {
    if (!concerns(C))
      return;
    ProgramStateRef S = C.getState();
    ProgramStateRef Next = irqlstate::forgetDead(S, SR);
    if (Next != S)
      C.addTransition(Next);
  }
  ProgramStateRef evalAssume(ProgramStateRef State, SVal Cond,
                             bool Assumption) const;
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

  const ModelingChecker *Modeling = nullptr;

private:
  static constexpr const char *Category = "CoNDIS";
  const BugType TooHigh{this, "IRQL too high", Category};
  const BugType TooLow{this, "IRQL too low", Category};
  const BugType NotRestored{this, "IRQL not restored", Category};
  const BugType LockMisuse{this, "Spin lock misuse", Category};

  const IrqlFacts &facts(ASTContext &Ctx) const;
  /// False for a translation unit nothing of which the checker models.
  bool concerns(CheckerContext &C) const {
    return !Modeling || Modeling->concerns(C.getASTContext());
  }
  std::optional<IrqlEntry> entryOf(const FunctionDecl *FD) const;
  CallRules rulesFor(const CallEvent &Call, CheckerContext &C) const;
  bool checkLocks(const CallEvent &Call, CheckerContext &C,
                  const CallRules &R) const;

  void report(CheckerContext &C, const BugType &BT, const Twine &Msg,
              ExplodedNode *N, const Expr *Highlight = nullptr) const;

  mutable bool Narrowing = false;
  mutable const void *FactsTU = nullptr;
  mutable std::optional<IrqlFacts> Facts;
};

const IrqlFacts &IrqlChecker::facts(ASTContext &Ctx) const {
  const void *TU = Ctx.getTranslationUnitDecl();
  if (FactsTU != TU || !Facts) {
    Facts = IrqlFacts::gather(Ctx);
    FactsTU = TU;
  }
  return *Facts;
}

std::optional<IrqlEntry> IrqlChecker::entryOf(const FunctionDecl *FD) const {
  if (!FD)
    return std::nullopt;
  std::optional<ApiId> Role =
      Modeling ? Modeling->roleTypeOf(FD) : std::nullopt;
  const StoredRoutine *Stored =
      Modeling ? Modeling->facts(FD->getASTContext()).storedRoutineOf(FD)
               : nullptr;
  return facts(FD->getASTContext()).entryOf(FD, Role, Stored);
}

void IrqlChecker::report(CheckerContext &C, const BugType &BT, const Twine &Msg,
                         ExplodedNode *N, const Expr *Highlight) const {
  if (!N)
    return;
  // The entry note belongs to the function the analysis started in.
  const LocationContext *Top = C.getLocationContext();
  while (Top->getParent())
    Top = Top->getParent();
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Top->getDecl());
  std::optional<IrqlEntry> E = entryOf(FD);
  auto R = std::make_unique<PathSensitiveBugReport>(BT, Msg.str(), N);
  if (Highlight)
    R->addRange(Highlight->getSourceRange());
  R->addVisitor<IrqlNoteVisitor>(FD, E ? E->Why : std::string(),
                                 &facts(C.getASTContext()).sal());
  addReportBudget(*R);
  C.emitReport(std::move(R));
}

void IrqlChecker::checkBeginFunction(CheckerContext &C) const {
  if (!concerns(C))
    return;
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!C.inTopFrame()) {
    // A function's own SAL holds inside it however it is reached: the
    // analyzer never analyses on its own a function it has inlined, so an
    // inlined frame starts at what both the caller's IRQL and the callee's
    // annotation allow. A caller the annotation excludes was reported at
    // the call (checkPreCall); the callee then runs at the caller's IRQL.
    // Role types say how the system calls a function, not a driver's own
    // call, so only SAL counts here.
    if (!FD)
      return;
    std::optional<IrqlRange> Need =
        facts(C.getASTContext()).sal().factsFor(FD).requirement();
    IrqlRange Cur = irqlstate::current(C.getState());
    std::optional<IrqlRange> Both = Need ? Cur.intersect(*Need) : std::nullopt;
    if (Both && *Both != Cur)
      C.addTransition(irqlstate::narrowCurrent(C.getState(), *Both));
    return;
  }
  std::optional<IrqlEntry> E = entryOf(FD);
  if (!E)
    return;
  ProgramStateRef S =
      irqlstate::setEntry(C.getState(), E->Range, E->NoLocksHeld);
  C.addTransition(irqlstate::setCurrent(S, E->Range));
}

CallRules IrqlChecker::rulesFor(const CallEvent &Call,
                                CheckerContext &C) const {
  CallRules R;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || !FD->getIdentifier())
    return R;
  R.Sal = facts(C.getASTContext()).sal().factsFor(FD);
  R.Row = lookupIrqlApi(FD->getName());
  std::optional<ApiId> FnApi = lookupApi(FD->getName());
  // Most calls of a driver are to its own helpers: no table row, no SAL,
  // nothing to check, and no need for the spelling walk below. (A macro of
  // rules/condis.def always expands to a function that has a row too.)
  if (!R.Row && !FnApi && !R.Sal.requirement())
    return R;
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  R.Name = CE ? spelledName(CE, C.getSourceManager(), C.getLangOpts())
              : FD->getName().str();
  if (R.Row) {
    const IrqlApiInfo &I = irqlApiInfo(*R.Row);
    R.Max = limitLevel(I.MaxIrql);
    R.Min = limitLevel(I.MinIrql);
    R.Instead = I.Instead;
    // The form the driver wrote has limits of its own: the WDK's
    // NdisDprAcquireSpinLock needs DISPATCH_LEVEL although the
    // KeAcquireSpinLockAtDpcLevel it becomes only needs at least that. Its
    // advice fits the lock the driver holds (NdisAcquireSpinLock for an
    // NDIS_SPIN_LOCK, not KeAcquireSpinLock).
    if (std::optional<IrqlApiId> Written = lookupIrqlApi(R.Name);
        Written && *Written != *R.Row) {
      const IrqlApiInfo &W = irqlApiInfo(*Written);
      if (std::optional<Irql> Max = limitLevel(W.MaxIrql))
        R.Max = R.Max ? std::min(*R.Max, *Max) : *Max;
      if (std::optional<Irql> Min = limitLevel(W.MinIrql))
        R.Min = R.Min ? std::max(*R.Min, *Min) : *Min;
      if (W.Instead != IrqlApiId::None)
        R.Instead = W.Instead;
    }
    // Raising to a level below the current one, or lowering to one above
    // it, is as wrong as any other call out of range.
    if (I.Effect == IrqlEffect::Raise) {
      ArgLevel To = I.LevelArg >= 0
                        ? argLevel(Call, I.LevelArg, C.getState())
                        : ArgLevel{IrqlRange::exactly(Irql::Dispatch)};
      if (To.Range.isExact() && (!R.Max || To.Range.Lo < *R.Max))
        R.Max = To.Range.Lo;
    } else if (I.Effect == IrqlEffect::Lower && I.LevelArg >= 0) {
      ArgLevel To = argLevel(Call, I.LevelArg, C.getState());
      if (To.Concrete && (!R.Min || To.Range.Lo > *R.Min))
        R.Min = To.Range.Lo;
    }
    return R;
  }
  std::optional<ApiId> Api = lookupApi(R.Name);
  if (!Api || apiInfo(*Api).Spelling == SpellingKind::RoleType)
    Api = FnApi;
  if (Api && apiInfo(*Api).Spelling != SpellingKind::RoleType) {
    R.Max = limitLevel(apiInfo(*Api).MaxIrql);
    R.Min = limitLevel(apiInfo(*Api).MinIrql);
    return R;
  }
  if (std::optional<IrqlRange> Need = R.Sal.requirement()) {
    if (Need->Hi != Irql::High)
      R.Max = Need->Hi;
    if (Need->Lo != Irql::Passive)
      R.Min = Need->Lo;
  }
  return R;
}

bool IrqlChecker::checkLocks(const CallEvent &Call, CheckerContext &C,
                             const CallRules &R) const {
  if (!R.Row)
    return false;
  const IrqlApiInfo &I = irqlApiInfo(*R.Row);
  ProgramStateRef S = C.getState();
  bool Acquire =
      I.Effect == IrqlEffect::Acquire || I.Effect == IrqlEffect::AcquireAtDpc;
  bool Release =
      I.Effect == IrqlEffect::Release || I.Effect == IrqlEffect::ReleaseAtDpc;
  if (!Acquire && !Release)
    return false;
  const MemRegion *Area = argRegion(Call, I.SavedArg);
  const MemRegion *Lock = Acquire ? argRegion(Call, I.LockArg)
                                  : releasedLock(S, Call, I, C.getASTContext());
  const LockState *L = irqlstate::lock(S, Lock);
  const Expr *Origin = Call.getOriginExpr();
  std::string Name = lockName(I.LockArg >= 0 ? argExpr(Call, I.LockArg)
                              : L            ? L->Spelled
                                             : nullptr,
                              Lock, C.getASTContext());
  if (Acquire && L && L->Held) {
    report(C, LockMisuse,
           spinLockSubject(Name) + " acquired with " + R.Name +
               " while this path already holds it; spin locks are not "
               "recursive, so the processor spins forever",
           C.generateErrorNode(), Origin);
    return true;
  }
  if (!Release)
    return false;
  if (L && !L->Held) {
    report(C, LockMisuse,
           spinLockSubject(Name) + " released with " + R.Name +
               " although this path already released it; release a lock "
               "once for each acquire",
           C.generateNonFatalErrorNode(), Origin);
    return true;
  }
  if (!L && irqlstate::entryLockFree(S) && (Lock || Area)) {
    report(C, LockMisuse,
           spinLockSubject(Name) + " released with " + R.Name +
               " although this path never acquired it; the function holds "
               "no spin lock when the system calls it",
           C.generateNonFatalErrorNode(), Origin);
    return true;
  }
  return false;
}

void IrqlChecker::checkPreCall(const CallEvent &Call, CheckerContext &C) const {
  if (!concerns(C))
    return;
  CallRules R = rulesFor(Call, C);
  if (R.Name.empty() || checkLocks(Call, C, R))
    return;
  IrqlRange Cur = irqlstate::current(C.getState());
  const Expr *Origin = Call.getOriginExpr();
  std::string Need = requirementText(R.Min, R.Max);
  if (R.Max && Cur.Lo > *R.Max) {
    std::string Advice;
    std::vector<std::pair<const MemRegion *, LockState>> Held =
        irqlstate::heldLocks(C.getState());
    if (Cur.Lo >= Irql::Device)
      Advice = deferAdvice(C.getASTContext()).FromDevice;
    else if (!Held.empty()) {
      std::string Lock = lockName(Held.front().second.Spelled,
                                  Held.front().first, C.getASTContext());
      Advice = "release " + (Lock.empty() ? "the spin lock" : Lock) +
               " first, or defer the call to an NDIS I/O work item";
    } else if (*R.Max == Irql::Passive)
      Advice = deferAdvice(C.getASTContext()).ToPassive;
    else
      Advice = "lower the IRQL before the call";
    report(C, TooHigh,
           "'" + R.Name + "' called at " + Cur.describe() +
               "; it must be called at " + Need + ": " + Advice,
           C.generateNonFatalErrorNode(), Origin);
    return;
  }
  if (R.Min && Cur.Hi < *R.Min) {
    std::string Advice = "call it only where the IRQL is already " + Need;
    if (R.Instead != IrqlApiId::None)
      Advice = "use " + irqlApiInfo(R.Instead).Name.str() +
               ", which sets the IRQL itself";
    report(C, TooLow,
           "'" + R.Name + "' called at " + Cur.describe() +
               "; it must be called at " + Need + ": " + Advice,
           C.generateNonFatalErrorNode(), Origin);
  }
}

void IrqlChecker::checkPostCall(const CallEvent &Call,
                                CheckerContext &C) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || !FD->getIdentifier() || !concerns(C))
    return;
  ProgramStateRef S = C.getState();
  ProgramStateRef Next = S;
  // The calls are evaluated as usual first (a conservative call invalidates
  // what its arguments point to), then their IRQL and lock effects applied.
  if (std::optional<IrqlApiId> Row = lookupIrqlApi(FD->getName()))
    Next = applyRow(S, Call, C, *Row, this);
  else if (!FD->hasBody())
    // A body is analysed when inlined; without one the SAL tells.
    Next =
        applySal(S, Call, C, facts(C.getASTContext()).sal().factsFor(FD), this);
  if (Next != S)
    C.addTransition(Next);
}

void IrqlChecker::checkEndFunction(const ReturnStmt *RS,
                                   CheckerContext &C) const {
  if (!C.inTopFrame() || !concerns(C))
    return;
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(C.getLocationContext()->getDecl());
  if (!FD || !FD->getIdentifier())
    return;
  ProgramStateRef S = C.getState();
  SalFacts Sal = facts(C.getASTContext()).sal().factsFor(FD);
  std::string Fn = ("'" + FD->getName() + "'").str();
  IrqlRange Cur = irqlstate::current(S);
  const Expr *At = RS ? RS->getRetValue() : nullptr;

  std::vector<std::pair<const MemRegion *, LockState>> Held =
      irqlstate::heldLocks(S);
  if (!Held.empty() && !Sal.AcquiresLock && !Sal.raises()) {
    const auto &[Lock, L] = Held.front();
    report(C, NotRestored,
           Fn + " returns holding " +
               spinLockObject(lockName(L.Spelled, Lock, C.getASTContext())) +
               " (acquired with " + siteName(L.Site, L.Api, C) +
               "); release it on every path before returning",
           C.generateErrorNode(), At);
    return;
  }
  if (Sal.raises() || Sal.lowers())
    return;
  for (const auto &[Sym, V] : irqlstate::pendingRaises(S)) {
    if (V.Old.isExact() && Cur == V.Old)
      continue; // raised to where it already was
    report(C, NotRestored,
           Fn + " returns at " + Cur.describe() +
               " without undoing the raise by " + siteName(V.Site, V.Api, C) +
               "; restore the saved IRQL (KeLowerIrql) on every path before "
               "returning",
           C.generateErrorNode(), At);
    return;
  }
  std::optional<IrqlRange> Entry = irqlstate::entry(S);
  if (Entry && irqlstate::knowsCurrent(S) && Entry->disjoint(Cur))
    report(C, NotRestored,
           Fn + " returns at " + Cur.describe() + " but was entered at " +
               Entry->describe() +
               "; return at the IRQL the function was called at",
           C.generateErrorNode(), At);
}

/// Can \p Sym, a KeGetCurrentIrql() result or a saved old IRQL, stand for
/// level \p L in \p S?
static bool mayBe(ProgramStateRef S, SymbolRef Sym, Irql L) {
  BasicValueFactory &BVF = S->getStateManager().getBasicVals();
  QualType T = Sym->getType();
  auto [From, To] = valuesOfIrql(L);
  return static_cast<bool>(S->assumeInclusiveRange(
      nonloc::SymbolVal(Sym), BVF.getValue(From, T),
      BVF.getValue(std::min<uint64_t>(To, BVF.getMaxValue(T)->getZExtValue()),
                   T),
      true));
}

/// \p R narrowed to the levels \p Sym may still stand for in \p S.
static IrqlRange narrowedBy(ProgramStateRef S, SymbolRef Sym, IrqlRange R) {
  if (!Sym->getType()->isIntegralOrEnumerationType())
    return R;
  while (R.Lo < R.Hi && !mayBe(S, Sym, R.Lo))
    R.Lo = static_cast<Irql>(static_cast<unsigned>(R.Lo) + 1);
  while (R.Lo < R.Hi && !mayBe(S, Sym, R.Hi))
    R.Hi = static_cast<Irql>(static_cast<unsigned>(R.Hi) - 1);
  return R;
}

ProgramStateRef IrqlChecker::evalAssume(ProgramStateRef S, SVal, bool) const {
  // The feasibility questions below assume again: do not narrow inside them.
  if (Narrowing ||
      (Modeling && !Modeling->concerns(S->getStateManager().getContext())))
    return S;
  std::vector<SymbolRef> Readings = irqlstate::readings(S);
  std::vector<std::pair<SymbolRef, SavedIrql>> Saved = irqlstate::savedIrqls(S);
  if (Readings.empty() && Saved.empty())
    return S;
  IrqlRange Cur = irqlstate::current(S);
  Narrowing = true;
  for (SymbolRef Sym : Readings)
    Cur = narrowedBy(S, Sym, Cur);
  // A branch on a saved old IRQL (NDIS_LOWER_IRQL compares it with the
  // current one) tells which IRQL the raise or lock started from.
  ProgramStateRef Next = S;
  for (auto &[Sym, V] : Saved) {
    IrqlRange Old = narrowedBy(S, Sym, V.Old);
    if (Old != V.Old)
      Next = irqlstate::setSaved(Next, Sym, V.withOld(Old));
  }
  Narrowing = false;
  if (Cur == irqlstate::current(S))
    return Next;
  return irqlstate::narrowCurrent(Next, Cur);
}

void IrqlChecker::printState(raw_ostream &Out, ProgramStateRef State,
                             const char *NL, const char *Sep) const {
  irqlstate::print(Out, State, NL, Sep);
}

} // namespace

void registerIrqlChecker(CheckerManager &Mgr) {
  auto *Chk = Mgr.registerChecker<IrqlChecker>();
  Chk->Modeling = Mgr.getChecker<ModelingChecker>();
}

bool shouldRegisterIrqlChecker(const CheckerManager &) { return true; }

} // namespace condis
