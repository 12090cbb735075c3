//===-- Vcxproj.h - Compile commands of a WDK driver project ----*- C++ -*-===//
//
// Part of condis-check. A Windows driver is built by MSBuild from a .vcxproj
// (the WDK's "Kernel Mode Driver" templates), so it has no
// compile_commands.json. This reads the project file itself and produces,
// for one configuration and platform ("Debug|x64"), the clang-cl command of
// each ClCompile item, the way the WDK's build would compile it:
//
//   - the project's ClCompile settings (ItemDefinitionGroup and per item):
//     AdditionalIncludeDirectories, PreprocessorDefinitions,
//     ForcedIncludeFiles, UndefinePreprocessorDefinitions, CompileAs,
//     ExcludedFromBuild; Conditions on '$(Configuration)|$(Platform)';
//   - what the WDK's build adds for a kernel-mode driver (rules/wdk-build.def):
//     the target and architecture defines, DBG=1 in a debug configuration,
//     the KMDF version of a KMDF driver, /kernel, the kit's include folders
//     (--wdk=DIR, the kit's Include/<version> folder copied to this machine).
//
// Only what is in the project file is read: imported .props/.targets other
// than the WDK's own are not (their settings can be given with
// --extra-arg). See docs/condis-check.md, "A WDK project (.vcxproj)".
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_VCXPROJ_H
#define CONDIS_TOOLS_VCXPROJ_H

#include "CompileCommands.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace condis::cli {

struct VcxprojOptions {
  /// "Configuration|Platform"; empty: the first ProjectConfiguration.
  std::string Configuration;
  /// The kit's Include/<version> folder (km, km/crt, shared); empty: none.
  std::string WdkInclude;
  std::vector<PathMap> Maps;
};

/// Whether \p Path names an MSBuild C/C++ project file.
bool isVcxproj(llvm::StringRef Path);

/// The compile commands of \p Project's ClCompile items; false and
/// \p Error when the file cannot be read, is not a project, or has no such
/// configuration.
bool readVcxproj(llvm::StringRef Project, const VcxprojOptions &Opts,
                 std::vector<clang::tooling::CompileCommand> &Out,
                 std::string &Error);

/// \p Commands as a compile_commands.json ("arguments" form).
std::string
toCompileCommandsJson(const std::vector<clang::tooling::CompileCommand> &Commands);

} // namespace condis::cli

#endif
