//===-- IrqlNotes.h - Path notes for condis.Irql -----------------*- C++
//-*-===//
//
// Part of condis-check. The notes that explain how the IRQL got where a
// condis.Irql report says it is: why the function started at its IRQL,
// where a call raised or lowered it, where a spin lock was taken or given
// back. They state a fact at the event and stay silent elsewhere.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_IRQLNOTES_H
#define CONDIS_CHECKER_IRQLNOTES_H

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporterVisitors.h"
#include <string>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class LangOptions;
class SourceManager;
namespace ento {
class MemRegion;
}
} // namespace clang

namespace condis {

class SalIndex;

/// "'Adapter->Lock'": the lock argument \p Arg as the driver wrote it
/// (without '&'; through a driver's macro, with the macro's arguments in
/// place), else the region's name, else "" (no name).
std::string lockName(const clang::Expr *Arg, const clang::ento::MemRegion *R,
                     const clang::ASTContext &Ctx);

/// "Spin lock 'Adapter->Lock'", or "A spin lock" for a lock without a name.
std::string spinLockSubject(const std::string &Name);
/// "spin lock 'Adapter->Lock'", or "a spin lock".
std::string spinLockObject(const std::string &Name);

class IrqlNoteVisitor : public clang::ento::BugReporterVisitor {
public:
  /// \p EntryWhy explains the entry IRQL of \p TopFunction (may be empty);
  /// \p Sal explains that of inlined frames narrowed to their annotation.
  IrqlNoteVisitor(const clang::FunctionDecl *TopFunction, std::string EntryWhy,
                  const SalIndex *Sal)
      : TopFunction(TopFunction), EntryWhy(std::move(EntryWhy)), Sal(Sal) {}

  void Profile(llvm::FoldingSetNodeID &ID) const override;
  clang::ento::PathDiagnosticPieceRef
  VisitNode(const clang::ento::ExplodedNode *N,
            clang::ento::BugReporterContext &BRC,
            clang::ento::PathSensitiveBugReport &BR) override;

private:
  const clang::FunctionDecl *
  narrowedOnEntry(const clang::ento::ExplodedNode *N,
                  clang::ento::ProgramStateRef Now,
                  clang::ento::ProgramStateRef Before) const;

  const clang::FunctionDecl *TopFunction;
  std::string EntryWhy;
  const SalIndex *Sal;
};

} // namespace condis

#endif
