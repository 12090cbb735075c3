//===-- RecordedFinding.cpp - A finding that outlives its AST ---*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "RecordedFinding.h"

#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using namespace clang::ento;

namespace condis {
namespace {

std::optional<RecordedPlace> recordPlace(const SourceManager &SM,
                                         SourceLocation Loc) {
  if (Loc.isInvalid())
    return std::nullopt;
  Loc = SM.getFileLoc(Loc);
  auto [FID, Offset] = SM.getDecomposedLoc(Loc);
  RecordedPlace P;
  P.Offset = Offset;
  if (FID == SM.getMainFileID())
    return P;
  OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID);
  if (!FE)
    return std::nullopt;
  P.File = FE->getName().str();
  return P;
}

std::optional<std::pair<RecordedPlace, RecordedPlace>>
recordRange(const SourceManager &SM, const LangOptions &LO,
            CharSourceRange Range) {
  CharSourceRange FileRange = Lexer::makeFileCharRange(Range, SM, LO);
  if (FileRange.isInvalid())
    return std::nullopt;
  auto Begin = recordPlace(SM, FileRange.getBegin());
  auto End = recordPlace(SM, FileRange.getEnd());
  if (!Begin || !End)
    return std::nullopt;
  return std::make_pair(*Begin, *End);
}

} // namespace

std::optional<RecordedFinding> recordFinding(const PathDiagnostic &PD,
                                             const SourceManager &SM,
                                             const LangOptions &LO) {
  std::optional<RecordedPlace> Loc =
      recordPlace(SM, PD.getLocation().asLocation());
  if (!Loc)
    return std::nullopt;
  RecordedFinding F;
  F.Checker = PD.getCheckerName().str();
  F.Message = PD.getShortDescription().str();
  F.Loc = *Loc;
  if (!PD.path.empty())
    for (SourceRange R : PD.path.back()->getRanges())
      if (auto Range =
              recordRange(SM, LO, CharSourceRange::getTokenRange(R)))
        F.Ranges.push_back(*Range);
  PathPieces Path = PD.path.flatten(/*ShouldFlattenMacros=*/true);
  // Fix-its (condis.Role's replacement call) ride on the path's pieces.
  for (const auto &Piece : Path)
    for (const FixItHint &H : Piece->getFixits())
      if (auto Range = recordRange(SM, LO, H.RemoveRange))
        F.Fixes.push_back({Range->first, Range->second, H.CodeToInsert});
  for (auto It = Path.begin(), End = Path.end(); It != End; ++It) {
    const PathDiagnosticPiece &Piece = **It;
    if (isa<PathDiagnosticPopUpPiece>(Piece) || Piece.getString().empty())
      continue;
    std::optional<RecordedPlace> NoteLoc =
        recordPlace(SM, Piece.getLocation().asLocation());
    if (!NoteLoc)
      continue;
    // The last event repeats the warning at the warning's location.
    if (std::next(It) == End && *NoteLoc == F.Loc &&
        Piece.getString() == PD.getShortDescription())
      continue;
    F.Notes.push_back({*NoteLoc, Piece.getString().str()});
  }
  return F;
}

SourceLocation Placer::place(const RecordedPlace &P) {
  FileID ID;
  if (P.File.empty()) {
    ID = To.getMainFileID();
  } else {
    auto Known = Files.find(P.File);
    if (Known != Files.end()) {
      ID = Known->second;
    } else {
      if (OptionalFileEntryRef FE =
              To.getFileManager().getOptionalFileRef(P.File))
        ID = To.translateFile(*FE);
      Files[P.File] = ID;
    }
  }
  if (ID.isInvalid() || P.Offset > To.getFileIDSize(ID))
    return SourceLocation();
  return To.getComposedLoc(ID, P.Offset);
}

} // namespace condis
