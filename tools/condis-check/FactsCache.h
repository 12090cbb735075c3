//===-- FactsCache.h - The pre-pass's results kept between runs -*- C++ -*-===//
//
// Part of condis-check. --facts-cache=DIR keeps each translation unit's
// TUScan (ProjectScan.h) in DIR, one JSON file per entry, so that a run over
// an unchanged project parses nothing in the pre-pass.
//
// An entry is named by its key, the digest of
//   the tool (its version and executable: another build never matches),
//   the entry format version (CacheFormatVersion),
//   the main file's path and content,
//   the compile command (directory and arguments) and the --config
//   entries the scan was run with;
// and holds the files the unit read (every header, by absolute path, with
// the digest of what the parser saw) beside the scan, and the digest of
// both (so that an entry damaged into other valid JSON is not believed).
// It is used only when every one of those files still has its digest;
// otherwise the unit is parsed again and the entry replaced. A file that does not compile, or
// crashed clang, is never stored: it is parsed and reported every run.
//
// An entry that cannot be read or decoded, does not match its digest, has
// another version or another key ("corrupt or foreign") is ignored as if
// missing and overwritten; the run says so in one warning. lookup() is
// safe to call from the pre-pass's threads; store() writes atomically
// (OutputFile.h) and is called from the main thread after the pre-pass.
//
// Not tracked: a header that did not exist when the unit was parsed and
// would now be found first on the include path. Entries are never removed;
// deleting DIR (or any file in it) is always safe.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_FACTSCACHE_H
#define CONDIS_TOOLS_FACTSCACHE_H

#include "ContentHash.h"
#include "ProjectScan.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace condis::cli {

/// The version of the entry format; bump it on any change.
inline constexpr int64_t CacheFormatVersion = 2;

/// What identifies this build of the tool: version, executable path, size
/// and modification time (\p Argv0 finds the executable).
std::string toolStamp(const char *Argv0);

class FactsCache {
public:
  enum class Found { Hit, Missing, Stale, Bad };

  /// Uses \p Dir (created when missing); false with \p Error when it
  /// cannot be created or written to.
  bool open(llvm::StringRef Dir, llvm::StringRef ToolStamp,
            std::string &Error);

  /// The key of \p Command's unit, or "" when its main file cannot be read.
  std::string keyOf(const clang::tooling::CompileCommand &Command,
                    llvm::ArrayRef<std::string> Config);

  /// The entry of \p Key: Hit fills \p Scan; Bad sets \p Why to what is
  /// wrong with the entry's file.
  Found lookup(llvm::StringRef Key, TUScan &Scan, std::string &Why);

  /// Stores \p Scan of \p MainFile, which read \p Inputs, under \p Key.
  bool store(llvm::StringRef Key, llvm::StringRef MainFile,
             llvm::ArrayRef<FileDigest> Inputs, const TUScan &Scan,
             std::string &Error);

  /// The path of \p Key's entry.
  std::string entryPath(llvm::StringRef Key) const;

private:
  std::string Dir;
  std::string Stamp;
  FileHasher Hasher;
};

} // namespace condis::cli

#endif
