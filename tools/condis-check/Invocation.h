//===-- Invocation.h - clang-tidy habits of the command line ----*- C++ -*-===//
//
// Part of condis-check. What a user of clang-tidy and run-clang-tidy expects
// of a libTooling command line, beyond the options themselves: --exclude
// globs and --version. (--extra-arg, --extra-arg-before and `FILE... --
// FLAGS` are in CompileCommands.h and main().)
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_INVOCATION_H
#define CONDIS_TOOLS_INVOCATION_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace condis::cli {

/// --exclude GLOB...: a file is left out when a glob matches its path
/// relative to the source root, or its absolute path. '*' and '?' match '/'
/// too, so 'third_party/*' leaves out the whole tree.
class ExcludeFilter {
public:
  /// False (and \p Error) when \p Pattern is not a valid glob.
  bool add(llvm::StringRef Pattern, std::string &Error);
  bool excludes(llvm::StringRef AbsFile, llvm::StringRef Root) const;
  bool empty() const { return Globs.empty(); }

private:
  std::vector<llvm::GlobPattern> Globs;
};

/// --version: condis-check's version and the clang it is built on.
void printVersion(llvm::raw_ostream &OS);

} // namespace condis::cli

#endif
