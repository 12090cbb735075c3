//===-- TimeBudget.cpp - A deadline for one file's analysis ---------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "TimeBudget.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

#include <set>
#include <string>

using namespace clang;
using namespace clang::ento;

namespace condis {
namespace {

// Per thread: clangd analyses different files on different threads, and a
// run, its report construction included, stays on the thread it began on.
thread_local std::optional<std::chrono::steady_clock::time_point> Deadline;
thread_local const std::atomic<bool> *Cancelled = nullptr;
/// The findings cut: their location and message, since one finding's
/// reports (an equivalence class) are each tried in turn.
thread_local std::set<std::pair<unsigned, std::string>> Cut;
thread_local unsigned Stopped = 0;

class ReportBudgetVisitor final : public BugReporterVisitor {
public:
  void Profile(llvm::FoldingSetNodeID &ID) const override {
    static int Tag = 0;
    ID.AddPointer(&Tag);
  }

  PathDiagnosticPieceRef VisitNode(const ExplodedNode *, BugReporterContext &,
                                   PathSensitiveBugReport &BR) override {
    // A clock read per path node: small beside the other visitors' work.
    if (budgetSpent() && BR.isValid()) {
      Cut.insert({BR.getLocation().asLocation().getRawEncoding(),
                  BR.getDescription().str()});
      BR.markInvalid("condis: time budget spent", nullptr);
    }
    return nullptr;
  }
};

} // namespace

AnalysisDeadline::AnalysisDeadline(std::chrono::steady_clock::time_point At,
                                   const std::atomic<bool> *Cancel)
    : Previous(Deadline), PreviousCancelled(Cancelled) {
  Deadline = At;
  Cancelled = Cancel;
  Cut.clear();
  Stopped = 0;
}

AnalysisDeadline::~AnalysisDeadline() {
  Deadline = Previous;
  Cancelled = PreviousCancelled;
}

bool budgetSet() { return Deadline || Cancelled; }

bool budgetSpent() {
  return (Deadline && std::chrono::steady_clock::now() >= *Deadline) ||
         (Cancelled && Cancelled->load(std::memory_order_relaxed));
}

bool stopPathIfBudgetSpent(CheckerContext &C) {
  if (!budgetSpent())
    return false;
  if (C.generateSink(C.getState(), C.getPredecessor()))
    ++Stopped;
  return true;
}

void addReportBudget(PathSensitiveBugReport &R) {
  R.addVisitor<ReportBudgetVisitor>();
}

unsigned cutReports() { return Cut.size(); }

unsigned stoppedPaths() { return Stopped; }

} // namespace condis
