//===-- ProjectScan.h - The project-wide pre-pass ---------------*- C++ -*-===//
//
// Part of condis-check. Before any path-sensitive analysis, every file of the
// compilation database is parsed once (AST only) and scanned for the facts
// no single translation unit has:
//   - the driver's role, from its registration calls (DriverFacts),
//   - which functions are registered as which handler (DriverFacts),
//   - which function definitions can return NDIS_STATUS_PENDING,
//   - which completions of rules/operations.def any file references.
// The merged DriverFacts go to every file's analysis through
// condis::setProjectFacts; the rest decides the project-level report
//
//   a handler of an operation returns PENDING -----+
//   no file of the driver calls its completion ----+--> REPORT once, at the
//                                                        handler: the rule
//                                                        is checker/
//                                                        CrossFileRule.h
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_PROJECTSCAN_H
#define CONDIS_TOOLS_PROJECTSCAN_H

#include "DriverFacts.h"
#include "Findings.h"
#include "Operations.h"

#include "llvm/ADT/StringSet.h"
#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
}

namespace condis::cli {

/// A function definition that can return NDIS_STATUS_PENDING: some return
/// statement's value is the NDIS_STATUS_PENDING macro (or STATUS_PENDING's
/// value), either operand of a conditional, or a local variable assigned
/// one of those. Found syntactically, whatever the path.
struct PendingFunction {
  std::string Name;
  Position Definition; ///< The function's name in its definition.
  Position Return;     ///< The first return statement that can pend.
  std::string OwnerTU; ///< The first translation unit that defined it.
};

/// What one translation unit contributes. Its DriverFacts' SourceLocations
/// die with the AST: only File/Line/Column are merged.
struct TUScan {
  DriverFacts Facts;
  std::vector<PendingFunction> Pending;
  /// Operations whose completion this unit calls or takes the address of.
  std::set<OperationId> CompletionsReferenced;
};

/// Scans the AST of \p MainFile; positions are made absolute against
/// \p Directory (the compile command's directory).
TUScan scanTranslationUnit(clang::ASTContext &Ctx, llvm::StringRef MainFile,
                           llvm::StringRef Directory);

/// The merged facts of every translation unit.
struct ProjectFacts {
  DriverFacts Facts;
  std::vector<PendingFunction> Pending; ///< One per function name.
  std::set<OperationId> CompletionsReferenced;

  /// Merges \p Scan of \p TU; call in a fixed order (sorted by file) so the
  /// result does not depend on -j.
  void add(llvm::StringRef TU, const TUScan &Scan);
};

/// The project-level findings for the translation units in \p Analysed:
/// a handler of a rules/operations.def row that can return
/// NDIS_STATUS_PENDING in a driver no file of which references the row's
/// completion; reported under the row's checker.
std::vector<Finding> pendingNeverCompleted(const ProjectFacts &Project,
                                           const llvm::StringSet<> &Analysed);

} // namespace condis::cli

#endif
