//===-- AnalyzerRun.h - Run the analyzer over a parsed file -----*- C++ -*-===//
//
// Part of condis-check. Runs the Clang Static Analyzer engine (the same
// CheckerManager / AnalysisManager / ExprEngine a `clang --analyze` run uses)
// over the main-file functions of an AST somebody else parsed and owns:
// clangd's, or clang-tidy's. Used by the condis-analyzer clang-tidy check.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_ANALYZERRUN_H
#define CONDIS_CLANGD_ANALYZERRUN_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Preprocessor;
namespace ento {
class PathDiagnostic;
}
} // namespace clang

namespace condis {

/// How much one file may cost. The editor asks for a fresh AST on every
/// edit, so every budget is per file and per run.
struct AnalysisBudget {
  /// Exploded-graph nodes for one top-level function (analyzer max-nodes).
  unsigned MaxNodesPerFunction = 40000;
  /// Exploded-graph nodes for the whole file; functions left when it is
  /// spent are not analysed.
  unsigned MaxNodesPerFile = 400000;
  /// Wall-clock time for the whole file, from Start: checked before each
  /// top-level function (functions left when it is spent are not
  /// analysed), at every branch of the exploration (past it, each path ends
  /// at its next branch) and at every node of a finding's path while the
  /// path is built (a finding whose path is not built by then is cut):
  /// TimeBudget.h.
  std::chrono::milliseconds Time{2000};
  /// When the check began (before its full parse); the engine's own start
  /// when unset. Waiting for another file's engine does not count.
  std::optional<std::chrono::steady_clock::time_point> Start;
  /// When set and true, the run stops as if its time budget were spent:
  /// before the next function, at the next branch, and at the next node of
  /// a path being built.
  /// condis-clangd sets it when the user edits the file being analysed.
  const std::atomic<bool> *Cancelled = nullptr;
};

/// What one run did, for logs and the benchmark.
struct AnalysisStats {
  unsigned FunctionsAnalyzed = 0;
  unsigned FunctionsSkipped = 0; ///< Left out because a budget was spent.
  /// Findings not reported because the time budget ran out while their
  /// paths were built.
  unsigned FindingsCut = 0;
  /// Paths the exploration ended at a branch because the budget was spent.
  unsigned PathsStopped = 0;
  unsigned Nodes = 0;
  bool Crashed = false;   ///< The engine crashed; the run was abandoned.
  bool FullParse = false; ///< A full parse was analysed (FullParse.h).
  bool Cancelled = false; ///< Budget.Cancelled stopped the run.
  /// When the engine ran (runAnalyzer holds one process-wide lock for it),
  /// and how long the run waited for another file's engine first.
  std::chrono::steady_clock::time_point EngineStart, EngineEnd;
  std::chrono::milliseconds Waited{0};
};

/// The analyzer configuration of a run, as -cc1 arguments
/// ("-analyzer-checker=condis", "-analyzer-config", "k=v", ...).
/// AnalyzerOptions only gets its defaults from CompilerInvocation's parser,
/// so the run builds its options exactly as `clang -cc1 -analyze` does.
struct AnalysisConfig {
  std::vector<std::string> CC1Args;
  AnalysisBudget Budget;
};

/// Runs the path-sensitive and AST checkers registered by
/// condis::registerCheckers (plus clang's own) over the function definitions
/// of \p Ctx's main file, and hands every finding to \p Report before
/// returning. Does nothing when the file has errors (like `clang --analyze`).
/// Returns an error message when \p Config does not parse (nothing is then
/// analysed) or names checkers or checker options that do not exist (the
/// rest is analysed), else "".
std::string runAnalyzer(
    clang::ASTContext &Ctx, clang::Preprocessor &PP,
    const AnalysisConfig &Config,
    llvm::function_ref<void(const clang::ento::PathDiagnostic &)> Report,
    AnalysisStats &Stats);

} // namespace condis

#endif
