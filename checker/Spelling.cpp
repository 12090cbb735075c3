//===-- Spelling.cpp - How the driver wrote a call ------------------------===//
//
// Part of condis-check.
//
// Walks outwards from the callee name through the macro expansions that
// produced it. A macro-argument expansion means the name was written as an
// argument of some macro: the argument's own text decides, so follow its
// spelling. A macro-body expansion means the name came from a macro's body:
// remember the macro if a table names it, then look at where the macro was
// invoked. The last macro remembered is the outermost, what the driver
// wrote; with none the driver wrote the callee itself.
//
//===----------------------------------------------------------------------===//

#include "Spelling.h"
#include "TableNames.h"

#include "clang/AST/Decl.h"
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

SpelledCall spelledCall(const CallExpr *CE, const SourceManager &SM,
                        const LangOptions &LO) {
  const Expr *CalleeExpr = CE->getCallee()->IgnoreParenImpCasts();
  SourceLocation NameLoc = CalleeExpr->getExprLoc();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(CalleeExpr))
    NameLoc = DRE->getLocation();

  SpelledCall Out;
  if (const FunctionDecl *FD = CE->getDirectCallee())
    if (FD->getIdentifier()) {
      Out.Name = FD->getName();
      Out.NameLoc = nameTokenAt(NameLoc, Out.Name, SM, LO);
    }
  SourceLocation Loc = NameLoc;
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, LO);
    SourceLocation Invocation = SM.getImmediateExpansionRange(Loc).getBegin();
    if (const TableName *N = lookupName(Macro); N && N->isCallRow())
      Out = {Macro, nameTokenAt(Invocation, Macro, SM, LO)};
    Loc = Invocation;
  }
  return Out;
}

std::string spelledName(const CallExpr *CE, const SourceManager &SM,
                        const LangOptions &LO) {
  StringRef Name = spelledCall(CE, SM, LO).Name;
  return Name.empty() ? "the call" : Name.str();
}

SpelledRow spelledRow(const CallExpr *CE, ApiId Callee,
                      const SourceManager &SM, const LangOptions &LO) {
  SpelledCall S = spelledCall(CE, SM, LO);
  if (std::optional<ApiId> Row = lookupApi(S.Name))
    if (*Row == Callee || (apiInfo(*Row).Spelling == SpellingKind::Macro &&
                           apiInfo(*Row).Target == Callee))
      return {*Row, S.NameLoc};
  return {Callee, SourceLocation()};
}

} // namespace condis
