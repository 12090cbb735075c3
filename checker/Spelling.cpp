//===-- Spelling.cpp - How a call to a table API was written ----*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Spelling.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace condis {

SpelledCall spelledCall(const CallExpr *CE, ApiId Callee,
                        const SourceManager &SM, const LangOptions &LO) {
  SpelledCall Result{Callee, CE->getBeginLoc()};
  SourceLocation Loc = CE->getCallee()->getBeginLoc();
  // Walk outwards through the macro expansions that produced the callee
  // name. A macro argument expansion means the name was written by the
  // driver inside some other macro's arguments: that text is the spelling.
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, LO);
    if (std::optional<ApiId> Id = lookupApi(Macro)) {
      if (apiInfo(*Id).Spelling == SpellingKind::Macro) {
        Result.Id = *Id;
        Result.NameLoc = SM.getImmediateExpansionRange(Loc).getBegin();
        return Result;
      }
    }
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  Result.NameLoc = Loc;
  return Result;
}

} // namespace condis
