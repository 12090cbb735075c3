//===-- IrqlFacts.h - The IRQL each function is entered at ------*- C++ -*-===//
//
// Part of condis-check. What the translation unit says about the IRQL a
// function runs at when the system calls it, gathered before path analysis:
//   - its role type: a non-CoNDIS role of rules/irql.def (MINIPORT_ISR:
//     device IRQL, NDIS_IO_WORKITEM_FUNCTION: PASSIVE_LEVEL, ...) or a
//     CoNDIS role type of rules/condis.def (as condis.core.Modeling
//     recognises it);
//   - being passed as the routine of NdisMSynchronizeWithInterruptEx,
//     KeInitializeDpc, NdisQueueIoWorkItem or their NDIS 5 forerunners
//     (rules/irql.def CONDIS_IRQL_ROUTINE rows);
//   - being stored into a field whose routine runs at a fixed IRQL (NDIS 5's
//     ISRHandler, ...: a DriverFacts stored routine, so condis-check's
//     pre-pass carries it from the file that registers it);
//   - its SAL annotations (Sal.h), on its own declarations or on the
//     typedefs they are written with.
// Every source that applies narrows the range; the reason kept for path
// notes is the one that says most.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_IRQLFACTS_H
#define CONDIS_CHECKER_IRQLFACTS_H

#include "Irql.h"
#include "Sal.h"

#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace condis {

struct StoredRoutine;

/// The IRQL a function starts at, and why.
struct IrqlEntry {
  IrqlRange Range;
  /// Called by the system (a role or routine): holds none of the driver's
  /// spin locks on entry.
  bool NoLocksHeld = false;
  /// "'MyIsr' is declared MINIPORT_ISR: an ISR runs at device IRQL".
  std::string Why;
};

class IrqlFacts {
public:
  static IrqlFacts gather(clang::ASTContext &Ctx);

  const SalIndex &sal() const { return Sal; }

  /// The IRQL \p FD is entered at; \p CondisRole is the CoNDIS role type it
  /// implements, \p Stored what DriverFacts knows of it as a stored
  /// routine, if anything. None when nothing says.
  std::optional<IrqlEntry> entryOf(const clang::FunctionDecl *FD,
                                   std::optional<ApiId> CondisRole,
                                   const StoredRoutine *Stored) const;

private:
  struct Routine {
    IrqlRoleId Role;
    IrqlApiId Via;
  };
  llvm::DenseMap<const clang::FunctionDecl *, Routine> Routines;
  SalIndex Sal;
};

} // namespace condis

#endif
