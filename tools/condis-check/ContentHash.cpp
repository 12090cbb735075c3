//===-- ContentHash.cpp - Digests of file contents ------------------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "ContentHash.h"
#include "KitFileSystem.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace condis::cli {

Digest &Digest::add(StringRef Part) {
  uint64_t Size = Part.size();
  Hasher.update(ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(&Size),
                                  sizeof Size));
  Hasher.update(Part);
  return *this;
}

std::string Digest::hex() {
  BLAKE3Result<32> R = Hasher.final();
  return toHex(R, /*LowerCase=*/true);
}

std::string hashBytes(StringRef Bytes) { return Digest().add(Bytes).hex(); }

FileHasher::FileHasher()
    : FS(condis::createKitFileSystem(vfs::createPhysicalFileSystem())) {}

std::optional<std::string> FileHasher::hashFile(StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Known.find(Path);
    if (It != Known.end())
      return It->second;
  }
  std::optional<std::string> Hash;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = [&] {
    // The kit file system's case-insensitive lookup keeps state.
    std::lock_guard<std::mutex> Lock(Mutex);
    return FS->getBufferForFile(Path, /*FileSize=*/-1,
                                /*RequiresNullTerminator=*/false);
  }();
  if (Buffer)
    Hash = hashBytes((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(Mutex);
  Known[Path] = Hash;
  return Hash;
}

} // namespace condis::cli
