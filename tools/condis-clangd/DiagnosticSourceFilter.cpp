//===-- DiagnosticSourceFilter.cpp - Name condis as the source --*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "DiagnosticSourceFilter.h"

#include "AsyncAnalysis.h"
#include "LspFrame.h"
#include "Registration.h"
#include "StdinInjector.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace condis {

bool isAnalyzerCheckerName(llvm::StringRef Code) {
  if (Code.empty() || !Code.contains('.') || Code.front() == '.' ||
      Code.back() == '.')
    return false;
  return llvm::all_of(Code, [](char C) {
    return llvm::isAlnum(C) || C == '.' || C == '_';
  });
}

std::string relabelDiagnostics(llvm::StringRef Body, llvm::StringRef DocsDir,
                               std::string *PendingUri) {
  // Cheap test first: most messages are not diagnostics.
  if (!Body.contains("textDocument/publishDiagnostics"))
    return "";
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Body);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return "";
  }
  llvm::json::Object *Message = Parsed->getAsObject();
  if (!Message || Message->getString("method") !=
                      llvm::StringRef("textDocument/publishDiagnostics"))
    return "";
  llvm::json::Object *Params = Message->getObject("params");
  llvm::json::Array *Diags = Params ? Params->getArray("diagnostics") : nullptr;
  if (!Diags)
    return "";

  bool Changed = false;
  // The check's marker of a pending analysis (AsyncAnalysis.h) becomes a
  // field of the publication; clangd capitalised its first letter.
  auto IsPendingMarker = [](const llvm::json::Value &V) {
    const llvm::json::Object *D = V.getAsObject();
    return D && D->getString("source") == llvm::StringRef("clang-tidy") &&
           D->getString("code") == llvm::StringRef("condis-analyzer") &&
           D->getString("message").value_or("").equals_insensitive(
               PendingMessage);
  };
  if (llvm::any_of(*Diags, IsPendingMarker)) {
    llvm::json::Array Kept;
    for (llvm::json::Value &V : *Diags)
      if (!IsPendingMarker(V))
        Kept.push_back(std::move(V));
    *Diags = std::move(Kept);
    (*Params)["condisAnalysis"] = "pending";
    Changed = true;
    if (PendingUri)
      *PendingUri = Params->getString("uri").value_or("").str();
  }
  for (llvm::json::Value &V : *Diags) {
    llvm::json::Object *D = V.getAsObject();
    if (!D || D->getString("source") != llvm::StringRef("clang-tidy"))
      continue;
    std::optional<llvm::StringRef> Code = D->getString("code");
    if (!Code || !isAnalyzerCheckerName(*Code))
      continue;
    std::string Checker = Code->str();
    (*D)["source"] = "condis";
    Changed = true;
    llvm::StringRef Page = docsUriFor(Checker.c_str());
    if (DocsDir.empty() || Page.empty())
      continue;
    llvm::SmallString<256> Path(DocsDir);
    llvm::sys::path::append(Path, Page);
    if (llvm::sys::fs::exists(Path))
      (*D)["codeDescription"] =
          llvm::json::Object{{"href", ("file://" + Path).str()}};
  }
  if (!Changed)
    return "";
  return llvm::formatv("{0}", llvm::json::Value(std::move(*Parsed))).str();
}

namespace {

/// Splits LSP frames ("Content-Length: N\r\n...\r\n\r\n" + N bytes) off the
/// front of \p Buffer. Anything that is not a frame is passed on a line at a
/// time (clangd --help, --version). Returns false when more input is needed.
bool takeChunk(std::string &Buffer, std::string &Out, llvm::StringRef DocsDir,
               bool AtEOF, std::string &PendingUri) {
  static constexpr llvm::StringLiteral Header = "Content-Length:";
  llvm::StringRef B(Buffer);
  if (B.empty())
    return false;
  bool MayBeFrame = B.size() < Header.size()
                        ? Header.starts_with(B)
                        : B.starts_with(Header);
  if (MayBeFrame && !AtEOF) {
    FrameScan F = scanFrame(B);
    if (F.What == FrameScan::NeedHeader || F.What == FrameScan::NeedBody)
      return false;
    if (F.What == FrameScan::Frame) {
      std::string NewBody = relabelDiagnostics(F.Body, DocsDir, &PendingUri);
      if (NewBody.empty())
        Out = B.take_front(F.Total).str();
      else
        Out = llvm::formatv("Content-Length: {0}\r\n\r\n{1}", NewBody.size(),
                            NewBody)
                  .str();
      Buffer.erase(0, F.Total);
      return true;
    }
  }
  size_t Newline = B.find('\n');
  if (Newline == llvm::StringRef::npos && !AtEOF)
    return false;
  size_t Len = Newline == llvm::StringRef::npos ? B.size() : Newline + 1;
  Out = B.take_front(Len).str();
  Buffer.erase(0, Len);
  return true;
}

} // namespace

bool DiagnosticSourceFilter::start() {
  int Fds[2];
  if (::pipe(Fds) != 0)
    return false;
  fflush(stdout);
  RealStdout = ::dup(STDOUT_FILENO);
  if (RealStdout < 0 || ::dup2(Fds[1], STDOUT_FILENO) < 0) {
    ::close(Fds[0]);
    ::close(Fds[1]);
    if (RealStdout >= 0)
      ::close(RealStdout);
    RealStdout = -1;
    return false;
  }
  ::close(Fds[1]);
  ReadEnd = Fds[0];
  Pump = std::thread([this] { pump(); });
  return true;
}

void DiagnosticSourceFilter::pump() {
  std::string Buffer, Chunk;
  char Block[65536];
  while (true) {
    ssize_t N = ::read(ReadEnd, Block, sizeof(Block));
    if (N < 0 && errno == EINTR)
      continue;
    bool AtEOF = N <= 0;
    if (!AtEOF)
      Buffer.append(Block, N);
    std::string PendingUri;
    while (takeChunk(Buffer, Chunk, DocsDir, AtEOF, PendingUri)) {
      if (!writeAll(RealStdout, Chunk))
        return;
      // clangd's own diagnostics are out: the analysis may start.
      if (!PendingUri.empty())
        AsyncAnalysis::instance().published(pathOfFileUri(PendingUri));
      PendingUri.clear();
    }
    if (AtEOF)
      return;
  }
}

void DiagnosticSourceFilter::stop() {
  if (RealStdout < 0)
    return;
  llvm::outs().flush();
  fflush(stdout);
  // Closing the last write end of the pipe lets the pump drain and finish.
  ::dup2(RealStdout, STDOUT_FILENO);
  if (Pump.joinable())
    Pump.join();
  ::close(ReadEnd);
  ::close(RealStdout);
  RealStdout = ReadEnd = -1;
}

} // namespace condis
