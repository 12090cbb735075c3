//===-- ModelingChecker.h - condis.core.Modeling -----------------*- C++ -*-===//
//
// Part of condis-check. The hidden checker the condis checkers depend on:
// it owns the DriverFacts of the translation unit being analysed (handlers
// and role evidence) and the package option condis:Handlers.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_MODELINGCHECKER_H
#define CONDIS_CHECKER_MODELINGCHECKER_H

#include "DriverFacts.h"

#include "clang/StaticAnalyzer/Core/Checker.h"
#include <optional>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace condis {

/// Facts gathered across a whole project, e.g. by condis-check's pre-pass
/// over a compilation database: handlers registered in other files and the
/// role evidence of the whole driver. When set, facts() merges them after the
/// current translation unit's own facts (the unit's own answers win; merged
/// role evidence carries File/Line but no SourceLocation).
///
/// Set it once, before any translation unit is analysed, and keep the object
/// alive and unchanged until analysis ends: analyses running in parallel
/// threads read it without locking. nullptr (the default, and what the
/// plugin always has) means "this translation unit only".
void setProjectFacts(const DriverFacts *Facts);
const DriverFacts *projectFacts();

class ModelingChecker : public clang::ento::Checker<> {
public:
  /// The facts of \p Ctx's translation unit, gathered on first use, plus
  /// condis:Handlers and the project facts (setProjectFacts), if any.
  const DriverFacts &facts(clang::ASTContext &Ctx) const;

  /// The role type \p FD implements, if any.
  std::optional<ApiId> roleTypeOf(const clang::FunctionDecl *FD) const;

  /// Handlers named by condis:Handlers (already validated).
  DriverFacts OptionFacts;

private:
  mutable const void *FactsTU = nullptr;
  mutable DriverFacts Facts;
};

} // namespace condis

#endif
