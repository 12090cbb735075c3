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
#include "RecordedFinding.h"

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
  /// Emits \p F as a warning named after its checker, then its path notes,
  /// placed by \p Where in the SourceManager of the AST clangd (or
  /// clang-tidy) owns.
  void emit(const RecordedFinding &F, Placer &Where);
  /// Analyses now, on this thread: a full parse first when \p TryFullParse
  /// and clangd parsed on top of a preamble, else clangd's own AST.
  void analyzeNow(bool TryFullParse);
  enum class Plan {
    Done,            ///< Findings shown, or the analysis queued.
    AnalyseNow,      ///< analyzeNow(true)
    AnalyseClangdAST ///< analyzeNow(false): the full parse fails.
  };
#ifndef CONDIS_TIDY_MODULE
  /// condis-clangd: shows the finished analysis of this very text, or
  /// queues one (AsyncAnalysis.h) and marks the diagnostics pending.
  Plan analyzeLater();
  /// The analysis options, as part of the outcome cache's key.
  std::string configKey() const;
#endif

  clang::tidy::ClangTidyContext *TidyContext;
  /// The check's own name ("condis-analyzer"): what clang-tidy's Checks
  /// enables (AnalyzerCheck.cpp, emit()).
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
