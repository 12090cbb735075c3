//===-- LogLine.cpp - One line in clangd's log -------------------*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "LogLine.h"

#include <cerrno>
#include <string>
#include <unistd.h>

namespace condis {

void logLine(const llvm::Twine &Line) {
  std::string Text = Line.str() + "\n";
  const char *Data = Text.data();
  size_t Left = Text.size();
  while (Left > 0) {
    ssize_t N = ::write(STDERR_FILENO, Data, Left);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return;
    Data += N;
    Left -= static_cast<size_t>(N);
  }
}

} // namespace condis
