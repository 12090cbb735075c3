//===-- RecordedFinding.h - A finding that outlives its AST -----*- C++ -*-===//
//
// Part of condis-check. condis-clangd analyses a file on a thread of its own
// (AsyncAnalysis.h), in a parse that is gone by the time clangd rebuilds the
// file and the findings can be shown. A RecordedFinding is one analyzer
// finding with every location kept as a file name and an offset, so that it
// can be placed again in the SourceManager of another parse of the same
// text (Placer). AnalysisOutcome is everything one analysis leaves for that
// rebuild.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_RECORDEDFINDING_H
#define CONDIS_CLANGD_RECORDEDFINDING_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class LangOptions;
class SourceManager;
namespace ento {
class PathDiagnostic;
}
} // namespace clang

namespace condis {

struct BodyPreamble;

/// A location: the main file (File empty) or a file by name, and an offset.
struct RecordedPlace {
  std::string File;
  unsigned Offset = 0;
  bool operator==(const RecordedPlace &O) const {
    return File == O.File && Offset == O.Offset;
  }
};

struct RecordedFinding {
  std::string Checker; ///< "condis.DropParty"
  std::string Message;
  RecordedPlace Loc;
  /// Character ranges (begin, end) to highlight.
  std::vector<std::pair<RecordedPlace, RecordedPlace>> Ranges;
  struct Fix {
    RecordedPlace Begin, End;
    std::string Text;
  };
  std::vector<Fix> Fixes;
  struct Note {
    RecordedPlace Loc;
    std::string Text;
  };
  /// The path events in path order, without the last one when it repeats
  /// the finding.
  std::vector<Note> Notes;
};

/// \p PD with its locations in \p SM (the SourceManager of the parse that
/// was analysed) recorded by file and offset; nothing when its own location
/// is not in a file.
std::optional<RecordedFinding>
recordFinding(const clang::ento::PathDiagnostic &PD,
              const clang::SourceManager &SM, const clang::LangOptions &LO);

/// Places recorded locations in \p To: the main file as its main file, a
/// header at the first inclusion of the file of the same name. A place with
/// no counterpart (a file \p To never read, an offset past its end) is an
/// invalid location.
class Placer {
public:
  explicit Placer(const clang::SourceManager &To) : To(To) {}
  clang::SourceLocation place(const RecordedPlace &P);

private:
  const clang::SourceManager &To;
  llvm::StringMap<clang::FileID> Files;
};

/// What one analysis of one version of a file leaves for the rebuild that
/// shows it.
struct AnalysisOutcome {
  std::vector<RecordedFinding> Findings;
  /// Analyzer configuration errors, shown as errors on the first line.
  std::vector<std::string> Problems;
  /// The full parse failed where clangd's parse did not: the rebuild
  /// analyses clangd's AST instead (the reason was logged).
  bool FullParseFailed = false;
  /// The preamble the full parse used, if any: while it stays valid (its
  /// headers unchanged on disk), so does this outcome. Not owned: the
  /// preamble cache (BodyPreamble.h) bounds their memory; an outcome whose
  /// preamble was evicted is computed again.
  bool UsedPreamble = false;
  std::weak_ptr<const BodyPreamble> Preamble;
};

} // namespace condis

#endif
