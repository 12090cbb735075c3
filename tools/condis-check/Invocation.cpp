//===-- Invocation.cpp - clang-tidy habits of the command line ------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Invocation.h"
#include "Findings.h"

#include "clang/Basic/Version.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/Config/llvm-config.h"

using namespace llvm;

namespace condis::cli {

bool ExcludeFilter::add(StringRef Pattern, std::string &Error) {
  Expected<GlobPattern> G = GlobPattern::create(Pattern, /*MaxSubPatterns=*/1024);
  if (!G) {
    Error = "--exclude: '" + Pattern.str() +
            "' is not a glob: " + toString(G.takeError());
    return false;
  }
  Globs.push_back(std::move(*G));
  return true;
}

bool ExcludeFilter::excludes(StringRef AbsFile, StringRef Root) const {
  std::string Rel = relativeTo(Root, AbsFile);
  for (const GlobPattern &G : Globs)
    if (G.match(AbsFile) || (!Rel.empty() && G.match(Rel)))
      return true;
  return false;
}

void printVersion(raw_ostream &OS) {
  OS << "condis-check " CONDIS_CHECK_VERSION "\n"
     << "  built on " << clang::getClangFullVersion() << "\n"
     << "  LLVM " LLVM_VERSION_STRING ", analyzer plugin API "
        CLANG_ANALYZER_API_VERSION_STRING "\n";
}

} // namespace condis::cli
