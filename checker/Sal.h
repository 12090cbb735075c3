//===-- Sal.h - SAL IRQL annotations read from the source --------*- C++
//-*-===//
//
// Part of condis-check. Under clang the WDK's SAL macros (_IRQL_requires_,
// _IRQL_raises_, ...) expand to nothing, so the AST never sees them. This
// file reads them from the preprocessor instead:
//
//   1. installSalRecorder(PP) adds PPCallbacks that record every expansion
//      of an IRQL or lock SAL macro (name, argument, value, location) while
//      the file is preprocessed. The analyzer plugin installs it from a
//      PluginASTAction that clang runs before the analysis (SalAction.cpp);
//      condis-check and condis-clangd call installSalRecorder themselves.
//   2. The records live in a process-wide registry keyed by the
//      SourceManager of the preprocessor, from installation until the
//      preprocessor (and so the recorder) is destroyed; a second
//      installation for the same SourceManager is a no-op.
//   3. SalIndex::build(ASTContext&) attaches each record to the declaration
//      it annotates: the function or typedef that contains it or is the
//      next one after it in the translation unit; inside a parameter list,
//      to that parameter.
//   4. A parse that reads its headers from a precompiled preamble sees no
//      macro expansion in them. condis-clangd builds such a preamble itself
//      and carries the headers' annotations over by declaration name:
//      exportSalFacts() after building it, importSalFacts() for each parse
//      that uses it.
//
// Without a recorder the index is empty and the checkers fall back on role
// types and the rule table.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_SAL_H
#define CONDIS_CHECKER_SAL_H

#include "Irql.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Decl;
class FunctionDecl;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace condis {

/// Starts recording SAL IRQL and lock annotations seen by \p PP.
void installSalRecorder(clang::Preprocessor &PP);

/// The SAL annotations that matter for IRQL, merged over a function's
/// declarations and the typedefs its declarations are written with.
struct SalFacts {
  std::optional<Irql> Requires, Max, Min, AlwaysMax, AlwaysMin, Raises;
  int RaisesParam = -1; ///< _IRQL_raises_(Param): raises to Param's value.
  int SavesParam = -1;  ///< _IRQL_saves_ on a parameter.
  bool SavesOnFunction = false; ///< _IRQL_saves_ before the declaration.
  int RestoresParam = -1;       ///< _IRQL_restores_ on a parameter.
  bool AcquiresLock = false, ReleasesLock = false;
  /// The annotations giving the IRQL the function needs, as written
  /// ("_IRQL_requires_max_(DISPATCH_LEVEL)"), for messages.
  std::string RequirementText;

  bool raises() const {
    return Raises || RaisesParam >= 0 || SavesParam >= 0 || SavesOnFunction;
  }
  bool lowers() const { return RestoresParam >= 0; }
  /// The IRQLs a caller must be at (entry of the function), if annotated.
  std::optional<IrqlRange> requirement() const;
  /// Adds what \p O says and this does not.
  void mergeFrom(const SalFacts &O);
};

/// Whether the recorder installed for \p SM saw (or was given, by
/// importSalFacts) an IRQL or lock annotation.
bool hasSalAnnotations(const clang::SourceManager &SM);

/// The annotations of a translation unit by the name of the function or
/// typedef they belong to (names are unique at file scope in C).
struct SalByName {
  llvm::StringMap<SalFacts> Functions, Typedefs;
};

/// The annotations recorded for \p Ctx's translation unit, by name.
SalByName exportSalFacts(clang::ASTContext &Ctx);

/// Adds \p Facts to what the recorder installed on \p PP (by
/// installSalRecorder, which must come first) contributes to the
/// translation unit: its file-scope declarations of those names get them
/// before the annotations recorded in this parse are applied.
void importSalFacts(clang::Preprocessor &PP,
                    std::shared_ptr<const SalByName> Facts);

/// The annotations of one translation unit, by declaration.
class SalIndex {
public:
  /// Attaches the records made for \p Ctx's SourceManager. Empty when no
  /// recorder ran for it.
  static SalIndex build(clang::ASTContext &Ctx);

  /// True when a recorder ran for the translation unit.
  bool recorded() const { return Recorded; }

  /// What the annotations of \p FD, its redeclarations and their role
  /// typedefs say.
  SalFacts factsFor(const clang::FunctionDecl *FD) const;

private:
  friend SalByName exportSalFacts(clang::ASTContext &Ctx);
  /// Attaches \p Facts to the file-scope declarations of their names.
  void import(clang::ASTContext &Ctx, const SalByName &Facts);

  bool Recorded = false;
  llvm::DenseMap<const clang::Decl *, SalFacts> ByDecl;
};

} // namespace condis

#endif
