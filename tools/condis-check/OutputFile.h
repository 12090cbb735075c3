//===-- OutputFile.h - Outputs written whole or not at all -------*- C++
//-*-===//
//
// Part of condis-check. -o and --write-baseline are opened before any
// analysis, so an output that cannot be written is an error at once, and
// written atomically: into a temporary file beside the target, renamed over
// it only once everything was written and flushed without error. A full
// disk, a file-size limit or an interruption leaves the previous file (or
// none), never a cut-off one. Devices and pipes (/dev/stdout, /dev/null, a
// FIFO) cannot be replaced and are written directly; standard output is
// checked for write errors the same way. A write error is reported, never
// LLVM's "IO failure on output stream" abort.
//
//   unopened ──open()──▶ open (temporary exists) ──commit()──▶ committed
//                             │ write error, destructor, interruption
//                             ▼
//                        temporary removed, target untouched
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_OUTPUTFILE_H
#define CONDIS_TOOLS_OUTPUTFILE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>

namespace condis::cli {

class OutputFile {
public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  /// Prepares to write \p Path, or standard output when it is empty or "-".
  /// On failure returns false with \p Error ("cannot write <What>PATH:
  /// why"; \p What is e.g. "baseline ").
  bool open(llvm::StringRef Path, std::string &Error,
            llvm::StringRef What = "");
  bool isOpen() const { return Opened; }
  llvm::raw_ostream &os();
  /// Flushes, checks for write errors and puts the file in place. On
  /// failure returns false with \p Error and leaves the target as it was.
  bool commit(std::string &Error);

private:
  void discard();

  bool Opened = false;
  bool ToStdout = false;
  std::string Target;           ///< What the user named, for messages.
  llvm::SmallString<256> Final; ///< Where the file goes (symlinks resolved).
  llvm::SmallString<256> Temp;  ///< The temporary beside it; empty: direct.
  std::unique_ptr<llvm::raw_fd_ostream> Stream;
};

} // namespace condis::cli

#endif
