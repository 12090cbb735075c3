//===-- ModelingChecker.h - condis.core.Modeling -----------------*- C++ -*-===//
//
// Part of condis-check. The hidden checker the condis checkers depend on:
// it owns the DriverFacts of the translation unit being analysed (handlers
// and role evidence) and the package option condis:Handlers, models what
// the analyzer core gets wrong in driver code (the field offset inside
// CONTAINING_RECORD).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_MODELINGCHECKER_H
#define CONDIS_CHECKER_MODELINGCHECKER_H

#include "DriverFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState_Fwd.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace clang {
class ASTContext;
class FunctionDecl;
class LocationContext;
class StackFrameContext;
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

class ModelingChecker
    : public clang::ento::Checker<
          clang::ento::check::PostStmt<clang::CastExpr>> {
public:
  /// (ULONG_PTR)&((T *)0)->Field, the offset CONTAINING_RECORD subtracts:
  /// the analyzer core takes the field of a null pointer to be the null
  /// pointer, so the record would start at the field and its other fields
  /// would alias the list links. Binds the offset the compiler computes.
  void checkPostStmt(const clang::CastExpr *CE,
                     clang::ento::CheckerContext &C) const;

  /// The facts of \p Ctx's translation unit, gathered on first use, plus
  /// condis:Handlers and the project facts (setProjectFacts), if any.
  const DriverFacts &facts(clang::ASTContext &Ctx) const;

  /// Whether \p Ctx's translation unit concerns the condis checkers at all
  /// (Relevance.h); decided once per translation unit. When it does not,
  /// facts() is empty and the checkers skip their per-path work.
  bool concerns(clang::ASTContext &Ctx) const {
    // Asked on every callback of every condis checker: keep the hit inline.
    if (ConcernsTU == Ctx.getTranslationUnitDecl())
      return Concerns;
    return decideConcerns(Ctx);
  }

  /// The role type \p FD implements, if any.
  std::optional<ApiId> roleTypeOf(const clang::FunctionDecl *FD) const;

  /// The value of parameter \p Index of frame \p SFC.
  static clang::ento::SVal handlerParam(clang::ento::ProgramStateRef State,
                                        const clang::StackFrameContext *SFC,
                                        int Index);

  /// Handlers named by condis:Handlers (already validated).
  DriverFacts OptionFacts;

private:
  bool decideConcerns(clang::ASTContext &Ctx) const;

  mutable const void *FactsTU = nullptr;
  mutable DriverFacts Facts;
  /// roleTypeOf's answers for the TU of Facts: asked on most callbacks.
  mutable llvm::DenseMap<const clang::FunctionDecl *, std::optional<ApiId>>
      RoleOf;
  mutable const void *ConcernsTU = nullptr;
  mutable bool Concerns = true;
};

/// The outermost frame of the path \p LC belongs to.
const clang::StackFrameContext *topFrame(const clang::LocationContext *LC);

} // namespace condis

#endif
