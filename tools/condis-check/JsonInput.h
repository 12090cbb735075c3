//===-- JsonInput.h - JSON files condis-check reads -------------*- C++ -*-===//
//
// Part of condis-check. Every JSON file the tool reads from the user (the
// compilation database, SARIF logs for --baseline and --merge) goes through
// parseJsonInput: llvm::json::parse recurses once per level of nesting, so a
// file of 50,000 nested arrays would overflow the stack; the depth is
// checked by a flat scan first. Errors say where (line and column), so the
// caller can name the file in front of them.
//
// JsonPath spells where in a parsed document a value is ($.runs[0].results),
// for the validators' messages.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_JSONINPUT_H
#define CONDIS_TOOLS_JSONINPUT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>

namespace condis::cli {

/// Deeper than this is an error. Our own files nest about a dozen levels.
inline constexpr unsigned MaxJsonDepth = 256;

/// Parses \p Text; on failure returns nothing and sets \p Error to
/// "not valid JSON at line L, column C: <why>" or "JSON nested more than
/// 256 levels deep at line L, column C".
std::optional<llvm::json::Value> parseJsonInput(llvm::StringRef Text,
                                                std::string &Error);

/// A JSONPath-like name of a value: $, $.runs, $.runs[0].results[2].
class JsonPath {
public:
  JsonPath() : Text("$") {}
  JsonPath field(llvm::StringRef Name) const {
    return JsonPath(Text + "." + Name.str());
  }
  JsonPath index(size_t I) const {
    return JsonPath(Text + "[" + std::to_string(I) + "]");
  }
  const std::string &str() const { return Text; }

private:
  explicit JsonPath(std::string T) : Text(std::move(T)) {}
  std::string Text;
};

/// "an object", "an array", "a string", "a number", "a boolean", "null".
const char *jsonKindName(const llvm::json::Value &V);

} // namespace condis::cli

#endif
