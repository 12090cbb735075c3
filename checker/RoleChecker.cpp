//===-- RoleChecker.cpp - condis.Role ---------------------------*- C++ -*-===//
//
// Part of condis-check.
//
// Contract. A stand-alone call manager (a protocol driver) calls the NdisCm*
// and NdisCo* forms of the call-manager API; a miniport call manager (MCM)
// calls the NdisMCm* forms wherever rules/condis.def has one (the Counterpart
// column). condis.Role reports, at the call:
//   - an MCM calling a CM or protocol-driver form whose MCM counterpart
//     exists, directly or through any macro other than the MCM macro;
//   - a CM calling an NdisMCm* form, directly or through its macro;
//   - a translation unit whose registration calls say both roles (once, at
//     the first registration that disagrees, with a note at the first one).
// Each call report carries a fix-it that renames the spelled form to its
// counterpart when the headers in use provide the counterpart with the same
// number of arguments.
//
// The role comes from condis.Role:DriverRole (auto|cm|mcm); with auto, from
// the registration calls condis.core.Modeling found (DriverFacts role
// evidence: NdisMRegisterMiniportDriver, NdisMCmRegisterAddressFamily(Ex)
// -> MCM; NdisRegisterProtocolDriver, NdisCmRegisterAddressFamily(Ex) ->
// CM). No evidence and no option: no report. A file without registrations
// of its own takes those condis-check's pre-pass found in other files (same
// directory first), when they name one role; the report then names that
// registration in its message, since a note cannot point into a file the
// analysis has not loaded.
//
// The WDK writes most NdisMCm* forms as macros over the NdisCm* functions,
// so the callee of the CallExpr does not say which form the driver wrote:
// the spelling is recovered from the macro expansion chain of the callee
// name (see spelledForm below).
//
// Why an AST checker (check::EndOfTranslationUnit) and not check::PreCall:
// the role is a property of the whole translation unit, known only once
// every registration call has been seen; a wrong spelling is wrong on every
// path, including paths the engine never explores (a handler it does not
// reach, code behind an infeasible branch); and each call must be reported
// exactly once, not once per path or per inlining context. There is no
// program state, hence no REGISTER_*_WITH_PROGRAMSTATE and no printState.
//
//    -analyzer-config             registration calls
//    condis.Role:DriverRole       (DriverFacts::roleEvidence)
//         | cm / mcm                   | auto
//         v                            v
//    +----------+   none        +--------------+  CM and MCM
//    | role set |<-- one role --| infer role   |-------------> REPORT conflict
//    +----------+               +--------------+              (once per TU)
//         |                        | no evidence
//         |                        +-------------> silent
//         v
//    every call to a table row, judged by its spelled form S
//         | role CM,  S is an MCM form                       -> REPORT + fix-it
//         | role MCM, S is a CM/Co form with an MCM form     -> REPORT + fix-it
//         | otherwise                                        -> silent
//
//===----------------------------------------------------------------------===//

#include "Api.h"
#include "DriverFacts.h"
#include "ModelingChecker.h"
#include "RoleOption.h"
#include "Spelling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ento;
using namespace llvm;

namespace condis {
namespace {

//===----------------------------------------------------------------------===//
// The rule table, checked by the compiler
//===----------------------------------------------------------------------===//

// A third expansion of rules/condis.def, as constexpr data, so that the
// role pairs the checker relies on are verified at build time.
struct PairRow {
  ApiId Self;
  SpellingKind Spelling;
  ApiId Target;
  ApiRole Role;
  ApiId Counterpart;
};

constexpr PairRow PairRows[] = {
#define CONDIS_API(Name, Sp, Target, Role, Max, Min, Eff, StatusArg, PartyArg, \
                   Counterpart)                                                \
  {ApiId::Name, SpellingKind::Sp, ApiId::Target, ApiRole::Role,                \
   ApiId::Counterpart},
#include "condis.def"
};

constexpr const PairRow &pairRow(ApiId Id) {
  return PairRows[static_cast<unsigned>(Id) - 1];
}

/// The side of a pair a stand-alone call manager (protocol driver) calls.
constexpr bool isProtocolSide(ApiRole R) {
  return R == ApiRole::Cm || R == ApiRole::ClientOrCm;
}

/// Every NdisCm*/NdisMCm* row has a counterpart; counterparts are mutual and
/// join an MCM form to a CM or protocol-driver form; an MCM macro expands
/// to its own counterpart (so renaming the spelling is the whole fix).
constexpr bool rolePairsAreConsistent() {
  for (const PairRow &R : PairRows) {
    if ((R.Role == ApiRole::Cm || R.Role == ApiRole::Mcm) &&
        R.Counterpart == ApiId::None)
      return false;
    if (R.Counterpart == ApiId::None)
      continue;
    const PairRow &C = pairRow(R.Counterpart);
    if (C.Counterpart != R.Self)
      return false;
    if (!(R.Role == ApiRole::Mcm
              ? isProtocolSide(C.Role)
              : isProtocolSide(R.Role) && C.Role == ApiRole::Mcm))
      return false;
    if (R.Spelling == SpellingKind::Macro &&
        (R.Role != ApiRole::Mcm || R.Target != R.Counterpart))
      return false;
  }
  return true;
}
static_assert(rolePairsAreConsistent(),
              "rules/condis.def: a Counterpart is missing, one-sided, joins "
              "two forms of the same role, or an MCM macro's Target is not "
              "its Counterpart");

constexpr unsigned countMcmForms(SpellingKind K) {
  unsigned N = 0;
  for (const PairRow &R : PairRows)
    N += R.Role == ApiRole::Mcm && R.Spelling == K;
  return N;
}
// condis-api.tsv: 17 NdisMCm* macros (16 current + the NDIS 5 legacy
// NdisMCmRequestComplete) and 8 real NdisMCm* functions.
static_assert(countMcmForms(SpellingKind::Macro) == 17 &&
                  countMcmForms(SpellingKind::Function) == 8,
              "rules/condis.def lost or gained an NdisMCm* row");

//===----------------------------------------------------------------------===//
// The checker
//===----------------------------------------------------------------------===//

/// The call-manager role of a driver: ApiRole::Cm or ApiRole::Mcm.
bool callsMcmForms(ApiRole DriverRole) { return DriverRole == ApiRole::Mcm; }

StringRef driverNoun(ApiRole DriverRole) {
  return callsMcmForms(DriverRole) ? "a miniport call manager"
                                   : "a stand-alone call manager";
}

/// Who may call a form, in the words of the reference pages.
StringRef formOwner(ApiRole FormRole) {
  switch (FormRole) {
  case ApiRole::Mcm:
    return "miniport call managers";
  case ApiRole::Cm:
    return "stand-alone call managers";
  default:
    return "CoNDIS protocol drivers (clients and stand-alone call managers)";
  }
}

/// A call to a table row, and the function it is in.
struct TableCall {
  const CallExpr *Call;
  ApiId Callee;
  const Decl *InDecl;
};

class RoleChecker : public Checker<check::EndOfTranslationUnit> {
public:
  DriverRoleOption Option = DriverRoleOption::Auto;
  const ModelingChecker *Modeling = nullptr;

  void checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                 AnalysisManager &Mgr, BugReporter &BR) const;

private:
  const BugType WrongRoleForm{this, "Call-manager API of the wrong role",
                              Category};
  const BugType ConflictingRoles{this, "Driver registers as both CM and MCM",
                                 Category};
  static constexpr const char *Category = "CoNDIS";

  void reportConflict(const RoleEvidence &First, const RoleEvidence &Second,
                      const Decl *InDecl, BugReporter &BR) const;
  void checkCall(const TableCall &C, ApiRole DriverRole,
                 const RoleEvidence *Why, AnalysisManager &Mgr,
                 BugReporter &BR) const;
};

/// Collects, in source order, every call to a table row outside system
/// headers, and the function each call site is in.
class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  CallCollector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    const Decl *Saved = Current;
    if (isa_and_nonnull<FunctionDecl>(D))
      Current = D;
    bool Continue = RecursiveASTVisitor::TraverseDecl(D);
    Current = Saved;
    return Continue;
  }

  bool VisitCallExpr(CallExpr *CE) {
    SourceLocation Loc = SM.getExpansionLoc(CE->getBeginLoc());
    DeclAt.try_emplace(Loc, Current);
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getIdentifier() || SM.isInSystemHeader(Loc))
      return true;
    if (std::optional<ApiId> Id = lookupApi(FD->getName()))
      Calls.push_back({CE, *Id, Current});
    return true;
  }

  std::vector<TableCall> Calls;
  DenseMap<SourceLocation, const Decl *> DeclAt;

private:
  const SourceManager &SM;
  const Decl *Current = nullptr;
};

/// \p Loc in the file the driver wrote: a macro argument where it was
/// written, a macro body at the macro's invocation.
PathDiagnosticLocation at(SourceLocation Loc, const SourceManager &SM) {
  return PathDiagnosticLocation(SM.getFileLoc(Loc), SM);
}

/// The directory of the main file, spelt as DriverFacts spells the files of
/// role evidence (absolute, without dots).
std::string mainFileDirectory(const SourceManager &SM) {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return "";
  SmallString<256> Path(Main->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return sys::path::parent_path(Path).str();
}

/// "NdisMRegisterMiniportDriver at miniport.c:13": a registration in
/// another file, which a path note cannot point at.
std::string elsewhere(const RoleEvidence &E) {
  return (Twine(E.Callee) + " at " + sys::path::filename(E.File) + ":" +
          Twine(E.Line))
      .str();
}

std::string evidenceNote(const RoleEvidence &E) {
  return (Twine("Driver registers as ") + driverNoun(E.Role) + " here (" +
          E.Callee + ")")
      .str();
}

void RoleChecker::checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                            AnalysisManager &Mgr,
                                            BugReporter &BR) const {
  ASTContext &Ctx = Mgr.getASTContext();
  // A file that declares no table row calls none: no walk over plain C.
  if (!Modeling->concerns(Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  CallCollector Collector(SM);
  Collector.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));

  std::optional<ApiRole> Role;
  const RoleEvidence *Why = nullptr;
  if (Option == DriverRoleOption::Cm)
    Role = ApiRole::Cm;
  else if (Option == DriverRoleOption::Mcm)
    Role = ApiRole::Mcm;
  else {
    // The file's own registrations decide, a conflict among them included.
    // Without any, those condis-check's pre-pass found in the other files
    // of the project (no SourceLocation here): in the same directory, else
    // anywhere, when they name one role. A compilation database may hold
    // several drivers, so registrations of both roles in other files are
    // no conflict of this file's driver, only no answer.
    SmallVector<const RoleEvidence *, 4> Own, SameDir, Project;
    std::string Dir = mainFileDirectory(SM);
    for (const RoleEvidence &E : Modeling->facts(Ctx).roleEvidence()) {
      if (E.Loc.isInvalid()) {
        Project.push_back(&E);
        if (sys::path::parent_path(E.File) == Dir)
          SameDir.push_back(&E);
      } else if (!SM.isInSystemHeader(SM.getExpansionLoc(E.Loc))) {
        Own.push_back(&E);
      }
    }
    auto Disagreeing = [](ArrayRef<const RoleEvidence *> Es) {
      return llvm::find_if(Es, [&](const RoleEvidence *E) {
        return E->Role != Es.front()->Role;
      });
    };
    if (!Own.empty()) {
      if (auto It = Disagreeing(Own); It != Own.end()) {
        reportConflict(*Own.front(), **It,
                       Collector.DeclAt.lookup(SM.getExpansionLoc((*It)->Loc)),
                       BR);
        return;
      }
      Why = Own.front();
    } else {
      ArrayRef<const RoleEvidence *> From = SameDir.empty() ? Project : SameDir;
      if (From.empty() || Disagreeing(From) != From.end())
        return;
      Why = From.front();
    }
    Role = Why->Role;
  }

  for (const TableCall &C : Collector.Calls)
    checkCall(C, *Role, Why, Mgr, BR);
}

void RoleChecker::reportConflict(const RoleEvidence &First,
                                 const RoleEvidence &Second, const Decl *InDecl,
                                 BugReporter &BR) const {
  const SourceManager &SM = BR.getSourceManager();
  std::string Msg;
  raw_string_ostream OS(Msg);
  OS << "Driver registers as " << driverNoun(Second.Role) << " here ("
     << Second.Callee << ") but as " << driverNoun(First.Role) << " elsewhere ("
     << First.Callee
     << "); a call manager is one or the other: keep the registrations of "
        "one role, or set -analyzer-config condis.Role:DriverRole=cm|mcm";
  auto R = std::make_unique<BasicBugReport>(ConflictingRoles, Msg,
                                            at(Second.Loc, SM));
  R->setDeclWithIssue(InDecl);
  R->addNote(evidenceNote(First), at(First.Loc, SM));
  BR.emitReport(std::move(R));
}

/// How many arguments \p Name takes in the headers in use: a function-like
/// macro's parameters or a declared function's, if either exists.
std::optional<unsigned> availableArity(StringRef Name, ASTContext &Ctx,
                                       Preprocessor &PP) {
  IdentifierInfo &II = Ctx.Idents.get(Name);
  if (const MacroInfo *MI = PP.getMacroInfo(&II))
    return MI->isFunctionLike() ? std::optional<unsigned>(MI->getNumParams())
                                : std::nullopt;
  for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(&II))
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      return FD->getNumParams();
  return std::nullopt;
}

void RoleChecker::checkCall(const TableCall &C, ApiRole DriverRole,
                            const RoleEvidence *Why, AnalysisManager &Mgr,
                            BugReporter &BR) const {
  ASTContext &Ctx = Mgr.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  SpelledRow S = spelledRow(C.Call, C.Callee, SM, Ctx.getLangOpts());
  const ApiInfo &Written = apiInfo(S.Id);
  if (Written.Counterpart == ApiId::None)
    return;
  bool WrittenIsMcmForm = Written.Role == ApiRole::Mcm;
  if (WrittenIsMcmForm == callsMcmForms(DriverRole))
    return;
  const ApiInfo &Instead = apiInfo(Written.Counterpart);

  std::optional<unsigned> Arity =
      availableArity(Instead.Name, Ctx, Mgr.getPreprocessor());
  bool CanRename = Arity && *Arity == C.Call->getNumArgs() &&
                   S.NameLoc.isValid() && !SM.isInSystemHeader(S.NameLoc);

  std::string Msg;
  raw_string_ostream OS(Msg);
  OS << Written.Name << " is for " << formOwner(Written.Role);
  if (Why && Why->Loc.isInvalid())
    OS << ", but this driver registers as " << driverNoun(DriverRole) << " ("
       << elsewhere(*Why) << ")";
  else
    OS << ", but this driver is " << driverNoun(DriverRole);
  OS << "; call " << Instead.Name << " instead";
  if (!Arity)
    OS << " (the headers in use do not declare it; the WDK's ndis.h does)";
  else if (*Arity != C.Call->getNumArgs())
    OS << " (it takes " << *Arity << " arguments, not " << C.Call->getNumArgs()
       << ")";

  auto R = std::make_unique<BasicBugReport>(WrongRoleForm, Msg,
                                            at(C.Call->getBeginLoc(), SM));
  R->setDeclWithIssue(C.InDecl);
  R->addRange(C.Call->getSourceRange());
  if (CanRename)
    R->addFixItHint(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(S.NameLoc), Instead.Name));
  if (Why && Why->Loc.isValid())
    R->addNote(evidenceNote(*Why), at(Why->Loc, SM));
  BR.emitReport(std::move(R));
}

} // namespace

void registerRoleChecker(CheckerManager &Mgr) {
  auto *Chk = Mgr.registerChecker<RoleChecker>();
  Chk->Modeling = Mgr.getChecker<ModelingChecker>();
  StringRef Value =
      Mgr.getAnalyzerOptions().getCheckerStringOption(Chk, "DriverRole");
  if (std::optional<DriverRoleOption> Option = parseDriverRoleOption(Value)) {
    Chk->Option = *Option;
  } else {
    DiagnosticsEngine &Diags = Mgr.getASTContext().getDiagnostics();
    unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    Diags.Report(ID) << driverRoleOptionError(Value);
  }
}

bool shouldRegisterRoleChecker(const CheckerManager &) { return true; }

} // namespace condis
