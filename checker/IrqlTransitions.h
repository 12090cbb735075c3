//===-- IrqlTransitions.h - How calls move the IRQL and locks ---*- C++ -*-===//
//
// Part of condis-check. condis.Irql's model of the calls of rules/irql.def
// (raise, lower, acquire, release, query) and of bodyless functions whose
// SAL says they raise (_IRQL_raises_, _IRQL_saves_) or lower
// (_IRQL_restores_): what they do to the state of IrqlState.h.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_IRQLTRANSITIONS_H
#define CONDIS_CHECKER_IRQLTRANSITIONS_H

#include "Irql.h"
#include "Sal.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

namespace condis {
namespace irqlmodel {
using clang::ento::CallEvent;
using clang::ento::CheckerContext;
using clang::ento::MemRegion;
using clang::ento::ProgramStateRef;
using clang::ento::SymbolRef;

/// The IRQL an argument stands for, and the saved-IRQL symbol it carries.
struct ArgLevel {
  IrqlRange Range = IrqlRange::unknown();
  SymbolRef Saved = nullptr;
  bool Concrete = false;
};

/// The IRQL argument \p Arg stands for: a constant, a saved old IRQL, or
/// unknown.
ArgLevel argLevel(const CallEvent &Call, int Arg, ProgramStateRef S);

/// The region argument \p Arg points to, casts stripped; null if none.
const MemRegion *argRegion(const CallEvent &Call, int Arg);

/// Argument \p Arg as written; null if there is none.
inline const clang::Expr *argExpr(const CallEvent &Call, int Arg) {
  return Arg >= 0 && static_cast<unsigned>(Arg) < Call.getNumArgs()
             ? Call.getArgExpr(Arg)
             : nullptr;
}

/// The IRQL after raising to \p To from \p Cur. Raising needs the IRQL to
/// be at most \p To; where that may hold, the path continues as if it did
/// (a path above it has been reported).
IrqlRange raisedTo(IrqlRange Cur, Irql To);

/// The lock a release call of row \p I gives back: its region if this
/// path took it, else the lock whose old IRQL went to the same handle or
/// LOCK_STATE_EX, else a held lock written the same way ('Adapter->pLock'),
/// else the argument's region (possibly null).
const MemRegion *releasedLock(ProgramStateRef S, const CallEvent &Call,
                              const IrqlApiInfo &I,
                              const clang::ASTContext &Ctx);

/// What a call of row \p Row did to \p S (applied after the call).
/// \p Tag tells the symbols it conjures apart.
ProgramStateRef applyRow(ProgramStateRef S, const CallEvent &Call,
                         CheckerContext &C, IrqlApiId Row, const void *Tag);

/// What a call to a bodyless function annotated \p Sal does to \p S.
ProgramStateRef applySal(ProgramStateRef S, const CallEvent &Call,
                         CheckerContext &C, const SalFacts &Sal,
                         const void *Tag);

} // namespace irqlmodel
} // namespace condis

#endif
