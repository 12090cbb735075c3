//===-- FactsCache.cpp - The pre-pass's results kept between runs ---------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "FactsCache.h"
#include "FactsFile.h"
#include "JsonInput.h"
#include "OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace condis::cli {
namespace {

constexpr StringLiteral FormatName = "condis-check facts cache entry";

/// The digest of an entry's inputs and scan, as JSON prints them (object
/// keys sorted, so the same values always print the same bytes): an entry
/// edited or damaged into other valid JSON no longer matches it.
std::string contentDigest(const json::Value &Inputs, const json::Value &Scan) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << Inputs << '\n' << Scan;
  return hashBytes(OS.str());
}

} // namespace

std::string toolStamp(const char *Argv0) {
  std::string Exe =
      sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&toolStamp));
  std::string Stamp = CONDIS_CHECK_VERSION "|" CONDIS_CLANG_RESOURCE_DIR "|" + Exe;
  sys::fs::file_status S;
  if (!sys::fs::status(Exe, S))
    Stamp += "|" + std::to_string(S.getSize()) + "|" +
             std::to_string(S.getLastModificationTime()
                                .time_since_epoch()
                                .count());
  return Stamp;
}

bool FactsCache::open(StringRef Directory, StringRef ToolStamp,
                      std::string &Error) {
  SmallString<256> Abs(Directory);
  sys::fs::make_absolute(Abs);
  Dir = std::string(Abs);
  Stamp = ToolStamp.str();
  auto Fail = [&](const Twine &Why) {
    Error = ("--facts-cache " + Directory + ": " + Why).str();
    return false;
  };
  if (std::error_code EC = sys::fs::create_directories(Dir))
    return Fail("cannot create the directory: " + EC.message());
  if (!sys::fs::is_directory(Dir))
    return Fail("not a directory");
  if (std::error_code EC = sys::fs::access(Dir, sys::fs::AccessMode::Write))
    return Fail("cannot write to it: " + EC.message());
  return true;
}

std::string FactsCache::keyOf(const clang::tooling::CompileCommand &Command,
                              ArrayRef<std::string> Config) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Main = MemoryBuffer::getFile(
      Command.Filename, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!Main)
    return "";
  Digest D;
  D.add(FormatName).add(std::to_string(CacheFormatVersion)).add(Stamp);
  D.add(Command.Filename).add(hashBytes((*Main)->getBuffer()));
  D.add(Command.Directory).add(std::to_string(Command.CommandLine.size()));
  for (const std::string &A : Command.CommandLine)
    D.add(A);
  D.add(std::to_string(Config.size()));
  for (const std::string &C : Config)
    D.add(C);
  return D.hex();
}

std::string FactsCache::entryPath(StringRef Key) const {
  SmallString<256> P(Dir);
  sys::path::append(P, Key + ".json");
  return std::string(P);
}

FactsCache::Found FactsCache::lookup(StringRef Key, TUScan &Scan,
                                     std::string &Why) {
  std::string Path = entryPath(Key);
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(
      Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  auto Bad = [&](const Twine &What) {
    Why = (Path + ": " + What).str();
    return Found::Bad;
  };
  if (!Buffer) {
    if (Buffer.getError() == std::errc::no_such_file_or_directory)
      return Found::Missing;
    return Bad("cannot read it: " + Buffer.getError().message());
  }
  std::string Err;
  std::optional<json::Value> Doc = parseJsonInput((*Buffer)->getBuffer(), Err);
  if (!Doc)
    return Bad(Err);
  const json::Object *O = Doc->getAsObject();
  if (!O || O->getString("format") != std::optional<StringRef>(FormatName))
    return Bad("not a condis-check facts cache entry");
  if (O->getInteger("version") != CacheFormatVersion)
    return Bad("another version of the entry format");
  if (O->getString("key") != std::optional<StringRef>(Key))
    return Bad("the entry of another key");
  const json::Array *Inputs = O->getArray("inputs");
  const json::Value *ScanJ = O->get("scan");
  if (!Inputs || !ScanJ)
    return Bad("no \"inputs\" or no \"scan\"");
  if (O->getString("digest") !=
      std::optional<StringRef>(contentDigest(*O->get("inputs"), *ScanJ)))
    return Bad("its content does not match its digest");
  std::vector<FileDigest> Read;
  for (const json::Value &V : *Inputs) {
    const json::Object *IO = V.getAsObject();
    std::optional<StringRef> P = IO ? IO->getString("path") : std::nullopt;
    std::optional<StringRef> H = IO ? IO->getString("hash") : std::nullopt;
    if (!P || !H)
      return Bad("an input without \"path\" or \"hash\"");
    Read.push_back({P->str(), H->str()});
  }
  TUScan Decoded;
  if (!decodeScan(*ScanJ, Decoded, Err))
    return Bad("$.scan" + StringRef(Err).drop_front(1));
  // Valid: now is it still true? Any file read that changed or went away
  // makes the unit parse again.
  for (const FileDigest &F : Read)
    if (Hasher.hashFile(F.Path) != std::optional<std::string>(F.Hash))
      return Found::Stale;
  Scan = std::move(Decoded);
  return Found::Hit;
}

bool FactsCache::store(StringRef Key, StringRef MainFile,
                       ArrayRef<FileDigest> Inputs, const TUScan &Scan,
                       std::string &Error) {
  json::Array InputsJ;
  for (const FileDigest &F : Inputs)
    InputsJ.push_back(json::Object{{"path", F.Path}, {"hash", F.Hash}});
  json::Value InputsV(std::move(InputsJ)), ScanV = encodeScan(Scan);
  std::string Digest = contentDigest(InputsV, ScanV);
  json::Object Doc{{"format", FormatName},
                   {"version", CacheFormatVersion},
                   {"key", Key},
                   {"file", MainFile},
                   {"digest", Digest},
                   {"inputs", std::move(InputsV)},
                   {"scan", std::move(ScanV)}};
  OutputFile Out;
  if (!Out.open(entryPath(Key), Error, "facts cache entry "))
    return false;
  Out.os() << json::Value(std::move(Doc)) << '\n';
  return Out.commit(Error);
}

} // namespace condis::cli
