//===-- LspFrame.cpp - LSP base-protocol frames on raw descriptors -*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "LspFrame.h"

#include "llvm/ADT/SmallVector.h"

#include <cerrno>
#include <unistd.h>

namespace condis {

bool writeAll(int Fd, llvm::StringRef Data) {
  while (!Data.empty()) {
    ssize_t N = ::write(Fd, Data.data(), Data.size());
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    Data = Data.drop_front(N);
  }
  return true;
}

FrameScan scanFrame(llvm::StringRef Buffer) {
  size_t HeaderEnd = Buffer.find("\r\n\r\n");
  if (HeaderEnd == llvm::StringRef::npos)
    return {FrameScan::NeedHeader};
  unsigned long long Length = 0;
  bool HaveLength = false;
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Buffer.take_front(HeaderEnd).split(Lines, "\r\n");
  for (llvm::StringRef Line : Lines) {
    auto [Name, Value] = Line.split(':');
    if (Name.trim().equals_insensitive("content-length"))
      HaveLength = !Value.trim().getAsInteger(10, Length);
  }
  if (!HaveLength)
    return {FrameScan::NotFrame};
  size_t Total = HeaderEnd + 4 + Length;
  if (Buffer.size() < Total)
    return {FrameScan::NeedBody};
  return {FrameScan::Frame, Total, Buffer.substr(HeaderEnd + 4, Length)};
}

} // namespace condis
