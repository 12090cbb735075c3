//===-- AnalyzerCheck.h - The condis-analyzer clang-tidy check --*- C++ -*-===//
//
// Part of condis-check. A clang-tidy check that runs the static analyzer
// with the condis checkers over the file clangd (or clang-tidy) just parsed
// and reports each finding as a clang-tidy diagnostic whose check name is the
// analyzer checker's name (condis.DropParty, ...), with the path events as
// notes. condis-clangd links it in; docs/design.md ("Editor integration")
// explains why it is a clang-tidy check.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_ANALYZERCHECK_H
#define CONDIS_CLANGD_ANALYZERCHECK_H

#include "AnalyzerRun.h"
#include "FullParse.h"

#include "clang-tidy/ClangTidyCheck.h"

#include <optional>

namespace clang::ento {
class PathDiagnostic;
}

namespace condis {

/// Options (clang-tidy CheckOptions, key prefix "condis-analyzer."):
///   Checkers             checkers or packages to report, comma-separated
///                        (default "condis"); clang's core and apiModeling
///                        always run for their modelling, as they do under
///                        `clang --analyze`
///   AnalyzerConfig       extra -analyzer-config entries, "k=v" separated by
///                        ',' (e.g. "condis.Role:DriverRole=mcm")
///   MaxNodesPerFunction  exploded-graph node budget of one function
///   MaxNodesPerFile      node budget of the whole file
///   TimeBudgetMs         wall-clock budget of the whole file
///   FullParse            true (default): when clangd parsed the file on top
///                        of its preamble, analyse a full parse of the file
///                        instead (FullParse.h), which sees header function
///                        bodies and header SAL annotations; false: analyse
///                        clangd's own AST (cheaper, blind to both)
class AnalyzerCheck : public clang::tidy::ClangTidyCheck {
public:
  AnalyzerCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Reads an integer option; a malformed value is recorded in
  /// ConfigProblems and the default used.
  unsigned unsignedOption(llvm::StringRef Name, unsigned Default,
                          bool AllowZero);
  /// Reads a true/false option, like unsignedOption.
  bool boolOption(llvm::StringRef Name, bool Default);
  /// Whether findings of \p CheckerName are reported (see Checkers).
  bool reports(llvm::StringRef CheckerName) const;
  /// Emits \p PD as a warning named after its checker, then its path notes,
  /// at the locations \p Locations gives in the SourceManager of the AST
  /// clangd (or clang-tidy) owns.
  void forward(const clang::ento::PathDiagnostic &PD, LocationMap &Locations);
  /// Analyses \p Ctx and forwards its findings into clangd's AST.
  void analyze(clang::ASTContext &Ctx, clang::Preprocessor &ThePP,
               AnalysisStats &Stats);

  clang::tidy::ClangTidyContext *TidyContext;
  /// The check's own name ("condis-analyzer"): what clang-tidy's Checks
  /// enables (AnalyzerCheck.cpp, forward()).
  const std::string OwnName;
  const std::string CheckersOption;
  const std::string AnalyzerConfigOption;
  AnalysisConfig Config;
  bool FullParse = true;
  std::vector<std::string> Reported;
  /// Option errors, reported at the end of each translation unit.
  std::vector<std::string> ConfigProblems;

  clang::Preprocessor *PP = nullptr;
  clang::ASTContext *AST = nullptr;
};

} // namespace condis

#endif
