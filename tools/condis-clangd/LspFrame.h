//===-- LspFrame.h - LSP base-protocol frames on raw descriptors -*- C++ -*-===//
//
// Part of condis-check. condis-clangd stands between the editor and clangd on
// both pipes: StdinInjector reads the editor's messages on their way in,
// DiagnosticSourceFilter clangd's on their way out. Both cut the byte stream
// into the protocol's frames ("Content-Length: N" among the header lines,
// "\r\n\r\n", then N bytes) and write what they pass on with plain write(2)
// (clangd owns stdio's buffers). This is that one reading and writing.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_LSPFRAME_H
#define CONDIS_CLANGD_LSPFRAME_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>

namespace condis {

/// Writes all of \p Data to \p Fd, retrying after signals; false on error.
bool writeAll(int Fd, llvm::StringRef Data);

/// What the front of a buffer holds.
struct FrameScan {
  enum Kind {
    NeedHeader, ///< The header has not ended yet ("\r\n\r\n" not seen).
    NeedBody,   ///< The header has, the body is not all there.
    NotFrame,   ///< A header without a readable Content-Length.
    Frame,      ///< A whole frame: Buffer.take_front(Total), body Body.
  } What;
  size_t Total = 0;
  llvm::StringRef Body;
};

/// Looks for one frame at the front of \p Buffer. Header names are compared
/// without regard to case, in any order, as the protocol allows.
FrameScan scanFrame(llvm::StringRef Buffer);

} // namespace condis

#endif
