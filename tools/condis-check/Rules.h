//===-- Rules.h - Checkers, rule metadata and check selection ---*- C++ -*-===//
//
// Part of condis-check. Everything the tool needs to know about checkers
// without analysing a file: which checker, package and option names exist
// (clang's own plus ours, registered in-process exactly as the analysis
// registers them), the SARIF rule metadata of each, and which findings the
// --checks selection keeps.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_RULES_H
#define CONDIS_TOOLS_RULES_H

#include "llvm/ADT/StringRef.h"
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace condis::cli {

/// SARIF reportingDescriptor fields of one rule (a checker).
struct RuleInfo {
  std::string Id;
  std::string ShortDescription;
  std::string FullDescription;
  std::string HelpUri;
  /// The text of the rule's page under docs/ (Markdown), built in; empty
  /// for rules documented elsewhere (clang's checkers).
  std::string HelpMarkdown;
};

/// The checkers registered in-process; built once in main().
class RuleCatalog {
public:
  /// \p DocsUrl: the base URL our docs/ pages are published under.
  explicit RuleCatalog(llvm::StringRef DocsUrl);
  ~RuleCatalog();

  bool isChecker(llvm::StringRef Name) const;
  bool isPackage(llvm::StringRef Name) const;
  /// A checker or package the analyzer registry has (not a project rule).
  bool isRegistered(llvm::StringRef Name) const;

  /// True when \p Key is an -analyzer-config key: a core option
  /// ("max-nodes") or a checker or package option ("condis:Handlers").
  bool isConfigKey(llvm::StringRef Key) const;

  /// Checks \p Config (KEY=VALUE entries) the way clang checks
  /// -analyzer-config with -analyzer-config-compatibility-mode=false: known
  /// keys, values of the option's type, checker options accepted by their
  /// package. Returns clang's error messages; empty when all is well.
  std::vector<std::string>
  validateConfig(const std::vector<std::string> &Config) const;

  /// Metadata for \p Id; for a name no checker has (a SARIF file from
  /// another build) a minimal record.
  RuleInfo rule(llvm::StringRef Id) const;

  /// The published URL of \p Page under docs/.
  std::string docsPage(llvm::StringRef Page) const;

  /// Every visible condis.* checker plus the project-wide rules, sorted.
  std::vector<std::string> condisRuleIds() const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

/// The --checks list: comma-separated checker or package names, a leading
/// '-' removes. Later entries win; the default is "condis".
class CheckSelection {
public:
  /// Parses \p Spec; on an unknown name returns false and sets \p Error.
  bool parse(llvm::StringRef Spec, const RuleCatalog &Rules,
             std::string &Error);

  /// Does the selection keep findings of checker \p Rule?
  bool selects(llvm::StringRef Rule) const;

  /// What the analyzer must enable (-analyzer-checker): always "core" (the
  /// modelling every path-sensitive checker relies on, reports filtered by
  /// selects()), then every entry the registry knows.
  std::vector<std::pair<std::string, bool>>
  analyzerCheckers(const RuleCatalog &Rules) const;

private:
  std::vector<std::pair<std::string, bool>> Entries{{"condis", true}};
};

} // namespace condis::cli

#endif
