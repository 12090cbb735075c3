//===-- CompileDatabase.h - Check compile_commands.json first ---*- C++ -*-===//
//
// Part of condis-check. LLVM's loader reads compile_commands.json with its
// YAML parser: on a truncated or malformed file it prints a "YAML:" error and
// hands back whatever it parsed, so a database cut in its second entry would
// silently lose that file, and one bad entry rejects the whole file without
// saying which. condis-check therefore reads the file as strict JSON first
// and checks each entry for what a compile command needs (directory, file,
// a non-empty command or arguments), naming the entry by its position and
// file. Any problem is an input error before anything is analysed.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_COMPILEDATABASE_H
#define CONDIS_TOOLS_COMPILEDATABASE_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace condis::cli {

/// Checks the compilation database at \p Path; returns what is wrong with
/// it, one message per problem ("entry 3 (file "a.c"): "command" is
/// empty"), or nothing when LLVM's loader can be trusted with it.
std::vector<std::string> checkCompileDatabase(llvm::StringRef Path);

} // namespace condis::cli

#endif
