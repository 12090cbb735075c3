//===-- Spelling.h - How the driver wrote a call ----------------*- C++ -*-===//
//
// Part of condis-check. The one answer to "what did the driver write for
// this call", for every message, note and fix-it. Headers write many table
// APIs as macros over others (the WDK's NdisMCm* forms over the NdisCm*
// functions; NdisAcquireSpinLock over KeAcquireSpinLock over
// KeAcquireSpinLockRaiseToDpc on x64), so after preprocessing only the
// macro expansions at the call site still show what the driver wrote: the
// outermost macro on the callee name's expansion chain that a rule table
// names as a call (TableNames.h). A driver's own wrapper macros are looked
// through; a call written as a macro argument (ASSERT(...), an MCM macro's
// argument) is judged by its own text.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_SPELLING_H
#define CONDIS_CHECKER_SPELLING_H

#include "Api.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class CallExpr;
class SourceManager;
class LangOptions;
} // namespace clang

namespace condis {

/// The name the driver wrote for a call, and where.
struct SpelledCall {
  llvm::StringRef Name;          ///< "" when the callee has no name.
  clang::SourceLocation NameLoc; ///< Spelling location of the name; invalid
                                 ///< when it was built by token pasting.
};

/// The outermost table-named macro around \p CE's callee, else the callee.
SpelledCall spelledCall(const clang::CallExpr *CE,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

/// spelledCall's name for messages: "the call" when the callee has none.
std::string spelledName(const clang::CallExpr *CE,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

/// The rules/condis.def row a call to row \p Callee was written as: the
/// spelled name's row when it is \p Callee or a macro row over it (the
/// NdisMCm* form), else \p Callee; and where that name is spelled (invalid
/// when it is not the spelled name).
struct SpelledRow {
  ApiId Id;
  clang::SourceLocation NameLoc;
};
SpelledRow spelledRow(const clang::CallExpr *CE, ApiId Callee,
                      const clang::SourceManager &SM,
                      const clang::LangOptions &LO);

} // namespace condis

#endif
