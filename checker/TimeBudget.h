//===-- TimeBudget.h - A deadline for one file's analysis -------*- C++ -*-===//
//
// Part of condis-check. The editor and condis-check (--file-time-budget) give
// a file a time budget; this is how it reaches the analyzer, which has no
// clock of its own. It bounds both halves of the path-sensitive analysis:
//
//   exploration  Past the deadline, every path ends at its next branch
//                (stopPathIfBudgetSpent, called by condis.core.Budget on
//                each branch condition, TimeBudgetChecker.cpp): the path
//                becomes a sink, which reports nothing, and the engine runs
//                out of work within a function, inlined callees included.
//                Counted (stoppedPaths).
//   reports      Clang builds each finding's path after the exploration
//                (BugReporter::FlushReports); on a long handler the
//                condition tracking there costs far more than the
//                exploration (docs/performance.md, "Budgets"). Every
//                path-sensitive condis report carries a visitor
//                (addReportBudget) that, past the deadline, marks its report
//                invalid: clang builds no path and shows nothing. Counted
//                (cutReports).
//
// The host sets the deadline on the thread that runs the analysis
// (AnalysisDeadline, a scoped guard) before it builds the checkers, enables
// condis.core.Budget, and reads both counts afterwards to say what was cut.
// Without a deadline (the plugin under clang) nothing is cut.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_TIMEBUDGET_H
#define CONDIS_CHECKER_TIMEBUDGET_H

#include <atomic>
#include <chrono>
#include <optional>

namespace clang::ento {
class CheckerContext;
class PathSensitiveBugReport;
} // namespace clang::ento

namespace condis {

/// Sets the deadline of the calling thread for its lifetime and resets both
/// counts; restores the previous deadline after. \p Cancelled, when given,
/// counts as a deadline passed once it is true (condis-clangd cancels the
/// analysis of a version the user has edited since).
class AnalysisDeadline {
public:
  explicit AnalysisDeadline(std::chrono::steady_clock::time_point At,
                            const std::atomic<bool> *Cancelled = nullptr);
  ~AnalysisDeadline();
  AnalysisDeadline(const AnalysisDeadline &) = delete;
  AnalysisDeadline &operator=(const AnalysisDeadline &) = delete;

private:
  std::optional<std::chrono::steady_clock::time_point> Previous;
  const std::atomic<bool> *PreviousCancelled;
};

/// True while the calling thread has a deadline (or a cancellation flag).
bool budgetSet();

/// True once the calling thread's deadline has passed or its analysis was
/// cancelled; false when it has no deadline.
bool budgetSpent();

/// Past the deadline, ends the current path with a sink and returns true.
bool stopPathIfBudgetSpent(clang::ento::CheckerContext &C);

/// Gives \p R the visitor that cuts it once the deadline has passed.
void addReportBudget(clang::ento::PathSensitiveBugReport &R);

/// Findings (distinct location and message) cut on this thread since its
/// AnalysisDeadline was set.
unsigned cutReports();

/// Paths ended by stopPathIfBudgetSpent on this thread since its
/// AnalysisDeadline was set.
unsigned stoppedPaths();

} // namespace condis

#endif
