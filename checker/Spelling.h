//===-- Spelling.h - How a call to a table API was written -------*- C++ -*-===//
//
// Part of condis-check. The WDK writes the NdisMCm* forms as macros over the
// NdisCm* functions, so after preprocessing both calls look the same; only
// the macro expansion at the call site still shows which one the driver
// wrote.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_SPELLING_H
#define CONDIS_CHECKER_SPELLING_H

#include "Api.h"

#include "clang/Basic/SourceLocation.h"

namespace clang {
class CallExpr;
class SourceManager;
class LangOptions;
} // namespace clang

namespace condis {

/// The table row a call was written as, and where that name is spelled.
struct SpelledCall {
  ApiId Id;                      ///< The row the driver wrote (macro or function).
  clang::SourceLocation NameLoc; ///< Spelling location of the name; invalid
                                 ///< when it was built by token pasting.
};

/// The table row a call to \p Callee was written as: an MCM macro row of
/// rules/condis.def expanding to \p Callee whose body spells the call, else
/// \p Callee itself. Macros that are not table rows (a driver's own
/// wrappers) are looked through; a call written as a macro argument is
/// judged by its own text.
SpelledCall spelledCall(const clang::CallExpr *CE, ApiId Callee,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

} // namespace condis

#endif
