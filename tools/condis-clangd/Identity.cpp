//===-- Identity.cpp - What condis-clangd says it is -----------*- C++ -*-===//
//
// Part of condis-check. See Identity.h.
//
//===----------------------------------------------------------------------===//

#include "Identity.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang::clangd {
// clangd's Feature.h, which Debian does not install.
std::string versionString();
std::string featureString();
std::string platformString();
} // namespace clang::clangd

namespace condis {

void printClangdVersion(llvm::raw_ostream &OS) {
  OS << "condis-clangd " CONDIS_CHECK_VERSION
        " (condis-check's CoNDIS checks in clangd)\n"
     << "  built on " << clang::clangd::versionString() << "\n"
     << "  Features: " << clang::clangd::featureString() << "\n"
     << "  Platform: " << clang::clangd::platformString() << "\n";
}

void printClangdHelpHeader(llvm::raw_ostream &OS) {
  OS << "condis-clangd " CONDIS_CHECK_VERSION ": clangd "
     << "with condis-check's CoNDIS checks built in.\n\n"
     << "It runs the clang-tidy check condis-analyzer (the condis analyzer\n"
     << "checkers: condis.Completion, condis.DropParty, condis.Irql,\n"
     << "condis.Role) on every C file it opens, with no configuration file;\n"
     << "findings have source\n"
     << "\"condis\" and the checker as their code. `Remove: condis-analyzer`\n"
     << "under Diagnostics: ClangTidy: in .clangd turns it off; its options\n"
     << "(condis-analyzer.Checkers, TimeBudgetMs, ...) go in CheckOptions.\n"
     << "Documentation: " CONDIS_DOCS_DIR "/editors.md\n\n"
     << "Everything below is clangd's own:\n\n";
}

IdentityRequest identityRequest(int argc, char *argv[]) {
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef A = argv[I];
    if (A == "--")
      break;
    if (A == "--version" || A == "-version")
      return IdentityRequest::Version;
    if (A.starts_with("--help") || A.starts_with("-help"))
      return IdentityRequest::Help;
  }
  return IdentityRequest::None;
}

} // namespace condis
