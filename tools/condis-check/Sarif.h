//===-- Sarif.h - SARIF 2.1.0 output, baselines and merging -----*- C++ -*-===//
//
// Part of condis-check. Our own SARIF writer (not clang's, which gives
// plugin rules the wrong metadata): one run, rule metadata for every condis
// rule and every rule a result names, code flows from path notes, artifact
// URIs relative to %SRCROOT%, a fingerprint per result, and the tool errors
// as toolExecutionNotifications. The reader takes back what the writer
// writes, for --baseline and --merge.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_SARIF_H
#define CONDIS_TOOLS_SARIF_H

#include "Findings.h"
#include "Rules.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace condis::cli {

/// The partialFingerprints key our fingerprints are stored under.
inline constexpr llvm::StringLiteral FingerprintKey = "condisIssueHash/v1";

/// Writes one SARIF log. \p Root becomes %SRCROOT%; files under it get
/// relative URIs, others absolute file:// URIs.
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const std::vector<ToolError> &Errors, const RuleCatalog &Rules,
                llvm::StringRef Root);

/// A SARIF log read back.
struct SarifLog {
  std::string Root; ///< %SRCROOT% as a path; empty if the log has none.
  std::vector<Finding> Findings;
  std::vector<ToolError> Errors;
  /// Results as written: (ruleId, URI relative to %SRCROOT% or absolute,
  /// fingerprint), for baseline matching across checkouts.
  struct Key {
    std::string RuleId, Uri, Fingerprint;
  };
  std::vector<Key> Keys;
};

/// Reads \p Path; on failure returns false with \p Error saying why.
bool readSarif(llvm::StringRef Path, SarifLog &Log, std::string &Error);

/// The URI writeSarif gives \p File under \p Root (without the base id).
std::string sarifUri(llvm::StringRef Root, llvm::StringRef File);

} // namespace condis::cli

#endif
