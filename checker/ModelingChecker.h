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

class ModelingChecker : public clang::ento::Checker<> {
public:
  /// The facts of \p Ctx's translation unit, gathered on first use.
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
