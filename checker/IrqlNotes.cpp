//===-- IrqlNotes.cpp - Path notes for condis.Irql ---------------*- C++
//-*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "IrqlNotes.h"
#include "Irql.h"
#include "IrqlState.h"
#include "Sal.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/ProgramPoint.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExplodedGraph.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ento;
using namespace llvm;

namespace condis {
namespace {

bool isRowName(StringRef Name) {
  return lookupIrqlApi(Name) || lookupApi(Name);
}

/// The rules/irql.def row a call was written as, if any.
std::optional<IrqlApiId> rowOf(const CallExpr *CE, const SourceManager &SM,
                               const LangOptions &LO) {
  std::optional<IrqlApiId> Id = lookupIrqlApi(spelledName(CE, SM, LO));
  if (Id && irqlApiInfo(*Id).Spelling == SpellingKind::Macro)
    Id = irqlApiInfo(*Id).Target;
  return Id;
}

PathDiagnosticPieceRef eventAt(const Stmt *S, const ExplodedNode *N,
                               BugReporterContext &BRC, const Twine &Msg) {
  const SourceManager &SM = BRC.getSourceManager();
  // A call written through a macro (NDIS_RAISE_IRQL_TO_DISPATCH) is noted
  // where the driver wrote the macro.
  PathDiagnosticLocation Loc =
      S->getBeginLoc().isMacroID()
          ? PathDiagnosticLocation(SM.getExpansionLoc(S->getBeginLoc()), SM)
          : PathDiagnosticLocation(S, SM, N->getLocationContext());
  return std::make_shared<PathDiagnosticEventPiece>(Loc, Msg.str(), true);
}

/// A note at \p FD's name, underlining the name only.
PathDiagnosticPieceRef atName(const FunctionDecl *FD, BugReporterContext &BRC,
                              const Twine &Msg) {
  const SourceManager &SM = BRC.getSourceManager();
  PathDiagnosticLocation Loc(SM.getExpansionLoc(FD->getLocation()), SM);
  auto Piece = std::make_shared<PathDiagnosticEventPiece>(Loc, Msg.str(), true);
  Piece->addRange(FD->getNameInfo().getSourceRange());
  return Piece;
}

} // namespace

/// The inlined function whose entry \p N is, when the IRQL changed there:
/// condis.Irql narrowed it to the function's SAL annotation.
const FunctionDecl *
IrqlNoteVisitor::narrowedOnEntry(const ExplodedNode *N, ProgramStateRef Now,
                                 ProgramStateRef Before) const {
  if (!Sal || !N->getLocationContext()->getParent() ||
      irqlstate::current(Now) == irqlstate::current(Before))
    return nullptr;
  std::optional<BlockEdge> Edge = N->getLocationAs<BlockEdge>();
  if (!Edge || !Edge->getSrc()->pred_empty())
    return nullptr;
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(N->getStackFrame()->getDecl());
  if (!FD || !FD->getIdentifier() || !Sal->factsFor(FD).requirement())
    return nullptr;
  return FD;
}

std::string spelledName(const CallExpr *CE, const SourceManager &SM,
                        const LangOptions &LO) {
  // The outermost table macro is what the driver wrote: NdisAcquireSpinLock
  // over KeAcquireSpinLock over KeAcquireSpinLockRaiseToDpc in the WDK.
  std::string Outermost;
  SourceLocation Loc = CE->getCallee()->getBeginLoc();
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    StringRef Macro = Lexer::getImmediateMacroName(Loc, SM, LO);
    if (isRowName(Macro))
      Outermost = Macro.str();
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  if (!Outermost.empty())
    return Outermost;
  if (const FunctionDecl *FD = CE->getDirectCallee())
    if (FD->getIdentifier())
      return FD->getName().str();
  return "the call";
}

/// The text of \p E as the driver wrote it: the expression itself, or,
/// inside a macro (NdisAcquireSpinLock(&A->Lock) expanding to
/// KeAcquireSpinLock(&(&A->Lock)->SpinLock, ...)), the largest part of it
/// that came from the macro's arguments.
static StringRef writtenText(const Expr *E, const SourceManager &SM,
                             const LangOptions &LO) {
  SourceLocation B = E->getBeginLoc(), End = E->getEndLoc();
  if (!B.isMacroID() && !End.isMacroID())
    return Lexer::getSourceText(
        CharSourceRange::getTokenRange(E->getSourceRange()), SM, LO);
  if (SM.isMacroArgExpansion(B) && SM.isMacroArgExpansion(End)) {
    // Only text inside the driver's own macro invocation counts, not text
    // of a header macro's body that an inner macro received as argument.
    CharSourceRange Call = SM.getExpansionRange(B);
    SourceLocation SB = SM.getSpellingLoc(B), SE = SM.getSpellingLoc(End);
    if (SM.getFileID(SB) == SM.getFileID(SE) &&
        SM.getFileID(SB) == SM.getFileID(Call.getBegin()) &&
        !SM.isBeforeInTranslationUnit(SB, Call.getBegin()) &&
        !SM.isBeforeInTranslationUnit(Call.getEnd(), SE) &&
        !SM.isBeforeInTranslationUnit(SE, SB))
      return Lexer::getSourceText(CharSourceRange::getTokenRange(SB, SE), SM,
                                  LO);
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child)) {
      StringRef T = writtenText(CE, SM, LO);
      if (!T.empty())
        return T;
    }
  return "";
}

std::string lockName(const Expr *Arg, const MemRegion *R,
                     const ASTContext &Ctx) {
  if (Arg) {
    StringRef Text =
        writtenText(Arg, Ctx.getSourceManager(), Ctx.getLangOpts()).trim();
    if (Text.consume_front("&"))
      Text = Text.ltrim();
    if (!Text.empty() && Text.size() < 80 && !Text.contains('\n'))
      return ("'" + Text + "'").str();
  }
  if (!R || !isa<VarRegion>(R))
    return "a spin lock";
  std::string S;
  raw_string_ostream OS(S);
  if (R->canPrintPretty()) {
    OS << "'";
    R->printPretty(OS);
    OS << "'";
    return S;
  }
  return "a spin lock";
}

void IrqlNoteVisitor::Profile(FoldingSetNodeID &ID) const {
  static int Tag;
  ID.AddPointer(&Tag);
  ID.AddPointer(TopFunction);
}

PathDiagnosticPieceRef IrqlNoteVisitor::VisitNode(const ExplodedNode *N,
                                                  BugReporterContext &BRC,
                                                  PathSensitiveBugReport &) {
  const ExplodedNode *Pred = N->getFirstPred();
  if (!Pred)
    return nullptr;
  ProgramStateRef Now = N->getState(), Before = Pred->getState();

  // Why the function started at its IRQL: said once, at its name (a Decl
  // location would underline the whole body in text output).
  if (!irqlstate::entry(Before) && irqlstate::entry(Now) && TopFunction &&
      !EntryWhy.empty())
    return atName(TopFunction, BRC, EntryWhy);
  if (const FunctionDecl *Inlined = narrowedOnEntry(N, Now, Before)) {
    SalFacts F = Sal->factsFor(Inlined);
    return atName(Inlined, BRC,
                  "'" + Inlined->getName() + "' is annotated " +
                      F.RequirementText + ": IRQL is " +
                      irqlstate::current(Now).describe() + " on entry");
  }

  const Stmt *S = N->getStmtForDiagnostics();
  if (!S)
    return nullptr;
  const auto *CE = dyn_cast<CallExpr>(S);
  const SourceManager &SM = BRC.getSourceManager();
  const LangOptions &LO = BRC.getASTContext().getLangOpts();

  IrqlRange New = irqlstate::current(Now), Old = irqlstate::current(Before);
  if (New != Old && !New.isUnknown()) {
    if (!CE)
      return eventAt(S, N, BRC, "IRQL is " + New.describe() + " on this path");
    std::string Api = spelledName(CE, SM, LO);
    std::optional<IrqlApiId> Row = rowOf(CE, SM, LO);
    IrqlEffect Eff = Row ? irqlApiInfo(*Row).Effect : IrqlEffect::None;
    bool Up = Eff == IrqlEffect::Raise || Eff == IrqlEffect::Acquire ||
              (Eff == IrqlEffect::None && New.Lo >= Old.Lo && New.Hi >= Old.Hi);
    bool Down =
        Eff == IrqlEffect::Lower || Eff == IrqlEffect::Release ||
        (Eff == IrqlEffect::None && New.Lo <= Old.Lo && New.Hi <= Old.Hi);
    if (Eff == IrqlEffect::Query)
      return eventAt(S, N, BRC,
                     "IRQL is " + New.describe() + " here (" + Api + ")");
    StringRef Verb = Up ? "raised" : Down ? "lowered" : "set";
    // "IRQL raised to DISPATCH_LEVEL here (NdisAcquireSpinLock)"; a range
    // reads "IRQL lowered here (KeLowerIrql): now IRQL <= DISPATCH_LEVEL".
    if (New.isExact())
      return eventAt(S, N, BRC,
                     "IRQL " + Verb + " to " + New.describe() + " here (" +
                         Api + ")");
    return eventAt(S, N, BRC,
                   "IRQL " + Verb + " here (" + Api + "): now " +
                       New.describe());
  }
  if (!CE)
    return nullptr;

  const ASTContext &Ctx = BRC.getASTContext();
  for (const auto &[R, L] : irqlstate::heldLocks(Now)) {
    const LockState *Prev = irqlstate::lock(Before, R);
    if (!Prev || !Prev->Held)
      return eventAt(S, N, BRC,
                     "Spin lock " + lockName(L.Spelled, R, Ctx) +
                         " acquired here (" + spelledName(CE, SM, LO) + ")");
  }
  for (const auto &[R, L] : irqlstate::heldLocks(Before)) {
    const LockState *Cur = irqlstate::lock(Now, R);
    if (Cur && !Cur->Held)
      return eventAt(S, N, BRC,
                     "Spin lock " + lockName(L.Spelled, R, Ctx) +
                         " released here (" + spelledName(CE, SM, LO) + ")");
  }
  return nullptr;
}

} // namespace condis
