//===-- KitFileSystem.cpp - Windows kit headers as MSVC reads them -------===//
//
// Part of condis-check. See KitFileSystem.h.
//
//===----------------------------------------------------------------------===//

#include "KitFileSystem.h"

#include "clang/Basic/FileManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/ExtensibleRTTI.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <map>
#include <mutex>
#include <vector>

using namespace llvm;

namespace condis {
namespace {

struct HeaderMend {
  StringRef File, After, Defective, Mended;
};

const HeaderMend Mends[] = {
#define CONDIS_HEADER_MEND(File, After, Defective, Mended)                    \
  {File, After, Defective, Mended},
#include "headers.def"
};

/// How many lines after its After line a row's defective line may be.
constexpr unsigned MendWindow = 3;

bool mendsApplyTo(StringRef FileName) {
  StringRef Name = sys::path::filename(FileName);
  for (const HeaderMend &M : Mends)
    if (Name.equals_insensitive(M.File))
      return true;
  return false;
}

/// Whether \p Line, blanks left out, is \p Bare (which has none): a mended
/// header is compared line by line, so no copy of each line is made.
bool sameWithoutBlanks(StringRef Line, StringRef Bare) {
  size_t J = 0;
  for (char C : Line) {
    if (C == ' ' || C == '\t')
      continue;
    if (J == Bare.size() || Bare[J] != C)
      return false;
    ++J;
  }
  return J == Bare.size();
}

std::string withoutBlanks(StringRef S) {
  std::string Out;
  for (char C : S)
    if (C != ' ' && C != '\t')
      Out += C;
  return Out;
}

/// A file whose contents are held in memory: a mended header, or a header
/// found under another spelling (named as it was asked for).
class MemoryFile : public vfs::File {
public:
  MemoryFile(vfs::Status S, std::string Contents)
      : S(std::move(S)), Contents(std::move(Contents)) {}
  ErrorOr<vfs::Status> status() override { return S; }
  ErrorOr<std::unique_ptr<MemoryBuffer>>
  getBuffer(const Twine &Name, int64_t, bool, bool) override {
    return MemoryBuffer::getMemBufferCopy(Contents, Name);
  }
  std::error_code close() override { return {}; }

private:
  vfs::Status S;
  std::string Contents;
};

class KitFileSystem
    : public RTTIExtends<KitFileSystem, vfs::ProxyFileSystem> {
public:
  static const char ID;
  using RTTIExtends::RTTIExtends;

  ErrorOr<vfs::Status> status(const Twine &Path) override {
    SmallString<256> Asked;
    Path.toVector(Asked);
    ErrorOr<vfs::Status> S = getUnderlyingFS().status(Asked);
    std::string Real;
    if (!S) {
      if (S.getError() != errc::no_such_file_or_directory ||
          !resolve(Asked, Real))
        return S;
      S = getUnderlyingFS().status(Real);
      if (!S)
        return S;
      S = vfs::Status::copyWithNewName(*S, Asked);
    }
    if (S->isRegularFile() && mendsApplyTo(Asked))
      if (std::optional<std::string> Text =
              mended(Real.empty() ? StringRef(Asked) : StringRef(Real), *S))
        return vfs::Status::copyWithNewSize(*S, Text->size());
    return S;
  }

  bool exists(const Twine &Path) override {
    ErrorOr<vfs::Status> S = status(Path);
    return S && S->exists();
  }

  ErrorOr<std::unique_ptr<vfs::File>>
  openFileForRead(const Twine &Path) override {
    SmallString<256> Asked;
    Path.toVector(Asked);
    ErrorOr<std::unique_ptr<vfs::File>> F =
        getUnderlyingFS().openFileForRead(Asked);
    std::string Real;
    if (!F) {
      if (F.getError() != errc::no_such_file_or_directory ||
          !resolve(Asked, Real))
        return F;
      F = vfs::File::getWithPath(getUnderlyingFS().openFileForRead(Real),
                                 Asked);
      if (!F)
        return F;
    }
    if (!mendsApplyTo(Asked))
      return F;
    ErrorOr<vfs::Status> S = (*F)->status();
    if (!S || !S->isRegularFile())
      return F;
    std::optional<std::string> Text =
        mended(Real.empty() ? StringRef(Asked) : StringRef(Real), *S);
    if (!Text)
      return F;
    return std::unique_ptr<vfs::File>(std::make_unique<MemoryFile>(
        vfs::Status::copyWithNewSize(*S, Text->size()), std::move(*Text)));
  }

  std::error_code getRealPath(const Twine &Path,
                              SmallVectorImpl<char> &Output) override {
    std::error_code EC = getUnderlyingFS().getRealPath(Path, Output);
    std::string Real;
    SmallString<256> Asked;
    Path.toVector(Asked);
    if (EC == errc::no_such_file_or_directory && resolve(Asked, Real))
      return getUnderlyingFS().getRealPath(Real, Output);
    return EC;
  }

private:
  /// The path of an existing entry that spells \p Asked without regard to
  /// case, in \p Real; false when there is none.
  bool resolve(StringRef Asked, std::string &Real) {
    SmallString<256> Abs(Asked);
    if (getUnderlyingFS().makeAbsolute(Abs))
      return false;
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
    std::lock_guard<std::mutex> Lock(Mutex);
    auto Known = Resolved.find(std::string(Abs));
    if (Known != Resolved.end()) {
      Real = Known->second;
      return !Real.empty();
    }
    std::string Found = resolveUncached(Abs);
    Resolved[std::string(Abs)] = Found;
    Real = Found;
    return !Real.empty();
  }

  std::string resolveUncached(StringRef Abs) {
    // Usually only the last component differs: look in the parent first.
    StringRef Parent = sys::path::parent_path(Abs);
    StringRef Name = sys::path::filename(Abs);
    if (Parent.empty() || Name.empty())
      return "";
    ErrorOr<vfs::Status> P = getUnderlyingFS().status(Parent);
    if (P && P->isDirectory())
      return entryOf(Parent, Name);
    // Walk from the root, matching each missing component by case.
    SmallString<256> Cur(sys::path::root_path(Abs));
    for (auto It = sys::path::begin(sys::path::relative_path(Abs)),
              End = sys::path::end(sys::path::relative_path(Abs));
         It != End; ++It) {
      SmallString<256> Next(Cur);
      sys::path::append(Next, *It);
      if (!getUnderlyingFS().status(Next)) {
        std::string Entry = entryOf(Cur, *It);
        if (Entry.empty())
          return "";
        Next = Entry;
      }
      Cur = Next;
    }
    return std::string(Cur);
  }

  /// The path of the entry of directory \p Dir named \p Name without regard
  /// to case ("" if none). Where several differ only by case, the first in
  /// byte order wins, so the answer does not depend on listing order.
  std::string entryOf(StringRef Dir, StringRef Name) {
    auto It = Listings.find(Dir);
    if (It == Listings.end()) {
      std::map<std::string, std::string> ByLower;
      std::error_code EC;
      for (vfs::directory_iterator D = getUnderlyingFS().dir_begin(Dir, EC), E;
           !EC && D != E; D.increment(EC)) {
        StringRef Entry = sys::path::filename(D->path());
        std::string &Slot = ByLower[Entry.lower()];
        if (Slot.empty() || Entry < StringRef(Slot))
          Slot = std::string(Entry);
      }
      It = Listings.try_emplace(Dir, std::move(ByLower)).first;
    }
    auto Hit = It->second.find(Name.lower());
    if (Hit == It->second.end())
      return "";
    SmallString<256> Path(Dir);
    sys::path::append(Path, Hit->second);
    return std::string(Path);
  }

  /// The mended text of the regular file at \p Path, whose status is \p S.
  std::optional<std::string> mended(StringRef Path, const vfs::Status &S) {
    std::lock_guard<std::mutex> Lock(Mutex);
    std::string Key = Path.str();
    auto It = MendCache.find(Key);
    if (It != MendCache.end() && It->second.Size == S.getSize() &&
        It->second.MTime == S.getLastModificationTime())
      return It->second.Text;
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buf =
        getUnderlyingFS().getBufferForFile(Path, -1,
                                           /*RequiresNullTerminator=*/false);
    if (!Buf)
      return std::nullopt;
    MendedText &Entry = MendCache[Key];
    Entry.Size = S.getSize();
    Entry.MTime = S.getLastModificationTime();
    Entry.Text = mendKitHeader(Path, (*Buf)->getBuffer());
    return Entry.Text;
  }

  struct MendedText {
    uint64_t Size = 0;
    sys::TimePoint<> MTime;
    std::optional<std::string> Text;
  };

  std::mutex Mutex;
  std::map<std::string, std::string> Resolved;
  StringMap<std::map<std::string, std::string>> Listings;
  std::map<std::string, MendedText> MendCache;
};

const char KitFileSystem::ID = 0;

} // namespace

IntrusiveRefCntPtr<vfs::FileSystem>
createKitFileSystem(IntrusiveRefCntPtr<vfs::FileSystem> Base) {
  bool HasKit = false;
  Base->visit([&HasKit](vfs::FileSystem &FS) {
    HasKit = HasKit || isa<KitFileSystem>(FS);
  });
  if (HasKit)
    return Base;
  return makeIntrusiveRefCnt<KitFileSystem>(std::move(Base));
}

void installKitFileSystem(clang::FileManager &FM, clang::CompilerInstance *CI) {
  // A file manager reads through its own pointer; the compiler instance's is
  // what file managers created later (modules, PCH) start from.
  IntrusiveRefCntPtr<vfs::FileSystem> Kit =
      createKitFileSystem(FM.getVirtualFileSystemPtr());
  FM.setVirtualFileSystem(Kit);
  if (CI && CI->hasVirtualFileSystem())
    CI->setVirtualFileSystem(Kit);
}

std::optional<std::string> mendKitHeader(StringRef FileName, StringRef Text) {
  StringRef Name = sys::path::filename(FileName);
  struct Row {
    const HeaderMend *M;
    std::string After, Defective;
    unsigned Armed = 0; ///< lines left in which Defective may follow After
  };
  std::vector<Row> Rows;
  for (const HeaderMend &M : Mends)
    if (Name.equals_insensitive(M.File))
      Rows.push_back({&M, withoutBlanks(M.After), withoutBlanks(M.Defective)});
  if (Rows.empty())
    return std::nullopt;

  std::string Out;
  size_t Copied = 0;
  bool Mended = false;
  for (size_t Begin = 0; Begin < Text.size();) {
    size_t End = Text.find_first_of("\r\n", Begin);
    if (End == StringRef::npos)
      End = Text.size();
    StringRef Line = Text.slice(Begin, End);
    for (Row &R : Rows) {
      bool InWindow = R.After.empty() || R.Armed > 0;
      if (R.Armed > 0)
        --R.Armed;
      if (!R.After.empty() && sameWithoutBlanks(Line, R.After)) {
        R.Armed = MendWindow;
        continue;
      }
      if (!InWindow || !sameWithoutBlanks(Line, R.Defective))
        continue;
      size_t Indent = Line.find_first_not_of(" \t");
      Out += Text.slice(Copied, Begin);
      Out += Line.take_front(Indent == StringRef::npos ? 0 : Indent);
      Out += R.M->Mended;
      Copied = End;
      Mended = true;
      R.Armed = 0;
      break;
    }
    // One line end: \r\n, \n or a lone \r, as clang's lexer counts them.
    Begin = End;
    if (Begin < Text.size() && Text[Begin] == '\r')
      ++Begin;
    if (Begin < Text.size() && Text[Begin] == '\n' &&
        (Begin == End || Text[Begin - 1] == '\r'))
      ++Begin;
  }
  if (!Mended)
    return std::nullopt;
  Out += Text.drop_front(Copied);
  return Out;
}

} // namespace condis
