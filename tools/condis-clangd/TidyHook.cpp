//===-- TidyHook.cpp - condis-analyzer on by default in clangd --*- C++ -*-===//
//
// Part of condis-check. Linked into the condis-clangd executable only.
//
// Stock clangd runs a clang-tidy check only when a configuration names it
// (.clang-tidy Checks, .clangd Diagnostics.ClangTidy.Add) and, under its
// default FastCheckFilter (Strict), only when its own table of timed checks
// (TidyFastChecks.inc, keyed by check name) lists it as fast. Neither list
// can be extended from outside clangd's sources, so condis-analyzer would
// need a configuration file, FastCheckFilter: Loose, and would still earn
// the permanent warning clangd's config compiler puts on every Add of a check
// it has not timed.
//
// condis-clangd therefore links clangd (libclangDaemon.a, static) with
// `-Wl,--wrap=` for two of its functions (CMakeLists.txt): the linker sends
// clangd's calls to the __wrap_ definitions below, and __real_ reaches
// clangd's own.
//
//   isFastTidyCheck(Name)   condis-analyzer: fast. Its cost is bounded by its
//                           own budgets (TimeBudgetMs, MaxNodesPer*), which
//                           are the knobs to tune it; every other name is
//                           clangd's answer.
//   getTidyOptionsForFile   clangd's options for the file, every provider
//                           applied (.clang-tidy, .clangd, user config,
//                           clangd's default checks), with condis-analyzer
//                           put first in Checks: lowest precedence, so any
//                           later glob that excludes it ("-condis-analyzer",
//                           "-*") turns it off, as it would any check. With
//                           clang-tidy disabled (--clang-tidy=false) clangd
//                           passes no provider and nothing is added.
//
// When a configuration turns the check off for a file, clangd's log gets one
// line saying so, once per distinct Checks value.
//
// If a later clangd renamed either function, the link would fail on the
// __real_ symbol: the hook cannot go missing silently.
//
//===----------------------------------------------------------------------===//

#include "TidyHook.h"

#include "LogLine.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"

#include <mutex>
#include <optional>

using TidyProviderRef = llvm::function_ref<void(
    clang::tidy::ClangTidyOptions &, llvm::StringRef)>;

// clangd's definitions (clang::clangd::isFastTidyCheck and
// clang::clangd::getTidyOptionsForFile in TidyProvider.cpp) and the
// replacements the linker substitutes for them. clangd installs no headers;
// the mangled names are checked by the link itself.
std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
clang::tidy::ClangTidyOptions
realGetTidyOptionsForFile(TidyProviderRef Provider, llvm::StringRef Filename)
    __asm__("__real__ZN5clang6clangd21getTidyOptionsForFileEN4llvm12function_"
            "refIFvRNS_4tidy16ClangTidyOptionsENS1_9StringRefEEEES6_");
clang::tidy::ClangTidyOptions
wrapGetTidyOptionsForFile(TidyProviderRef Provider, llvm::StringRef Filename)
    __asm__("__wrap__ZN5clang6clangd21getTidyOptionsForFileEN4llvm12function_"
            "refIFvRNS_4tidy16ClangTidyOptionsENS1_9StringRefEEEES6_");

std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) {
  if (Check == condis::AnalyzerCheckName)
    return true;
  return realIsFastTidyCheck(Check);
}

/// One line in clangd's log the first time a Checks value leaves the check
/// out.
static void logTurnedOff(llvm::StringRef Filename, llvm::StringRef Checks) {
  static std::mutex Lock;
  static llvm::StringSet<> Seen;
  std::lock_guard<std::mutex> Guard(Lock);
  if (!Seen.insert(Checks).second)
    return;
  condis::logLine("condis-analyzer: off for " + Filename +
                  " and every file with the same clang-tidy checks: the "
                  "configuration (.clang-tidy Checks, .clangd ClangTidy "
                  "Remove) excludes it; Checks: " +
                  Checks);
}

clang::tidy::ClangTidyOptions
wrapGetTidyOptionsForFile(TidyProviderRef Provider, llvm::StringRef Filename) {
  clang::tidy::ClangTidyOptions Opts =
      realGetTidyOptionsForFile(Provider, Filename);
  if (!Provider)
    return Opts;
  std::string Checks = condis::AnalyzerCheckName.str();
  if (Opts.Checks && !Opts.Checks->empty())
    Checks += "," + *Opts.Checks;
  if (!clang::tidy::GlobList(Checks).contains(condis::AnalyzerCheckName))
    logTurnedOff(Filename, Checks);
  Opts.Checks = std::move(Checks);
  return Opts;
}
