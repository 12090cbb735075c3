//===-- PluginVersion.cpp - Is the plugin in the clang it was built for? --===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "PluginVersion.h"

#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <cstdio>
#include <string>

namespace condis {

bool pluginMatchesHost() {
  static const bool Matches = [] {
    // The host's libclang answers: a plugin's references to clang's
    // functions bind to the clang that loaded it.
    std::string Host = clang::getClangFullVersion();
    llvm::StringRef H(Host);
    std::string Built = "clang version " CLANG_VERSION_STRING;
    size_t At = H.find(Built);
    bool Same = At != llvm::StringRef::npos &&
                (At + Built.size() == H.size() ||
                 !llvm::isDigit(H[At + Built.size()]));
    if (!Same)
      std::fprintf(
          stderr,
          "condis: error: this condis plugin was built for clang " CLANG_VERSION_STRING
          " but is loaded into %s; clang does not run its checkers. Load it "
          "into the clang it was built with (clang-%s; with scan-build, "
          "scan-build-%s --use-analyzer=/usr/bin/clang-%s, or "
          "scripts/condis-scan-build), or rebuild it against this clang "
          "(scripts/setup.sh).\n",
          Host.c_str(), CLANG_VERSION_MAJOR_STRING, CLANG_VERSION_MAJOR_STRING,
          CLANG_VERSION_MAJOR_STRING);
    return Same;
  }();
  return Matches;
}

} // namespace condis
