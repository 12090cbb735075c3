//===-- FactsFile.h - Project facts as JSON ---------------------*- C++ -*-===//
//
// Part of condis-check. The pre-pass's results (ProjectScan.h) written down
// and read back, for two users:
//   - the facts cache (FactsCache.h) keeps one translation unit's TUScan
//     per entry;
//   - --write-facts writes, and --facts reads, the merged ProjectFacts of a
//     whole database, so that CI shards share one pre-pass.
// Both use the same shape for facts (encodeScan / encodeProject):
//
//   { "handlers":        [{"function": "F", "roleType": "PROTOCOL_CM_..."}],
//     "storedRoutines":  [{"function": "F", "role": "...", "field": "..."}],
//     "roleEvidence":    [{"role": "cm"|"mcm", "callee": "...",
//                          "file": "/abs", "line": 1, "column": 1}],
//     "pending":         [{"name": "F", "definition": POS, "return": POS,
//                          "ownerTU": "/abs"}],
//     "completionsReferenced": ["DropParty", ...] }     (operations.def rows)
//
// with names, never table indices, so a file written by another build of
// the tool decodes to the same rows or fails. Decoding checks every field
// and reports the first problem with its JSON path; it never accepts part of
// a document.
//
// A --facts file wraps the facts with a format name, FactsFileVersion, the
// tool's version, the digest of the compile commands it was gathered from
// (databaseDigest) and the digest of the facts themselves; reading it back
// refuses any other version or database, and facts that do not match
// their digest. It is written atomically (OutputFile.h).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_TOOLS_FACTSFILE_H
#define CONDIS_TOOLS_FACTSFILE_H

#include "ProjectScan.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/JSON.h"
#include <string>

namespace condis::cli {

/// The version of the --facts file format; bump it on any change.
inline constexpr int64_t FactsFileVersion = 2;

llvm::json::Value encodeScan(const TUScan &Scan);
llvm::json::Value encodeProject(const ProjectFacts &Project);
/// On failure return false with \p Error ("$.pending[2].name: expected a
/// string") and leave the output unspecified.
bool decodeScan(const llvm::json::Value &V, TUScan &Scan, std::string &Error);
bool decodeProject(const llvm::json::Value &V, ProjectFacts &Project,
                   std::string &Error);

/// The digest of the compile commands (file, directory, arguments, in
/// order): what a --facts file was gathered from.
std::string
databaseDigest(llvm::ArrayRef<clang::tooling::CompileCommand> Database);

/// Writes the facts file of \p Project, gathered from \p Files files with
/// commands of digest \p DatabaseDigest (to an OutputFile, opened before
/// the pre-pass so that a file that cannot be written fails at once).
void writeFactsFile(llvm::raw_ostream &OS, const ProjectFacts &Project,
                    llvm::StringRef DatabaseDigest, size_t Files);

/// Reads a file written by writeFactsFile for the same database. Error
/// names \p Path and says what is wrong and what to do.
bool readFactsFile(llvm::StringRef Path, llvm::StringRef DatabaseDigest,
                   ProjectFacts &Project, size_t &Files, std::string &Error);

} // namespace condis::cli

#endif
