//===-- Findings.h - What condis-check reports ------------------*- C++ -*-===//
//
// Part of condis-check. The tool's own record of a finding, independent of
// the AST it came from, so results of worker threads, of the project-wide
// pre-pass and of SARIF files read back (baselines, --merge) are compared,
// sorted and printed alike.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_FINDINGS_H
#define CONDIS_TOOLS_FINDINGS_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace condis::cli {

/// A place in a source file. File is absolute and uses '/' separators.
struct Position {
  std::string File;
  unsigned Line = 0; ///< 1-based; 0 when unknown.
  unsigned Column = 0;
  /// Where the token or range at Line:Column ends: the line and the column
  /// just after its last character (SARIF's endLine/endColumn); 0 unknown.
  unsigned EndLine = 0;
  unsigned EndColumn = 0;
};

/// One path note: an event on the way to the finding.
struct Note {
  Position Where;
  std::string Message;
  /// A note about another place rather than a step of the path (clang's
  /// extra notes, the registration that decides the driver's role): SARIF
  /// lists it in relatedLocations as well.
  bool Related = false;
};

/// A fix-it: replace Where (Line:Column up to EndLine:EndColumn) with
/// Replacement; an empty range inserts.
struct Fix {
  Position Where;
  std::string Replacement;
};

struct Finding {
  std::string RuleId; ///< The checker's full name, e.g. "condis.DropParty".
  std::string Message;
  Position Where;
  std::vector<Note> Path; ///< Path notes in execution order.
  /// Stays the same when lines are added or removed above the finding:
  /// clang's issue hash (checker, enclosing function, column, the text of
  /// the line, message) for analyzer findings.
  std::string Fingerprint;
  /// Fix-its the checker attached (condis.Role's replacement call).
  std::vector<Fix> Fixes;
};

/// An input or tool error: a file that does not compile, is missing or is
/// unreadable; a bad option. File is empty for errors not tied to a file.
struct ToolError {
  std::string File;
  std::string Message;
  std::vector<std::string> Details; ///< e.g. the compiler's error lines.
  /// A warning about the run (a file cut by --file-time-budget), not an
  /// error: it does not change the exit status.
  bool Warning = false;
};

/// Whether \p Errors holds an error (not only warnings).
bool hasError(const std::vector<ToolError> &Errors);

/// Sorts by file, line, column, rule, message and drops exact duplicates
/// (a function in a header analysed in two translation units).
void sortAndUnique(std::vector<Finding> &Findings);

/// \p File relative to \p Root with '/' separators when it lies under
/// \p Root, else the empty string.
std::string relativeTo(llvm::StringRef Root, llvm::StringRef File);

/// \p Path made absolute against \p Base, without "." and "..".
std::string absolutePath(llvm::StringRef Base, llvm::StringRef Path);

/// Where \p Loc is, at its expansion, with the file made absolute against
/// \p Directory (the compile command's directory), ending where the token
/// there ends; empty when invalid.
Position positionOf(clang::SourceLocation Loc, const clang::SourceManager &SM,
                    llvm::StringRef Directory);

/// Where \p Range is: from its begin to its end (a token range ends after
/// its last token), both at their expansion; when the end is in another file
/// or before the begin, the begin's token.
Position positionOf(clang::CharSourceRange Range,
                    const clang::SourceManager &SM,
                    const clang::LangOptions &LO, llvm::StringRef Directory);

/// Prints clang-style diagnostics:
///   cm_party.c:42:5: warning: <message> [condis.DropParty]
///   cm_party.c:40:3: note: <path note>
/// Files under \p Root are printed relative to it.
void printText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               llvm::StringRef Root);

/// Prints an error as
///   error: <file>: <message>
///     <detail>
void printError(llvm::raw_ostream &OS, const ToolError &E,
                llvm::StringRef Root);

} // namespace condis::cli

#endif
