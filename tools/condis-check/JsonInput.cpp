//===-- JsonInput.cpp - JSON files condis-check reads ---------------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "JsonInput.h"

#include "llvm/Support/Error.h"

using namespace llvm;

namespace condis::cli {
namespace {

/// Where the first '[' or '{' that opens level MaxJsonDepth + 1 is, as
/// (line, column), both 1-based; nothing when the text nests no deeper.
/// Brackets inside strings do not count.
std::optional<std::pair<unsigned, unsigned>> tooDeep(StringRef Text) {
  unsigned Depth = 0, Line = 1, Column = 0;
  bool InString = false, Escaped = false;
  for (char C : Text) {
    ++Column;
    if (C == '\n') {
      ++Line;
      Column = 0;
    }
    if (InString) {
      if (Escaped)
        Escaped = false;
      else if (C == '\\')
        Escaped = true;
      else if (C == '"')
        InString = false;
      continue;
    }
    switch (C) {
    case '"':
      InString = true;
      break;
    case '[':
    case '{':
      if (++Depth > MaxJsonDepth)
        return std::make_pair(Line, Column);
      break;
    case ']':
    case '}':
      if (Depth)
        --Depth;
      break;
    default:
      break;
    }
  }
  return std::nullopt;
}

/// llvm::json::ParseError prints "[L:C, byte=B]: message".
std::string describeParseError(Error E) {
  std::string Raw = toString(std::move(E));
  StringRef S(Raw);
  unsigned Line, Column;
  if (S.consume_front("[") && !S.consumeInteger(10, Line) &&
      S.consume_front(":") && !S.consumeInteger(10, Column)) {
    size_t End = S.find("]: ");
    if (End != StringRef::npos)
      return "not valid JSON at line " + std::to_string(Line) + ", column " +
             std::to_string(Column) + ": " + S.substr(End + 3).str();
  }
  return "not valid JSON: " + Raw;
}

} // namespace

std::optional<json::Value> parseJsonInput(StringRef Text, std::string &Error) {
  if (auto Where = tooDeep(Text)) {
    Error = "JSON nested more than " + std::to_string(MaxJsonDepth) +
            " levels deep at line " + std::to_string(Where->first) +
            ", column " + std::to_string(Where->second);
    return std::nullopt;
  }
  Expected<json::Value> V = json::parse(Text);
  if (!V) {
    Error = describeParseError(V.takeError());
    return std::nullopt;
  }
  return std::move(*V);
}

const char *jsonKindName(const json::Value &V) {
  switch (V.kind()) {
  case json::Value::Object:
    return "an object";
  case json::Value::Array:
    return "an array";
  case json::Value::String:
    return "a string";
  case json::Value::Number:
    return "a number";
  case json::Value::Boolean:
    return "a boolean";
  case json::Value::Null:
    return "null";
  }
  return "a value";
}

} // namespace condis::cli
