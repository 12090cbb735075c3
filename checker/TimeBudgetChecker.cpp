//===-- TimeBudgetChecker.cpp - condis.core.Budget ------------------------===//
//
// Part of condis-check. The hidden checker that ends paths once the file's
// time budget is spent (TimeBudget.h): past the deadline, every path ends at
// its next branch or loop test with a sink, so a function, inlined callees
// included, stops within one branch-free stretch of code.
//
// It is registered only when the host has set a deadline on the thread that
// builds the checkers (condis-check --file-time-budget, condis-clangd), and
// the hosts enable it by name: under plain clang, where no budget exists, it
// costs nothing, not even a callback per branch.
//
//===----------------------------------------------------------------------===//

#include "TimeBudget.h"

#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

using namespace clang;
using namespace clang::ento;

namespace condis {
namespace {

class TimeBudgetChecker : public Checker<check::BranchCondition> {
public:
  void checkBranchCondition(const Stmt *, CheckerContext &C) const {
    stopPathIfBudgetSpent(C);
  }
};

} // namespace

void registerTimeBudgetChecker(CheckerManager &Mgr) {
  Mgr.registerChecker<TimeBudgetChecker>();
}

bool shouldRegisterTimeBudgetChecker(const CheckerManager &) {
  return budgetSet();
}

} // namespace condis
