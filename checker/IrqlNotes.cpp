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
#include "Spelling.h"
#include "TableNames.h"

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
  const TableName *N = lookupName(Name);
  return N && N->isCallRow();
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

/// Whether the token at \p Loc is the driver's: written in its source or
/// in a macro of its own, not in the body of a rule-table macro
/// (NdisAcquireSpinLock) or of another header's macro.
static bool isDriversToken(SourceLocation Loc, const SourceManager &SM,
                           const LangOptions &LO) {
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    if (isRowName(Lexer::getImmediateMacroName(Loc, SM, LO)))
      return false;
    return !SM.isInSystemHeader(SM.getSpellingLoc(Loc));
  }
  return Loc.isValid() && !SM.isInSystemHeader(Loc);
}

/// The outermost part of \p E the driver wrote: all of it, or, inside a
/// header macro (NdisAcquireSpinLock(&A->Lock) expanding to
/// KeAcquireSpinLockRaiseToDpc(&(&A->Lock)->SpinLock)), the part that came
/// from the driver's argument.
static const Expr *driversPart(const Expr *E, const SourceManager &SM,
                               const LangOptions &LO) {
  if (isDriversToken(E->getBeginLoc(), SM, LO) &&
      isDriversToken(E->getEndLoc(), SM, LO))
    return E;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (const Expr *Part = driversPart(CE, SM, LO))
        return Part;
  return nullptr;
}

/// Where \p Loc was written in a file, if the token was written there
/// directly (possibly as a macro argument), not in a macro's body.
static SourceLocation writtenInFile(SourceLocation Loc,
                                    const SourceManager &SM) {
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc))
      return {};
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return Loc;
}

/// \p E as a driver writes a lock: names, member accesses and subscripts,
/// no parentheses around them. What the driver's own macros expand to
/// reads the same way (&(pA)->Lock with pA = pAdapt: &pAdapt->Lock).
static void printLock(const Expr *E, raw_ostream &OS,
                      const PrintingPolicy &PP) {
  E = E->IgnoreImpCasts();
  if (const auto *P = dyn_cast<ParenExpr>(E)) {
    const Expr *In = P->getSubExpr()->IgnoreImpCasts();
    if (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, ParenExpr>(In))
      return printLock(In, OS, PP);
    OS << '(';
    printLock(In, OS, PP);
    OS << ')';
    return;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    OS << DRE->getDecl()->getName();
    return;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E);
      ME && ME->getMemberDecl()->getIdentifier()) {
    printLock(ME->getBase(), OS, PP);
    OS << (ME->isArrow() ? "->" : ".") << ME->getMemberDecl()->getName();
    return;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    printLock(AS->getBase(), OS, PP);
    OS << '[';
    AS->getIdx()->printPretty(OS, nullptr, PP);
    OS << ']';
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)) {
    OS << (UO->getOpcode() == UO_AddrOf ? "&" : "*");
    printLock(UO->getSubExpr(), OS, PP);
    return;
  }
  E->printPretty(OS, nullptr, PP);
}

/// The lock \p Arg names, as the driver wrote it, without the '&' that
/// passes it and without enclosing parentheses.
static std::string writtenLock(const Expr *Arg, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const Expr *E = driversPart(Arg, SM, LO);
  if (!E)
    return "";
  std::string Text;
  SourceLocation B = writtenInFile(E->getBeginLoc(), SM),
                 End = writtenInFile(E->getEndLoc(), SM);
  if (B.isValid() && End.isValid() && SM.getFileID(B) == SM.getFileID(End) &&
      !SM.isBeforeInTranslationUnit(End, B)) {
    Text = Lexer::getSourceText(CharSourceRange::getTokenRange(B, End), SM, LO)
               .str();
  } else {
    raw_string_ostream OS(Text);
    printLock(E, OS, PrintingPolicy(LO));
  }
  StringRef T = StringRef(Text).trim();
  for (bool Stripped = true; Stripped;) {
    Stripped = false;
    if (T.consume_front("&")) {
      T = T.ltrim();
      Stripped = true;
    }
    // (X) as a whole, not (A)->B.
    if (T.starts_with("(") && T.ends_with(")")) {
      int Depth = 0;
      size_t I = 0;
      for (; I < T.size(); ++I) {
        Depth += T[I] == '(' ? 1 : T[I] == ')' ? -1 : 0;
        if (Depth == 0)
          break;
      }
      if (I == T.size() - 1) {
        T = T.drop_front().drop_back().trim();
        Stripped = true;
      }
    }
  }
  return T.str();
}

std::string lockName(const Expr *Arg, const MemRegion *R,
                     const ASTContext &Ctx) {
  if (Arg) {
    std::string Text = writtenLock(Arg, Ctx);
    if (!Text.empty() && Text.size() < 80 &&
        Text.find('\n') == std::string::npos)
      return "'" + Text + "'";
  }
  if (!R || !isa<VarRegion>(R) || !R->canPrintPretty())
    return "";
  std::string S;
  raw_string_ostream OS(S);
  OS << "'";
  R->printPretty(OS);
  OS << "'";
  return S;
}

std::string spinLockSubject(const std::string &Name) {
  return Name.empty() ? "A spin lock" : "Spin lock " + Name;
}

std::string spinLockObject(const std::string &Name) {
  return Name.empty() ? "a spin lock" : "spin lock " + Name;
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
                     spinLockSubject(lockName(L.Spelled, R, Ctx)) +
                         " acquired here (" + spelledName(CE, SM, LO) + ")");
  }
  for (const auto &[R, L] : irqlstate::heldLocks(Before)) {
    const LockState *Cur = irqlstate::lock(Now, R);
    if (Cur && !Cur->Held)
      return eventAt(S, N, BRC,
                     spinLockSubject(lockName(L.Spelled, R, Ctx)) +
                         " released here (" + spelledName(CE, SM, LO) + ")");
  }
  return nullptr;
}

} // namespace condis
