//===-- Identity.h - What condis-clangd says it is -------------*- C++ -*-===//
//
// Part of condis-check. clangd prints its own name for --version and its own
// overview for --help, both set inside clangdMain where we cannot reach.
// condis-clangd answers --version itself (its name and version first, then
// the clangd it is built on) and puts a paragraph of its own above clangd's
// --help text, so a user can tell which server the editor started.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_IDENTITY_H
#define CONDIS_CLANGD_IDENTITY_H

#include "llvm/Support/raw_ostream.h"

namespace condis {

/// "condis-clangd VERSION" and the clangd version, features and platform.
void printClangdVersion(llvm::raw_ostream &OS);

/// What condis-clangd adds to clangd and where its documentation is; printed
/// before clangd's own --help text.
void printClangdHelpHeader(llvm::raw_ostream &OS);

/// Which of the two \p argv asks for, the way clangd's command line reads
/// it: the first --version or --help* before a "--".
enum class IdentityRequest { None, Version, Help };
IdentityRequest identityRequest(int argc, char *argv[]);

} // namespace condis

#endif
