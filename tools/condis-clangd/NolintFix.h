//===-- NolintFix.h - The NOLINT quick fix of a finding ---------*- C++ -*-===//
//
// Part of condis-check, condis-clangd only. clangd offers no quick fix that
// writes a NOLINT comment. It does turn a note that carries a fix-it into a
// code action titled by the note (Diagnostics.cpp, StoreDiags), so each
// finding gets one more note, "suppress this finding: // NOLINT(NAME)",
// whose fix-it appends that comment to the finding's line. clang-tidy's
// NOLINT matching reads the whole line, so the comment works after code and
// after another comment alike. Under clang-tidy (CondisTidyModule.so) the
// note is not emitted: it would be noise there and `--fix-notes` would
// apply it.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_NOLINTFIX_H
#define CONDIS_CLANGD_NOLINTFIX_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace clang {
class SourceManager;
}

namespace condis {

/// The note's text for a finding reported under \p Name.
std::string nolintNote(llvm::StringRef Name);

/// An insertion of " // NOLINT(Name)" at the end of the line of \p Loc (a
/// file location), before its line break; none when the line cannot be
/// read.
std::optional<clang::FixItHint> nolintFix(const clang::SourceManager &SM,
                                          clang::SourceLocation Loc,
                                          llvm::StringRef Name);

} // namespace condis

#endif
