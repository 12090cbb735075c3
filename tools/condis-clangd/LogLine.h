//===-- LogLine.h - One line in clangd's log ---------------------*- C++ -*-===//
//
// Part of condis-check. clangd makes llvm::errs() buffered and writes its
// log to it under its logger's lock, flushing after each message. A line
// written to llvm::errs() from one of our threads would race with clangd's
// writes and wait in the buffer until clangd's next message (seconds, or
// never, when clangd is idle). logLine() writes to stderr directly, the
// whole line in one write(2).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_LOGLINE_H
#define CONDIS_CLANGD_LOGLINE_H

#include "llvm/ADT/Twine.h"

namespace condis {

/// Writes \p Line and a newline to stderr at once.
void logLine(const llvm::Twine &Line);

} // namespace condis

#endif
