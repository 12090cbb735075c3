//===-- ContentHash.h - Digests of file contents ----------------*- C++ -*-===//
//
// Part of condis-check. The facts cache (FactsCache.h) and the --facts file
// (FactsFile.h) decide whether what they hold still applies by comparing
// digests: of the files a translation unit read, of its compile command, of
// the whole database. A digest is BLAKE3 (256 bits) as lower-case hex.
//
// FileHasher reads files the way the analysis does, through the kit file
// system (checker/KitFileSystem.h): a header included as <NDIS.h> that
// exists only as ndis.h, or one served with a mended line, hashes to what
// the parser saw. It remembers each file's digest for the rest of the run,
// so a header every file includes is read once; it is safe to share
// between threads.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_CONTENTHASH_H
#define CONDIS_TOOLS_CONTENTHASH_H

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>
#include <optional>
#include <string>

namespace condis::cli {

/// A file a translation unit read, by absolute path, and its digest.
struct FileDigest {
  std::string Path;
  std::string Hash;
};

/// Feeds strings into one digest; each part is length-prefixed so that
/// ("ab", "c") and ("a", "bc") differ.
class Digest {
public:
  Digest &add(llvm::StringRef Part);
  std::string hex();

private:
  llvm::BLAKE3 Hasher;
};

/// The digest of \p Bytes alone.
std::string hashBytes(llvm::StringRef Bytes);

class FileHasher {
public:
  FileHasher();
  /// The digest of the file at absolute path \p Path, or nothing when it
  /// cannot be read.
  std::optional<std::string> hashFile(llvm::StringRef Path);

private:
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS;
  std::mutex Mutex; // guards Known and FS
  llvm::StringMap<std::optional<std::string>> Known;
};

} // namespace condis::cli

#endif
