//===-- SarifInput.h - Check SARIF logs before reading them -----*- C++ -*-===//
//
// Part of condis-check. --baseline and --merge read SARIF logs back. The
// reader takes what it needs and must not make up the rest: a result
// without a rule, a message or a file would print as ": warning:  []", a
// negative startLine would wrap to 4294967291. So every part the reader
// reads is checked first for its structure, type and range, and the first
// problem is reported with its JSON path ($.runs[0].results[3].locations[0]
// .physicalLocation.region.startLine: expected an integer from 1 to
// 2147483647, got -5).
//
// What a result needs: ruleId (a non-empty string), message.text (a
// string), at least one location whose physicalLocation.artifactLocation
// has a uri (a string), and whose uriBaseId, if any, is one of the run's
// originalUriBaseIds. Optional parts, checked when present: region
// (startLine, startColumn, endLine, endColumn: integers >= 1, endLine >=
// startLine), partialFingerprints (strings), codeFlows[].threadFlows[]
// .locations[].location, relatedLocations[], invocations[]
// .toolExecutionNotifications[] (message.text, locations).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_SARIFINPUT_H
#define CONDIS_TOOLS_SARIFINPUT_H

#include "llvm/Support/JSON.h"
#include <string>

namespace condis::cli {

/// Checks the parts of \p Log that condis-check reads; returns false with
/// \p Error ("<JSON path>: <what is wrong>") at the first problem.
bool validateSarif(const llvm::json::Value &Log, std::string &Error);

} // namespace condis::cli

#endif
