//===-- Spelling.cpp - How a call to a table API was written ----*- C++ -*-===//
//
// Part of condis-check.
//
// Walks outwards from the callee name through the macro expansions that
// produced it. A macro-argument expansion means the name was written as an
// argument of some macro (ASSERT(...), NT_SUCCESS(...), even an MCM macro):
// the argument's own text decides, so follow its spelling. A macro-body
// expansion means the name came from a macro's body: if that macro is an
// MCM macro row expanding to the callee, that is the spelling; otherwise (a
// driver's own wrapper) look at where it was invoked. With no MCM macro on
// the chain the driver wrote the function itself.
//
//===----------------------------------------------------------------------===//

#include "Spelling.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallString.h"

using namespace clang;
using namespace llvm;

namespace condis {
namespace {

/// The spelling location of \p Loc if the token there reads \p Name in a
/// real file (not scratch space from token pasting), else invalid.
SourceLocation nameTokenAt(SourceLocation Loc, StringRef Name,
                           const SourceManager &SM, const LangOptions &LO) {
  SourceLocation Spell = SM.getSpellingLoc(Loc);
  if (Spell.isInvalid() || SM.isWrittenInScratchSpace(Spell))
    return {};
  SmallString<64> Buf;
  bool Invalid = false;
  StringRef Text = Lexer::getSpelling(Spell, Buf, SM, LO, &Invalid);
  return !Invalid && Text == Name ? Spell : SourceLocation();
}

} // namespace

SpelledCall spelledCall(const CallExpr *CE, ApiId Callee,
                        const SourceManager &SM, const LangOptions &LO) {
  const Expr *CalleeExpr = CE->getCallee()->IgnoreParenImpCasts();
  SourceLocation NameLoc = CalleeExpr->getExprLoc();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(CalleeExpr))
    NameLoc = DRE->getLocation();

  SourceLocation Loc = NameLoc;
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, LO);
    SourceLocation Invocation = SM.getImmediateExpansionRange(Loc).getBegin();
    if (std::optional<ApiId> Id = lookupApi(Macro)) {
      const ApiInfo &I = apiInfo(*Id);
      if (I.Spelling == SpellingKind::Macro && I.Target == Callee)
        return {*Id, nameTokenAt(Invocation, I.Name, SM, LO)};
    }
    Loc = Invocation;
  }
  return {Callee, nameTokenAt(NameLoc, apiInfo(Callee).Name, SM, LO)};
}

} // namespace condis
