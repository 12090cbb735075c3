//===-- ReportBudget.h - A deadline for building reports' paths -*- C++ -*-===//
//
// Part of condis-check. Clang builds each finding's path after the
// exploration (BugReporter::FlushReports): the bug-path visitors walk the
// path back to the function's entry, and the condition tracking
// (track-conditions) walks the function's CFG for every block of it, so a
// long handler costs far more there than in the exploration (docs/
// performance.md, "Budgets"). The editor and condis-check give a file a
// time budget; this is how the budget reaches report construction.
//
// The host sets a deadline on the thread that runs the analysis
// (ReportDeadline, a scoped guard); every path-sensitive condis report
// carries a ReportBudgetVisitor (addReportBudget), which, once the deadline
// has passed, marks its report invalid. Clang then stops walking that path at
// the next node and builds no path for the report: the finding is cut, and
// counted (cutReports) so that the host can say so. Without a deadline (the
// plugin under clang) the visitor does nothing.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_REPORTBUDGET_H
#define CONDIS_CHECKER_REPORTBUDGET_H

#include <atomic>
#include <chrono>
#include <optional>

namespace clang::ento {
class PathSensitiveBugReport;
}

namespace condis {

/// Sets the report deadline of the calling thread for its lifetime and
/// resets the count of cut reports; restores the previous deadline after.
/// \p Cancelled, when given, counts as a deadline passed once it is true
/// (condis-clangd cancels the analysis of a version the user has edited
/// since).
class ReportDeadline {
public:
  explicit ReportDeadline(std::chrono::steady_clock::time_point At,
                          const std::atomic<bool> *Cancelled = nullptr);
  ~ReportDeadline();
  ReportDeadline(const ReportDeadline &) = delete;
  ReportDeadline &operator=(const ReportDeadline &) = delete;

private:
  std::optional<std::chrono::steady_clock::time_point> Previous;
  const std::atomic<bool> *PreviousCancelled;
};

/// Gives \p R the visitor that cuts it once the deadline has passed.
void addReportBudget(clang::ento::PathSensitiveBugReport &R);

/// Findings (distinct location and message) cut on this thread since its
/// ReportDeadline was set.
unsigned cutReports();

} // namespace condis

#endif
