//===-- ReportBudget.cpp - A deadline for building reports' paths ---------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "ReportBudget.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"

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

class ReportBudgetVisitor final : public BugReporterVisitor {
public:
  void Profile(llvm::FoldingSetNodeID &ID) const override {
    static int Tag = 0;
    ID.AddPointer(&Tag);
  }

  PathDiagnosticPieceRef VisitNode(const ExplodedNode *, BugReporterContext &,
                                   PathSensitiveBugReport &BR) override {
    // A clock read per path node: small beside the other visitors' work.
    bool Spent = (Deadline && std::chrono::steady_clock::now() >= *Deadline) ||
                 (Cancelled && Cancelled->load(std::memory_order_relaxed));
    if (Spent && BR.isValid()) {
      Cut.insert({BR.getLocation().asLocation().getRawEncoding(),
                  BR.getDescription().str()});
      BR.markInvalid("condis: time budget spent", nullptr);
    }
    return nullptr;
  }
};

} // namespace

ReportDeadline::ReportDeadline(std::chrono::steady_clock::time_point At,
                               const std::atomic<bool> *Cancel)
    : Previous(Deadline), PreviousCancelled(Cancelled) {
  Deadline = At;
  Cancelled = Cancel;
  Cut.clear();
}

ReportDeadline::~ReportDeadline() {
  Deadline = Previous;
  Cancelled = PreviousCancelled;
}

void addReportBudget(PathSensitiveBugReport &R) {
  R.addVisitor<ReportBudgetVisitor>();
}

unsigned cutReports() { return Cut.size(); }

} // namespace condis
