//===-- StdinInjector.cpp - Ask clangd to rebuild a file --------*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "StdinInjector.h"

#include "LspFrame.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cerrno>
#include <unistd.h>

namespace condis {

std::string pathOfFileUri(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        llvm::isHexDigit(Uri[I + 1]) && llvm::isHexDigit(Uri[I + 2])) {
      Path += static_cast<char>(llvm::hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

bool StdinInjector::start(std::function<void(const std::string &)> Closed) {
  int Fds[2];
  if (::pipe(Fds) != 0)
    return false;
  RealStdin = ::dup(STDIN_FILENO);
  if (RealStdin < 0 || ::dup2(Fds[0], STDIN_FILENO) < 0) {
    ::close(Fds[0]);
    ::close(Fds[1]);
    if (RealStdin >= 0)
      ::close(RealStdin);
    RealStdin = -1;
    return false;
  }
  ::close(Fds[0]);
  ToClangd = Fds[1];
  OnClose = std::move(Closed);
  Pump = std::thread([this] { pump(); });
  // Blocked in read() on the editor's pipe until the editor closes it,
  // which may be after clangd has exited: never joined.
  Pump.detach();
  return true;
}

std::string StdinInjector::observeLocked(llvm::StringRef Body) {
  // Cheap test first: most messages are not about opening, editing or
  // closing a document. Not "textDocument/did...": JSON may escape the
  // slash, and Neovim's encoder does ("textDocument\/didOpen").
  if (!Body.contains("didOpen") && !Body.contains("didChange") &&
      !Body.contains("didClose"))
    return "";
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Body);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return "";
  }
  const llvm::json::Object *Message = Parsed->getAsObject();
  if (!Message)
    return "";
  std::optional<llvm::StringRef> Method = Message->getString("method");
  const llvm::json::Object *Params = Message->getObject("params");
  const llvm::json::Object *Doc =
      Params ? Params->getObject("textDocument") : nullptr;
  std::optional<llvm::StringRef> Uri =
      Doc ? Doc->getString("uri") : std::nullopt;
  if (!Method || !Uri)
    return "";
  std::string Path = pathOfFileUri(*Uri);
  if (Path.empty())
    return "";
  if (*Method == "textDocument/didOpen" ||
      *Method == "textDocument/didChange") {
    const llvm::json::Value *Version = Doc->get("version");
    Document &D = Open[Path];
    D.Uri = Uri->str();
    D.Version = Version ? *Version : llvm::json::Value(nullptr);
  } else if (*Method == "textDocument/didClose") {
    Open.erase(Path);
    return Path;
  }
  return "";
}

bool StdinInjector::writeFrame(llvm::StringRef Body) {
  std::string Header =
      llvm::formatv("Content-Length: {0}\r\n\r\n", Body.size()).str();
  return writeAll(ToClangd, Header) && writeAll(ToClangd, Body);
}

bool StdinInjector::rebuild(const std::string &Path) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Open.find(Path);
  if (ToClangd < 0 || It == Open.end())
    return false;
  llvm::json::Object Document{{"uri", It->second.Uri},
                              {"version", It->second.Version}};
  llvm::json::Object Message{
      {"jsonrpc", "2.0"},
      {"method", "textDocument/didChange"},
      {"params", llvm::json::Object{{"textDocument", std::move(Document)},
                                    {"contentChanges", llvm::json::Array{}},
                                    {"wantDiagnostics", true},
                                    {"forceRebuild", true}}}};
  std::string Body =
      llvm::formatv("{0}", llvm::json::Value(std::move(Message))).str();
  return writeFrame(Body);
}

void StdinInjector::pump() {
  std::string Buffer;
  char Block[65536];
  bool Framed = true; // False once the input is not LSP frames.
  while (true) {
    ssize_t N = ::read(RealStdin, Block, sizeof(Block));
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    Buffer.append(Block, N);
    // Forward every complete frame; keep a partial one for the next read.
    while (!Buffer.empty()) {
      if (!Framed) {
        std::lock_guard<std::mutex> Guard(Lock);
        writeAll(ToClangd, Buffer);
        Buffer.clear();
        break;
      }
      FrameScan F = scanFrame(Buffer);
      if (F.What == FrameScan::NeedHeader || F.What == FrameScan::NeedBody) {
        if (F.What == FrameScan::NeedHeader && Buffer.size() > 4096)
          Framed = false;
        break;
      }
      if (F.What == FrameScan::NotFrame) {
        Framed = false; // Not LSP framing (--input-style=delimited).
        continue;
      }
      size_t Total = F.Total;
      llvm::StringRef Body = F.Body;
      std::string Closed;
      {
        // One critical section for the bookkeeping and the forwarding, so
        // that a rebuild asked for in between carries the version of the
        // text clangd has.
        std::lock_guard<std::mutex> Guard(Lock);
        Closed = observeLocked(Body);
        writeAll(ToClangd, llvm::StringRef(Buffer).take_front(Total));
      }
      Buffer.erase(0, Total);
      if (!Closed.empty() && OnClose)
        OnClose(Closed);
    }
  }
  // The editor closed clangd's input: let clangd see the end, after the
  // rest that was read.
  std::lock_guard<std::mutex> Guard(Lock);
  if (!Buffer.empty())
    writeAll(ToClangd, Buffer);
  ::close(ToClangd);
  ToClangd = -1;
}

} // namespace condis
