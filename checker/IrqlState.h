//===-- IrqlState.h - condis.Irql's program state ----------------*- C++
//-*-===//
//
// Part of condis-check. The path-sensitive facts condis.Irql keeps, behind
// accessors so that the checker and its path-note visitor (different
// translation units) share one set of program-state traits:
//
//   current IRQL   the range the path is at now; absent = unknown
//   entry IRQL     the range the analysed (top-frame) function started at,
//                  and whether it started holding none of the driver's locks
//   saved IRQLs    symbol a raise or acquire stored its old IRQL in ->
//                  that old IRQL, and whether a raise is still to be undone
//   locks          lock region -> held/released, by which API, the IRQL
//                  before it and where its old IRQL was saved
//   readings       KeGetCurrentIrql results taken at the current IRQL, so a
//                  branch on them narrows it
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_IRQLSTATE_H
#define CONDIS_CHECKER_IRQLSTATE_H

#include "Irql.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SymbolManager.h"
#include "llvm/ADT/FoldingSet.h"
#include <optional>
#include <utility>
#include <vector>

namespace condis {

/// An old IRQL a raise or acquire saved in a variable, field or result.
struct SavedIrql {
  IrqlRange Old;
  bool Pending;            ///< A raise still to be undone with this value.
  IrqlApiId Api;           ///< The routine that saved it.
  const clang::Expr *Site; ///< The call, for its spelling in messages.

  static SavedIrql ofRaise(IrqlRange Old, IrqlApiId Api,
                           const clang::Expr *Site) {
    return {Old, true, Api, Site};
  }
  static SavedIrql ofLock(IrqlRange Old, IrqlApiId Api,
                          const clang::Expr *Site) {
    return {Old, false, Api, Site};
  }
  SavedIrql restored() const { return {Old, false, Api, Site}; }
  SavedIrql withOld(IrqlRange R) const { return {R, Pending, Api, Site}; }

  bool operator==(const SavedIrql &O) const {
    return Old == O.Old && Pending == O.Pending && Api == O.Api &&
           Site == O.Site;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(Old.pack());
    ID.AddBoolean(Pending);
    ID.AddInteger(static_cast<unsigned>(Api));
    ID.AddPointer(Site);
  }
  void dump(llvm::raw_ostream &OS) const;
};

/// A spin lock this path took (and maybe gave back).
struct LockState {
  bool Held;
  IrqlApiId Api; ///< The acquire or release that made it so.
  IrqlRange Old; ///< The IRQL before the acquire.
  bool Raised;   ///< The acquire raised to DISPATCH_LEVEL (not a Dpr form).
  const clang::ento::MemRegion *SaveArea; ///< Lock handle / LOCK_STATE_EX.
  const clang::Expr *Spelled;             ///< The lock argument of the acquire.
  const clang::Expr *Site;                ///< The acquire (or release) call.

  static LockState acquired(IrqlApiId Api, IrqlRange Old, bool Raised,
                            const clang::ento::MemRegion *SaveArea,
                            const clang::Expr *Spelled,
                            const clang::Expr *Site) {
    return {true, Api, Old, Raised, SaveArea, Spelled, Site};
  }
  /// A released lock keeps only what a second release needs: the save
  /// area it is found by (KeReleaseInStackQueuedSpinLock(&LockHandle)) and,
  /// for such a release, which has no lock argument, the lock's spelling.
  /// Paths that took and gave back the lock at different calls then reach
  /// the same state, and the analyzer explores them once.
  LockState released() const {
    return {false,   IrqlApiId::None, IrqlRange::unknown(), false, SaveArea,
            SaveArea ? Spelled : nullptr, nullptr};
  }

  bool operator==(const LockState &O) const {
    return Held == O.Held && Api == O.Api && Old == O.Old &&
           Raised == O.Raised && SaveArea == O.SaveArea &&
           Spelled == O.Spelled && Site == O.Site;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddBoolean(Held);
    ID.AddInteger(static_cast<unsigned>(Api));
    ID.AddInteger(Old.pack());
    ID.AddBoolean(Raised);
    ID.AddPointer(SaveArea);
    ID.AddPointer(Spelled);
    ID.AddPointer(Site);
  }
  void dump(llvm::raw_ostream &OS) const;
};

namespace irqlstate {
using clang::ento::MemRegion;
using clang::ento::ProgramStateRef;
using clang::ento::SymbolRef;

/// The current IRQL; unknown when nothing is recorded.
IrqlRange current(ProgramStateRef S);
bool knowsCurrent(ProgramStateRef S);
/// Sets the current IRQL; readings of the old one no longer describe it.
ProgramStateRef setCurrent(ProgramStateRef S, IrqlRange R);
/// Narrows the current IRQL to what a branch on a reading says.
ProgramStateRef narrowCurrent(ProgramStateRef S, IrqlRange R);

std::optional<IrqlRange> entry(ProgramStateRef S);
bool entryLockFree(ProgramStateRef S);
ProgramStateRef setEntry(ProgramStateRef S, IrqlRange R, bool LockFree);

const SavedIrql *saved(ProgramStateRef S, SymbolRef Sym);
ProgramStateRef setSaved(ProgramStateRef S, SymbolRef Sym, SavedIrql V);
std::vector<std::pair<SymbolRef, SavedIrql>> pendingRaises(ProgramStateRef S);
std::vector<std::pair<SymbolRef, SavedIrql>> savedIrqls(ProgramStateRef S);
/// Forgets every pending raise (a lower whose value is not tracked).
ProgramStateRef settleRaises(ProgramStateRef S,
                             std::optional<Irql> LoweredTo = std::nullopt);

const LockState *lock(ProgramStateRef S, const MemRegion *R);
ProgramStateRef setLock(ProgramStateRef S, const MemRegion *R, LockState V);
/// The lock whose old IRQL was saved in \p SaveArea.
const MemRegion *lockBySaveArea(ProgramStateRef S, const MemRegion *SaveArea);
std::vector<std::pair<const MemRegion *, LockState>>
heldLocks(ProgramStateRef S);

/// Forgets what no later call can reach: released locks whose region is
/// dead, restored old IRQLs and readings whose symbol is dead. Paths that
/// differ only in those then meet again.
ProgramStateRef forgetDead(ProgramStateRef S, clang::ento::SymbolReaper &SR);

ProgramStateRef addReading(ProgramStateRef S, SymbolRef Sym);
std::vector<SymbolRef> readings(ProgramStateRef S);

void print(llvm::raw_ostream &OS, ProgramStateRef S, const char *NL,
           const char *Sep);

} // namespace irqlstate
} // namespace condis

#endif
