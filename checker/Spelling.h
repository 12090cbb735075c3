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

struct SpelledCall {
  ApiId Id = ApiId::None;      ///< The row the driver wrote (macro or function).
  clang::SourceLocation NameLoc; ///< Where that name is spelled.
};

/// The table row a call to \p Callee was written as: the innermost macro
/// of rules/condis.def whose body spells the call, else \p Callee itself.
/// Macros that are not table rows (a driver's own wrappers) are looked
/// through; a call written as a macro argument is judged by its own text.
SpelledCall spelledCall(const clang::CallExpr *CE, ApiId Callee,
                        const clang::SourceManager &SM,
                        const clang::LangOptions &LO);

} // namespace condis

#endif
