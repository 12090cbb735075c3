//===-- NolintFix.cpp - The NOLINT quick fix of a finding -------*- C++ -*-===//
//
// Part of condis-check. See NolintFix.h.
//
//===----------------------------------------------------------------------===//

#include "NolintFix.h"

#include "clang/Basic/SourceManager.h"

namespace condis {

std::string nolintNote(llvm::StringRef Name) {
  return "suppress this finding: // NOLINT(" + Name.str() + ")";
}

std::optional<clang::FixItHint> nolintFix(const clang::SourceManager &SM,
                                          clang::SourceLocation Loc,
                                          llvm::StringRef Name) {
  if (Loc.isInvalid() || !Loc.isFileID())
    return std::nullopt;
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Text = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Text.size())
    return std::nullopt;
  size_t End = Text.find_first_of("\r\n", Offset);
  if (End == llvm::StringRef::npos)
    End = Text.size();
  clang::SourceLocation At =
      SM.getLocForStartOfFile(File).getLocWithOffset(End);
  return clang::FixItHint::CreateInsertion(
      At, " // NOLINT(" + Name.str() + ")");
}

} // namespace condis
