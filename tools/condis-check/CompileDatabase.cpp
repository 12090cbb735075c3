//===-- CompileDatabase.cpp - Check compile_commands.json first -----------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "CompileDatabase.h"
#include "JsonInput.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace condis::cli {
namespace {

/// The problems of one entry (1-based \p N) of the database.
void checkEntry(const json::Value &V, size_t N,
                std::vector<std::string> &Problems) {
  std::string Entry = "entry " + std::to_string(N);
  const json::Object *O = V.getAsObject();
  if (!O) {
    Problems.push_back(Entry + ": not an object");
    return;
  }
  if (const json::Value *File = O->get("file"))
    if (std::optional<StringRef> S = File->getAsString())
      Entry += " (file \"" + S->str() + "\")";
  auto Problem = [&](const Twine &What) {
    Problems.push_back(Entry + ": " + What.str());
  };

  for (StringRef Key : {"directory", "file"}) {
    const json::Value *Field = O->get(Key);
    if (!Field)
      Problem("no \"" + Key + "\"");
    else if (!Field->getAsString())
      Problem("\"" + Key + "\" is not a string");
    else if (Field->getAsString()->empty())
      Problem("\"" + Key + "\" is empty");
  }
  if (const json::Value *Out = O->get("output"); Out && !Out->getAsString())
    Problem("\"output\" is not a string");

  // LLVM's loader takes "arguments" when both are given.
  if (const json::Value *Args = O->get("arguments")) {
    const json::Array *A = Args->getAsArray();
    if (!A) {
      Problem("\"arguments\" is not an array of strings");
      return;
    }
    if (A->empty()) {
      Problem("\"arguments\" is empty");
      return;
    }
    for (size_t I = 0; I < A->size(); ++I)
      if (!(*A)[I].getAsString()) {
        Problem("\"arguments\" holds " + Twine(jsonKindName((*A)[I])).str() +
                ", not a string, at index " + std::to_string(I));
        return;
      }
    return;
  }
  if (const json::Value *Command = O->get("command")) {
    std::optional<StringRef> S = Command->getAsString();
    if (!S)
      Problem("\"command\" is not a string");
    else if (S->trim().empty())
      Problem("\"command\" is empty");
    return;
  }
  Problem("neither \"command\" nor \"arguments\"");
}

} // namespace

std::vector<std::string> checkCompileDatabase(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return {"cannot read it: " + Buf.getError().message()};
  std::string Error;
  std::optional<json::Value> V = parseJsonInput((*Buf)->getBuffer(), Error);
  if (!V)
    return {Error};
  const json::Array *Entries = V->getAsArray();
  if (!Entries)
    return {std::string("expected an array of compile commands, got ") +
            jsonKindName(*V)};
  if (Entries->empty())
    return {"the database has no entries"};
  std::vector<std::string> Problems;
  for (size_t I = 0; I < Entries->size(); ++I)
    checkEntry((*Entries)[I], I + 1, Problems);
  return Problems;
}

} // namespace condis::cli
