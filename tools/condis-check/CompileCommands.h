//===-- CompileCommands.h - Compile commands from any build -----*- C++ -*-===//
//
// Part of condis-check. Reads compile_commands.json the way the build that
// wrote it meant it, whether that build ran on Linux or on Windows:
//
//   - an entry written on Windows (its directory is a drive-letter or UNC
//     path, or holds backslashes) has its "command" split with Windows
//     rules, not Unix shell rules, and backslashes in its paths become '/';
//   - --path-map WINDOWS_ROOT=LINUX_ROOT moves the Windows checkout onto the
//     Linux one, in the directory, the file and every argument (compared
//     without regard to case or slash direction, as Windows does);
//   - a cl.exe or clang-cl command runs in clang's cl driver mode, and the
//     clang options such a command carries that clang-cl does not take
//     (-isystem DIR, -std=c11, ...) are passed with /clang:, where clang-cl
//     reads them (clang-cl ignores them otherwise);
//   - --extra-arg and --extra-arg-before add arguments to every command,
//     as clang-tidy's do.
//
// See docs/condis-check.md, "From a Windows build".
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_COMPILECOMMANDS_H
#define CONDIS_TOOLS_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace condis::cli {

/// One --path-map entry: a Windows checkout root and where it is here.
struct PathMap {
  std::string From; ///< normalised: '/' separators, no trailing '/'
  std::string To;
};

/// Parses WINDOWS_ROOT=LINUX_ROOT; false (and \p Error) when malformed.
bool parsePathMap(llvm::StringRef Spec, PathMap &Out, std::string &Error);

/// Whether \p Path is written the Windows way: a drive letter, a UNC or
/// device prefix, or backslashes.
bool isWindowsPath(llvm::StringRef Path);

/// \p Path with backslashes as '/' and the first matching map applied.
std::string mapWindowsPath(llvm::StringRef Path,
                           const std::vector<PathMap> &Maps);

/// Loads the JSON compilation database \p Json (command or arguments form)
/// and adapts each entry as described above. Nullptr and \p Error when the
/// file cannot be read or an entry is malformed, or names a Windows
/// directory no --path-map covers.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompileCommands(llvm::StringRef Json, const std::vector<PathMap> &Maps,
                    std::string &Error);

/// Adapts one command written by a Windows build (or naming cl/clang-cl):
/// Windows paths mapped, cl driver mode, clang-only options wrapped in
/// /clang:. Used for the database and for the commands of a .vcxproj.
void adaptCommand(clang::tooling::CompileCommand &C, bool WrittenOnWindows,
                  const std::vector<PathMap> &Maps);

/// Whether \p Argv0 names cl.exe or clang-cl.
bool isClCompiler(llvm::StringRef Argv0);

/// Inserts --extra-arg-before entries after argv[0] and --extra-arg
/// entries at the end (before a "--" that ends the options), as clang-tidy.
void addExtraArgs(clang::tooling::CompileCommand &C,
                  const std::vector<std::string> &Before,
                  const std::vector<std::string> &After);

} // namespace condis::cli

#endif
