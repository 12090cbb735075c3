//===-- PrePass.h - The pre-pass over the whole database --------*- C++ -*-===//
//
// Part of condis-check. Before any analysis, every file of the compilation
// database is parsed (AST only, in threads) and scanned for project facts
// (ProjectScan.h); with --facts-cache, a file whose entry still holds
// (FactsCache.h) is not parsed and its facts come from the entry, and the
// files parsed are stored back. The merge is in database order, so the
// facts do not depend on -j or on which files came from the cache.
//
// With --progress it prints "reading N files for project facts" and, with
// a cache, "project facts: H files from the cache, P parsed"; corrupt or
// foreign entries and entries that could not be written are one warning
// each on stderr.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_PREPASS_H
#define CONDIS_TOOLS_PREPASS_H

#include "Analysis.h"
#include "FactsCache.h"
#include "ProjectScan.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace condis::cli {

/// Why \p File cannot be read, or the empty string.
std::string unreadable(llvm::StringRef File);

/// Scans every file of \p Database in \p Threads threads (or takes its
/// facts from \p Cache, named \p CacheName in messages, when given) and
/// merges them into \p Facts. \p Results gets each file's parse: Ok = false
/// for a file that cannot be read or does not compile, Crashed when clang
/// crashed on it; a file whose facts came from the cache is Ok (it compiled,
/// unchanged).
void prePass(const std::vector<clang::tooling::CompileCommand> &Database,
             const AnalysisOptions &Opts, unsigned Threads, FactsCache *Cache,
             llvm::StringRef CacheName, bool ShowProgress, ProjectFacts &Facts,
             std::vector<FileResult> &Results);

} // namespace condis::cli

#endif
