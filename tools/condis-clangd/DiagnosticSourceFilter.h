//===-- DiagnosticSourceFilter.h - Name condis as the source ----*- C++ -*-===//
//
// Part of condis-check. clangd labels every clang-tidy diagnostic with
// source "clang-tidy" (Diagnostics.cpp, toLSPDiags) and offers no hook to
// change it from outside its sources. condis-clangd therefore passes clangd's
// LSP output through this filter, which relabels the diagnostics of the
// condis-analyzer check: source "condis" and, when the checker has a page
// under docs/, a codeDescription link to it. The check's marker of a
// pending analysis (AsyncAnalysis.h) becomes "condisAnalysis": "pending" in
// the publication's parameters. Everything else is forwarded byte for byte.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_DIAGNOSTICSOURCEFILTER_H
#define CONDIS_CLANGD_DIAGNOSTICSOURCEFILTER_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <thread>

namespace condis {

/// True for analyzer checker names ("condis.DropParty", "core.DivideZero"):
/// dot-separated, no '-'. clang-tidy check names always contain a '-'
/// ("bugprone-use-after-move", "clang-analyzer-core.DivideZero").
bool isAnalyzerCheckerName(llvm::StringRef Code);

/// Rewrites one LSP message body. Returns the new body, or "" when the
/// message is not a publishDiagnostics carrying condis-analyzer findings or
/// the marker of a pending analysis (which is removed, and the parameters
/// get "condisAnalysis": "pending").
/// \p DocsDir: absolute directory of the docs/ pages, or "" for no links.
std::string relabelDiagnostics(llvm::StringRef Body, llvm::StringRef DocsDir);

/// Interposes a pipe between the process's stdout and the real one and runs
/// relabelDiagnostics over each LSP message on a thread of its own.
class DiagnosticSourceFilter {
public:
  explicit DiagnosticSourceFilter(std::string DocsDir)
      : DocsDir(std::move(DocsDir)) {}
  ~DiagnosticSourceFilter() { stop(); }

  /// Redirects stdout. On failure stdout is left as it was.
  bool start();
  /// Flushes what was written, restores stdout and waits for the thread.
  void stop();

private:
  void pump();

  std::string DocsDir;
  int RealStdout = -1;
  int ReadEnd = -1;
  std::thread Pump;
};

} // namespace condis

#endif
