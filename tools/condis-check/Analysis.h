//===-- Analysis.h - Parse or analyse one file of the database --*- C++ -*-===//
//
// Part of condis-check. Each file runs in its own clang::tooling::ClangTool
// with its own CompilerInstance, file manager and physical file system (so
// the compile command's directory is per file, never the process's working
// directory). That makes one file's run independent of every other: main()
// scans files in worker threads, sharing only read-only state (the options
// below). Analyses are not independent within one process (clang's analyzer
// statistics are process-wide), so analyseFile runs them one at a time
// (Analysis.cpp, AnalyzerMutex) and main() analyses in worker processes
// (Workers.h), which inherit the project facts installed with
// condis::setProjectFacts.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_ANALYSIS_H
#define CONDIS_TOOLS_ANALYSIS_H

#include "ContentHash.h"
#include "Findings.h"
#include "ProjectScan.h"
#include "Rules.h"

#include "clang/Tooling/CompilationDatabase.h"
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace condis::cli {

/// What every file's analysis is run with.
struct AnalysisOptions {
  /// -analyzer-checker / -analyzer-disable-checker entries.
  std::vector<std::pair<std::string, bool>> Checkers;
  /// -analyzer-config KEY=VALUE entries, passed as written.
  std::vector<std::string> Config;
  /// Which findings are kept.
  CheckSelection Selection;
  /// --file-time-budget: from the start of a file's run, the time by which
  /// its exploration must end and its findings' paths must be built
  /// (TimeBudget.h); none when empty.
  std::optional<std::chrono::steady_clock::duration> FileTimeBudget;
};

/// The outcome of one file: findings, or why it could not be analysed.
struct FileResult {
  std::vector<Finding> Findings;
  /// Compiler errors (file:line:col: error: ...), option errors.
  std::vector<std::string> Errors;
  bool Ok = true;
  /// clang crashed on the file (recovered; the file has no result).
  bool Crashed = false;
  /// Findings cut by FileTimeBudget, and paths it stopped.
  unsigned FindingsCut = 0;
  unsigned PathsStopped = 0;
};

/// The warning a file cut by --file-time-budget gets: "--file-time-budget
/// spent: ..." naming the paths stopped and the findings cut.
std::string budgetCutMessage(const FileResult &R);

/// Parses \p Command's file and scans it for project facts (no analysis).
/// \p Inputs, when given, receives the files the parse read and their
/// digests (for the facts cache, FactsCache.h).
FileResult scanFile(const clang::tooling::CompileCommand &Command,
                    const AnalysisOptions &Opts, TUScan &Scan,
                    std::vector<FileDigest> *Inputs = nullptr);

/// Runs the analyzer with our checkers over \p Command's file.
FileResult analyseFile(const clang::tooling::CompileCommand &Command,
                       const AnalysisOptions &Opts);

} // namespace condis::cli

#endif
