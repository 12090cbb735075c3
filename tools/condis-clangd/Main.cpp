//===-- Main.cpp - condis-clangd entry point --------------------*- C++ -*-===//
//
// Part of condis-check. condis-clangd is Debian's clangd 22 (clangdMain from
// libclangdMain.a, unchanged) with one more clang-tidy module linked in:
// condis-analyzer (AnalyzerCheck.cpp), which runs the condis analyzer
// checkers. Its output passes through DiagnosticSourceFilter so that the
// findings reach the editor with source "condis".
//
//===----------------------------------------------------------------------===//

#include "DiagnosticSourceFilter.h"

#include <cstdlib>

namespace clang::clangd {
// Declared in clangd's tool/ClangdMain.h, which Debian does not install.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

static condis::DiagnosticSourceFilter Filter(CONDIS_DOCS_DIR);

int main(int argc, char *argv[]) {
  // clangd may leave through exit() (--version, --help, bad flags). The
  // handler is registered before llvm::outs() exists, so it runs after
  // llvm::outs() has been flushed into the pipe at exit.
  if (Filter.start())
    std::atexit([] { Filter.stop(); });
  int Result = clang::clangd::clangdMain(argc, argv);
  Filter.stop();
  return Result;
}
