//===-- Main.cpp - condis-clangd entry point --------------------*- C++ -*-===//
//
// Part of condis-check. condis-clangd is Debian's clangd 22 (clangdMain from
// libclangdMain.a, unchanged) with one more clang-tidy module linked in:
// condis-analyzer (AnalyzerCheck.cpp), which runs the condis analyzer
// checkers. Its output passes through DiagnosticSourceFilter so that the
// findings reach the editor with source "condis"; its input passes through
// StdinInjector, which asks clangd to rebuild a file when its analysis,
// run in the background (AsyncAnalysis.h), has ended.
//
//===----------------------------------------------------------------------===//

#include "AsyncAnalysis.h"
#include "DiagnosticSourceFilter.h"
#include "Identity.h"
#include "StdinInjector.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <vector>

namespace clang::clangd {
// Declared in clangd's tool/ClangdMain.h, which Debian does not install.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

static condis::DiagnosticSourceFilter Filter(CONDIS_DOCS_DIR);
// Never destroyed: its thread reads the editor's input until the process
// ends, possibly during static destruction.
static condis::StdinInjector &Injector = *new condis::StdinInjector;

/// Analyses run in the background when clangd serves an editor over stdin;
/// `--check` (one file, no editor) and other input styles analyse inline.
static void startBackgroundAnalysis(int argc, char *argv[]) {
  bool Verbose = std::getenv("CONDIS_CLANGD_STATS") != nullptr;
  for (llvm::StringRef A : llvm::ArrayRef<char *>(argv, argc)) {
    if (A.starts_with("--check") || A.starts_with("-check") ||
        A.contains("input-style") || A.starts_with("--sync") ||
        A.starts_with("-sync"))
      return;
    if (A == "--log=info" || A == "--log=verbose" || A == "-log=info" ||
        A == "-log=verbose")
      Verbose = true;
  }
  condis::AsyncAnalysis &Queue = condis::AsyncAnalysis::instance();
  if (!Injector.start([&Queue](const std::string &Path) { Queue.close(Path); }))
    return;
  Queue.setLogProgress(Verbose);
  Queue.enable([](const std::string &Path) { Injector.rebuild(Path); });
}

/// clangd looks for clang's resource directory (builtin headers) next to
/// its own binary; ours lives in build/bin, so point it at clang 22's unless
/// the user chose one.
static std::vector<char *> withResourceDir(int argc, char *argv[]) {
  static char ResourceDir[] = "--resource-dir=" CONDIS_CLANG_RESOURCE_DIR;
  std::vector<char *> Args(argv, argv + argc);
  bool Given = false;
  for (llvm::StringRef A : llvm::ArrayRef<char *>(argv, argc))
    Given |= A.starts_with("--resource-dir") || A.starts_with("-resource-dir");
  if (!Given && argc > 0)
    Args.insert(Args.begin() + 1, ResourceDir);
  Args.push_back(nullptr);
  return Args;
}

int main(int argc, char *argv[]) {
  switch (condis::identityRequest(argc, argv)) {
  case condis::IdentityRequest::Version:
    condis::printClangdVersion(llvm::outs());
    return 0;
  case condis::IdentityRequest::Help:
    // clangd's own text follows.
    condis::printClangdHelpHeader(llvm::outs());
    llvm::outs().flush();
    break;
  case condis::IdentityRequest::None:
    break;
  }
  // clangd may leave through exit() (--version, --help, bad flags). The
  // handler is registered before llvm::outs() exists, so it runs after
  // llvm::outs() has been flushed into the pipe at exit.
  if (Filter.start())
    std::atexit([] { Filter.stop(); });
  startBackgroundAnalysis(argc, argv);
  // As clang does: MS-style inline assembly (__asm blocks in x86 DDK and WDK
  // headers) is parsed by the target's assembly parser, in clangd's parse
  // and in the analysis's full parse alike.
  llvm::InitializeAllTargetInfos();
  llvm::InitializeAllTargetMCs();
  llvm::InitializeAllAsmParsers();
  std::vector<char *> Args = withResourceDir(argc, argv);
  int Result = clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                         Args.data());
  // clangd has joined its workers: no more analyses are queued. Cancel the
  // running one before anything it uses is destroyed.
  condis::AsyncAnalysis::instance().stop();
  Filter.stop();
  return Result;
}
