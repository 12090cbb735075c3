//===-- StdinInjector.h - Ask clangd to rebuild a file ----------*- C++ -*-===//
//
// Part of condis-check. clangd publishes diagnostics only when it rebuilds a
// file, and it rebuilds an unchanged file only when told to. The one entry
// that is serialised with the editor's own edits is clangd's input: its
// requests are handled on one thread, and its scheduler may not be called
// from another. So condis-clangd interposes a pipe between the editor and
// clangd's stdin: a thread forwards the editor's LSP frames unchanged,
// tracks which documents are open and at which version, and, when an
// analysis ends, slips in between two frames a textDocument/didChange of
// that document with no content change, its current version,
// "forceRebuild": true and "wantDiagnostics": true (clangd extensions).
// didClose is reported to the caller (the analysis of a closed file is
// dropped).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_STDININJECTOR_H
#define CONDIS_CLANGD_STDININJECTOR_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace condis {

/// The file path of a file: URI ("file:///a%20b/c.c" is "/a b/c.c"), or ""
/// for another scheme.
std::string pathOfFileUri(llvm::StringRef Uri);

class StdinInjector {
public:
  /// Redirects stdin through the interposer; \p OnClose gets the path of
  /// every document the editor closes. On failure stdin is left as it was.
  bool start(std::function<void(const std::string &Path)> OnClose);
  /// Asks clangd to rebuild \p Path and publish its diagnostics, if the
  /// editor has it open. Thread-safe.
  bool rebuild(const std::string &Path);

private:
  /// Tracks the document one frame's body from the editor opens, changes or
  /// closes; returns the path of a closed one. Call with Lock held.
  std::string observeLocked(llvm::StringRef Body);
  void pump();
  bool writeFrame(llvm::StringRef Body);

  struct Document {
    std::string Uri;
    llvm::json::Value Version = nullptr;
  };
  std::mutex Lock; ///< Writes to clangd and Open.
  llvm::StringMap<Document> Open; ///< By path.
  std::function<void(const std::string &)> OnClose;
  int RealStdin = -1;
  int ToClangd = -1; ///< Write end of the pipe clangd reads; -1 once closed.
  std::thread Pump;
};

} // namespace condis

#endif
