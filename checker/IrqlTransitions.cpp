//===-- IrqlTransitions.cpp - How calls move the IRQL and locks -*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "IrqlTransitions.h"
#include "IrqlNotes.h"
#include "IrqlState.h"

#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SValBuilder.h"

using namespace clang;
using namespace clang::ento;
using namespace llvm;

namespace condis {
namespace irqlmodel {

static SymbolRef stripCasts(SymbolRef Sym) {
  while (const auto *SC = dyn_cast_or_null<SymbolCast>(Sym))
    Sym = SC->getOperand();
  return Sym;
}

/// The IRQL after raising to \p To from \p Cur. Raising needs the IRQL to
/// be at most \p To; where that may hold, the path continues as if it did
/// (a path above it has been reported).
IrqlRange raisedTo(IrqlRange Cur, Irql To) {
  IrqlRange Base =
      Cur.intersect(IrqlRange::between(Irql::Passive, To)).value_or(Cur);
  return IrqlRange::between(std::max(Base.Lo, To), std::max(Base.Hi, To));
}

ArgLevel argLevel(const CallEvent &Call, int Arg, ProgramStateRef S) {
  ArgLevel L;
  if (Arg < 0 || static_cast<unsigned>(Arg) >= Call.getNumArgs())
    return L;
  SVal V = Call.getArgSVal(Arg);
  std::optional<uint64_t> Value;
  if (auto CI = V.getAs<nonloc::ConcreteInt>()) {
    Value = CI->getValue()->getZExtValue();
  } else if (SymbolRef Sym = stripCasts(V.getAsSymbol())) {
    if (const SavedIrql *Saved = irqlstate::saved(S, Sym)) {
      L.Range = Saved->Old;
      L.Saved = Sym;
      return L;
    }
    if (const llvm::APSInt *K = S->getConstraintManager().getSymVal(S, Sym))
      Value = K->getZExtValue();
  }
  if (Value)
    if (std::optional<Irql> Level = irqlFromValue(*Value)) {
      L.Range = IrqlRange::exactly(*Level);
      L.Concrete = true;
    }
  return L;
}

const MemRegion *argRegion(const CallEvent &Call, int Arg) {
  if (Arg < 0 || static_cast<unsigned>(Arg) >= Call.getNumArgs())
    return nullptr;
  const MemRegion *R = Call.getArgSVal(Arg).getAsRegion();
  return R ? R->StripCasts() : nullptr;
}

/// Records \p V for \p Sym, whose value is from now on one of the KIRQL
/// values of the old IRQL (so that a branch on it, as in NDIS_LOWER_IRQL,
/// follows what the path knows).
static ProgramStateRef recordSaved(ProgramStateRef S, SymbolRef Sym,
                                   SavedIrql V) {
  QualType T = Sym->getType();
  if (!V.Old.isUnknown() && T->isIntegralOrEnumerationType()) {
    BasicValueFactory &BVF = S->getStateManager().getBasicVals();
    uint64_t Max = BVF.getMaxValue(T)->getZExtValue();
    uint64_t Lo = valuesOfIrql(V.Old.Lo).first,
             Hi = std::min(valuesOfIrql(V.Old.Hi).second, Max);
    if (Lo <= Hi)
      if (ProgramStateRef In = S->assumeInclusiveRange(
              nonloc::SymbolVal(Sym), BVF.getValue(Lo, T), BVF.getValue(Hi, T),
              true))
        S = In;
  }
  return irqlstate::setSaved(S, Sym, V);
}

/// Records \p V as saved where \p SavedArg says: a fresh symbol bound to
/// the KIRQL an argument points to, or the call's result.
static ProgramStateRef saveOld(ProgramStateRef S, const CallEvent &Call,
                               CheckerContext &C, int SavedArg, SavedIrql V,
                               const void *Tag) {
  SValBuilder &SVB = C.getSValBuilder();
  if (SavedArg == SavedInReturn) {
    const Expr *E = Call.getOriginExpr();
    if (!E)
      return S;
    SymbolRef Sym = S->getSVal(E, C.getLocationContext()).getAsSymbol();
    if (!Sym && E->getType()->isIntegralOrEnumerationType()) {
      // An inline routine (the WDK's KzRaiseIrql) returned a value computed
      // from its body: follow the result as the saved IRQL all the same.
      DefinedOrUnknownSVal Fresh =
          SVB.conjureSymbolVal(Call, E->getType(), C.blockCount(), Tag);
      S = S->BindExpr(E, C.getLocationContext(), Fresh);
      Sym = Fresh.getAsSymbol();
    }
    return Sym ? recordSaved(S, Sym, V) : S;
  }
  const MemRegion *Out = argRegion(Call, SavedArg);
  const auto *TR = dyn_cast_or_null<TypedValueRegion>(Out);
  if (!TR || !TR->getValueType()->isIntegralOrEnumerationType())
    return S; // a lock handle or LOCK_STATE_EX: the lock state keeps it
  DefinedOrUnknownSVal Fresh =
      SVB.conjureSymbolVal(Call, TR->getValueType(), C.blockCount(), Tag);
  S = S->bindLoc(loc::MemRegionVal(TR), Fresh, C.getLocationContext());
  if (SymbolRef Sym = Fresh.getAsSymbol())
    S = recordSaved(S, Sym, V);
  return S;
}

/// Lowers to \p L, undoing the raise that saved it.
static ProgramStateRef lowerTo(ProgramStateRef S, ArgLevel L) {
  if (L.Saved) {
    if (const SavedIrql *V = irqlstate::saved(S, L.Saved))
      S = irqlstate::setSaved(S, L.Saved, V->restored());
  } else {
    // Lowered to a value this path did not save: any raise it may undo
    // counts as undone.
    S = irqlstate::settleRaises(S, L.Concrete ? std::optional<Irql>(L.Range.Lo)
                                              : std::nullopt);
  }
  return irqlstate::setCurrent(S, L.Range);
}

const MemRegion *releasedLock(ProgramStateRef S, const CallEvent &Call,
                              const IrqlApiInfo &I, const ASTContext &Ctx) {
  const MemRegion *Lock = argRegion(Call, I.LockArg);
  if (irqlstate::lock(S, Lock))
    return Lock;
  if (const MemRegion *ByArea =
          irqlstate::lockBySaveArea(S, argRegion(Call, I.SavedArg)))
    return ByArea;
  // A lock reached through a pointer field is a new region once a call has
  // invalidated the structure holding the pointer: match a held lock by
  // how the driver wrote it.
  const Expr *Arg = argExpr(Call, I.LockArg);
  std::string Name = lockName(Arg, nullptr, Ctx);
  if (Arg && !Name.empty())
    for (const auto &[R, L] : irqlstate::heldLocks(S))
      if (lockName(L.Spelled, nullptr, Ctx) == Name)
        return R;
  return Lock;
}

ProgramStateRef applyRow(ProgramStateRef S, const CallEvent &Call,
                         CheckerContext &C, IrqlApiId Row, const void *Tag) {
  const IrqlApiInfo &I = irqlApiInfo(Row);
  IrqlRange Cur = irqlstate::current(S);
  switch (I.Effect) {
  case IrqlEffect::None:
    return S;
  case IrqlEffect::Raise: {
    ArgLevel To = I.LevelArg >= 0
                      ? argLevel(Call, I.LevelArg, S)
                      : ArgLevel{IrqlRange::exactly(Irql::Dispatch)};
    IrqlRange New = To.Range.isExact() ? raisedTo(Cur, To.Range.Lo)
                                       : IrqlRange::between(Cur.Lo, Irql::High);
    S = saveOld(S, Call, C, I.SavedArg,
                SavedIrql::ofRaise(Cur, Row, Call.getOriginExpr()), Tag);
    return irqlstate::setCurrent(S, New);
  }
  case IrqlEffect::Lower:
    return lowerTo(S, argLevel(Call, I.LevelArg, S));
  case IrqlEffect::Acquire:
  case IrqlEffect::AcquireAtDpc: {
    bool Raises = I.Effect == IrqlEffect::Acquire;
    const MemRegion *Area =
        I.SavedArg >= 0 ? argRegion(Call, I.SavedArg) : nullptr;
    if (Raises)
      S = saveOld(S, Call, C, I.SavedArg,
                  SavedIrql::ofLock(Cur, Row, Call.getOriginExpr()), Tag);
    if (const MemRegion *Lock = argRegion(Call, I.LockArg))
      S = irqlstate::setLock(S, Lock,
                             LockState::acquired(Row, Cur, Raises, Area,
                                                 argExpr(Call, I.LockArg),
                                                 Call.getOriginExpr()));
    return Raises ? irqlstate::setCurrent(S, raisedTo(Cur, Irql::Dispatch)) : S;
  }
  case IrqlEffect::Release:
  case IrqlEffect::ReleaseAtDpc: {
    const MemRegion *Lock = releasedLock(S, Call, I, C.getASTContext());
    const LockState *L = irqlstate::lock(S, Lock);
    bool WasHeld = L && L->Held;
    std::optional<LockState> Before;
    if (WasHeld)
      Before = *L;
    if (WasHeld)
      S = irqlstate::setLock(S, Lock, L->released());
    if (I.Effect == IrqlEffect::ReleaseAtDpc)
      return S;
    ArgLevel Back = argLevel(Call, I.LevelArg, S);
    // The value passed back may have been lost to an invalidation; the lock
    // remembers what its acquire saved.
    if (!Back.Concrete && !Back.Saved && Before && Before->Raised) {
      Back.Range = Before->Old;
      Back.Concrete = Before->Old.isExact();
    }
    if (I.LevelArg >= 0)
      return lowerTo(S, Back);
    return irqlstate::setCurrent(S, Back.Range);
  }
  case IrqlEffect::Query: {
    const Expr *E = Call.getOriginExpr();
    if (!E)
      return S;
    std::optional<uint64_t> V =
        Cur.isExact() ? valueOfIrql(Cur.Lo) : std::nullopt;
    if (V && E->getType()->isIntegralOrEnumerationType()) {
      SVal K = C.getSValBuilder().makeIntVal(*V, E->getType());
      return S->BindExpr(E, C.getLocationContext(), K);
    }
    if (SymbolRef Sym = S->getSVal(E, C.getLocationContext()).getAsSymbol())
      return irqlstate::addReading(S, Sym);
    return S;
  }
  }
  return S;
}

ProgramStateRef applySal(ProgramStateRef S, const CallEvent &Call,
                         CheckerContext &C, const SalFacts &Sal,
                         const void *Tag) {
  IrqlRange Cur = irqlstate::current(S);
  if (Sal.raises()) {
    ArgLevel To;
    if (Sal.Raises)
      To.Range = IrqlRange::exactly(*Sal.Raises);
    else if (Sal.RaisesParam >= 0)
      To = argLevel(Call, Sal.RaisesParam, S);
    int SavedArg = Sal.SavesParam;
    if (SavedArg < 0 && Sal.SavesOnFunction)
      SavedArg = Call.getResultType()->isVoidType() ? -1 : SavedInReturn;
    if (SavedArg != -1)
      S = saveOld(
          S, Call, C, SavedArg,
          SavedIrql::ofRaise(Cur, IrqlApiId::KeRaiseIrql, Call.getOriginExpr()),
          Tag);
    return irqlstate::setCurrent(
        S,
        To.Range.isExact() ? To.Range : IrqlRange::between(Cur.Lo, Irql::High));
  }
  if (Sal.lowers())
    return lowerTo(S, argLevel(Call, Sal.RestoresParam, S));
  return S;
}

} // namespace irqlmodel
} // namespace condis
