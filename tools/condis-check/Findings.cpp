//===-- Findings.cpp - What condis-check reports --------------------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Findings.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include <tuple>

namespace condis::cli {

static auto key(const Finding &F) {
  return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.RuleId,
                  F.Message, F.Fingerprint);
}

void sortAndUnique(std::vector<Finding> &Findings) {
  llvm::stable_sort(Findings, [](const Finding &A, const Finding &B) {
    return key(A) < key(B);
  });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return key(A) == key(B);
                             }),
                 Findings.end());
}

std::string absolutePath(llvm::StringRef Base, llvm::StringRef Path) {
  llvm::SmallString<256> P;
  if (llvm::sys::path::is_absolute(Path)) {
    P = Path;
  } else {
    P = Base;
    llvm::sys::path::append(P, Path);
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  llvm::sys::path::native(P, llvm::sys::path::Style::posix);
  return std::string(P);
}

std::string relativeTo(llvm::StringRef Root, llvm::StringRef File) {
  llvm::StringRef R = Root.rtrim('/');
  if (Root.empty() || !File.starts_with(R) || File.size() <= R.size() + 1 ||
      File[R.size()] != '/')
    return "";
  return File.drop_front(R.size() + 1).str();
}

static std::string shown(llvm::StringRef Root, llvm::StringRef File) {
  std::string Rel = relativeTo(Root, File);
  return Rel.empty() ? File.str() : Rel;
}

static void printAt(llvm::raw_ostream &OS, const Position &P,
                    llvm::StringRef Root) {
  OS << shown(Root, P.File);
  if (P.Line) {
    OS << ':' << P.Line;
    if (P.Column)
      OS << ':' << P.Column;
  }
  OS << ": ";
}

void printText(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               llvm::StringRef Root) {
  for (const Finding &F : Findings) {
    printAt(OS, F.Where, Root);
    OS << "warning: " << F.Message << " [" << F.RuleId << "]\n";
    for (const Note &N : F.Path) {
      printAt(OS, N.Where, Root);
      OS << "note: " << N.Message << '\n';
    }
  }
}

bool hasError(const std::vector<ToolError> &Errors) {
  for (const ToolError &E : Errors)
    if (!E.Warning)
      return true;
  return false;
}

void printError(llvm::raw_ostream &OS, const ToolError &E,
                llvm::StringRef Root) {
  OS << (E.Warning ? "warning: " : "error: ");
  if (!E.File.empty())
    OS << shown(Root, E.File) << ": ";
  OS << E.Message << '\n';
  std::string Prefix = Root.rtrim('/').str() + "/";
  for (llvm::StringRef D : E.Details) {
    D.consume_front(Prefix);
    OS << "  " << D << '\n';
  }
}

Position positionOf(clang::SourceLocation Loc,
                    const clang::SourceManager &SM,
                    llvm::StringRef Directory) {
  Position P;
  if (Loc.isInvalid())
    return P;
  clang::PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (PL.isInvalid())
    return P;
  P.File = absolutePath(Directory, PL.getFilename());
  P.Line = PL.getLine();
  P.Column = PL.getColumn();
  unsigned Length = clang::Lexer::MeasureTokenLength(SM.getExpansionLoc(Loc),
                                                     SM, clang::LangOptions());
  P.EndLine = P.Line;
  P.EndColumn = P.Column + std::max(Length, 1u);
  return P;
}

Position positionOf(clang::CharSourceRange Range,
                    const clang::SourceManager &SM,
                    const clang::LangOptions &LO, llvm::StringRef Directory) {
  Position P = positionOf(Range.getBegin(), SM, Directory);
  if (P.File.empty() || Range.getEnd().isInvalid())
    return P;
  clang::SourceLocation End = SM.getExpansionLoc(Range.getEnd());
  if (Range.isTokenRange())
    End = clang::Lexer::getLocForEndOfToken(End, 0, SM, LO);
  clang::PresumedLoc EL = SM.getPresumedLoc(End);
  if (EL.isInvalid() || absolutePath(Directory, EL.getFilename()) != P.File)
    return P;
  if (EL.getLine() < P.Line ||
      (EL.getLine() == P.Line && EL.getColumn() < P.Column))
    return P;
  P.EndLine = EL.getLine();
  P.EndColumn = EL.getColumn();
  return P;
}

} // namespace condis::cli
