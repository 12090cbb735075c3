//===-- OutputFile.cpp - Outputs written whole or not at all
//---------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "OutputFile.h"
#include "Interrupt.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <sys/stat.h>

using namespace llvm;

namespace condis::cli {

OutputFile::~OutputFile() { discard(); }

void OutputFile::discard() {
  if (Stream) {
    Stream->clear_error(); // no abort at destruction: reported by commit()
    Stream.reset();
  }
  if (!Temp.empty()) {
    sys::fs::remove(Temp);
    keepOnInterrupt(Temp);
    Temp.clear();
  }
}

bool OutputFile::open(StringRef Path, std::string &Error, StringRef What) {
  Opened = true;
  if (Path.empty() || Path == "-") {
    ToStdout = true;
    return true;
  }
  Target = (What + Path).str();
  auto Fail = [&](const Twine &Why) {
    Error = "cannot write " + Target + ": " + Why.str();
    discard();
    return false;
  };

  Final = Path;
  sys::fs::file_status Status;
  if (!sys::fs::status(Path, Status)) { // follows symlinks
    if (sys::fs::is_directory(Status))
      return Fail("it is a directory");
    if (!sys::fs::is_regular_file(Status)) {
      // A device or a pipe: written in place.
      std::error_code EC;
      Stream = std::make_unique<raw_fd_ostream>(Path, EC, sys::fs::OF_None);
      if (EC)
        return Fail(EC.message());
      return true;
    }
    if (sys::fs::real_path(Path, Final))
      Final = Path;
    if (std::error_code EC = sys::fs::access(Final, sys::fs::AccessMode::Write))
      return Fail(EC.message());
  }

  // The temporary in the target's directory, so the rename stays on one
  // file system.
  SmallString<256> Model(Final);
  Model += ".tmp-%%%%%%";
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(Model, FD, Temp)) {
    Temp.clear();
    return Fail(EC.message());
  }
  removeOnInterrupt(Temp);
  Stream = std::make_unique<raw_fd_ostream>(FD, /*shouldClose=*/true);
  return true;
}

raw_ostream &OutputFile::os() {
  if (ToStdout || !Stream)
    return outs();
  return *Stream;
}

bool OutputFile::commit(std::string &Error) {
  if (ToStdout || !Stream) {
    raw_fd_ostream &Out = outs();
    Out.flush();
    if (std::error_code EC = Out.error()) {
      Out.clear_error();
      Error = "cannot write the output to standard output: " + EC.message();
      return false;
    }
    return true;
  }
  Stream->close();
  if (std::error_code EC = Stream->error()) {
    Error = "cannot write " + Target + ": " + EC.message();
    discard();
    return false;
  }
  Stream.reset();
  if (Temp.empty())
    return true;
  // A file replaced keeps its permissions.
  sys::fs::file_status Old;
  if (!sys::fs::status(Final, Old))
    sys::fs::setPermissions(Temp, Old.permissions());
  if (std::error_code EC = sys::fs::rename(Temp, Final)) {
    Error = "cannot write " + Target + ": " + EC.message();
    discard();
    return false;
  }
  keepOnInterrupt(Temp);
  Temp.clear();
  return true;
}

} // namespace condis::cli
