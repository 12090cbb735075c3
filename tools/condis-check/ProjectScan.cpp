//===-- ProjectScan.cpp - The project-wide pre-pass -----------------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "ProjectScan.h"

#include "Api.h"
#include "CallFacts.h"
#include "CrossFileRule.h"
#include "Operations.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/MD5.h"
#include <set>

using namespace clang;

namespace condis::cli {
namespace {

/// The status a handler returns to pend the request, as the WDK spells the
/// macro; its value (also STATUS_PENDING's) is CallFacts.h's StatusPending.
constexpr llvm::StringLiteral PendingMacro = "NDIS_STATUS_PENDING";


class Scanner : public RecursiveASTVisitor<Scanner> {
public:
  Scanner(ASTContext &Ctx, TUScan &Out, StringRef Directory)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Out(Out), Directory(Directory) {}

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || !FD->getIdentifier())
      return true;
    if (const Stmt *Pend = firstPendingReturn(FD->getBody()))
      Out.Pending.push_back(
          {FD->getName().str(), positionOf(FD->getLocation(), SM, Directory),
           positionOf(Pend->getBeginLoc(), SM, Directory), ""});
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    // A call, or the address taken to call it later: either way the driver
    // has a way to complete the operation.
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      if (FD->getIdentifier())
        if (auto Id = lookupApi(FD->getName()))
          if (const OperationInfo *Op = operationOfCompletion(*Id))
            Out.CompletionsReferenced.insert(Op->Id);
    return true;
  }

private:
  bool isPendingConstant(const Expr *E) const {
    for (SourceLocation L = E->getBeginLoc(); L.isMacroID();
         L = SM.getImmediateMacroCallerLoc(L))
      if (Lexer::getImmediateMacroName(L, SM, Ctx.getLangOpts()) ==
          PendingMacro)
        return true;
    Expr::EvalResult R;
    return !E->isValueDependent() && E->EvaluateAsInt(R, Ctx) &&
           R.Val.getInt() == StatusPending;
  }

  bool canBePending(const Expr *E,
                    const llvm::SmallPtrSetImpl<const VarDecl *> &Vars) const {
    if (!E)
      return false;
    E = E->IgnoreParenCasts();
    if (isPendingConstant(E))
      return true;
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
      return canBePending(CO->getTrueExpr(), Vars) ||
             canBePending(CO->getFalseExpr(), Vars);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        return Vars.contains(VD);
    return false;
  }

  /// Walks \p Body twice: first the locals that are ever given PENDING, then
  /// the first return (in source order) that can hand one back.
  const Stmt *firstPendingReturn(const Stmt *Body) const {
    llvm::SmallPtrSet<const VarDecl *, 4> Vars;
    std::vector<const ReturnStmt *> Returns;
    // Assignments of a local to a local ("Status = Pending;") settle after
    // a few rounds; the bound keeps pathological code cheap.
    for (int Round = 0; Round < 4; ++Round) {
      size_t Before = Vars.size();
      Returns.clear();
      collect(Body, Vars, Returns);
      if (Vars.size() == Before)
        break;
    }
    for (const ReturnStmt *R : Returns)
      if (canBePending(R->getRetValue(), Vars))
        return R;
    return nullptr;
  }

  void collect(const Stmt *S, llvm::SmallPtrSetImpl<const VarDecl *> &Vars,
               std::vector<const ReturnStmt *> &Returns) const {
    if (!S)
      return;
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      Returns.push_back(R);
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->hasLocalStorage() && canBePending(VD->getInit(), Vars))
            Vars.insert(VD);
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      if (BO->getOpcode() == BO_Assign)
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (VD->hasLocalStorage() && canBePending(BO->getRHS(), Vars))
              Vars.insert(VD);
    for (const Stmt *Child : S->children())
      collect(Child, Vars, Returns);
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  TUScan &Out;
  StringRef Directory;
};

std::string fingerprint(llvm::StringRef Rule, llvm::StringRef Function,
                        llvm::StringRef What) {
  llvm::MD5 Hash;
  Hash.update(Rule);
  Hash.update("$");
  Hash.update(Function);
  Hash.update("$");
  Hash.update(What);
  llvm::MD5::MD5Result R;
  Hash.final(R);
  return std::string(R.digest());
}

} // namespace

TUScan scanTranslationUnit(ASTContext &Ctx, StringRef MainFile,
                           StringRef Directory) {
  TUScan Out;
  Out.Facts = DriverFacts::gather(Ctx);
  // Evidence positions as the pre-pass reports them: absolute paths. A
  // registration inside a system header says nothing about the driver (the
  // role checker ignores those in its own file too), and once the location
  // is gone nobody could tell.
  DriverFacts Absolute;
  for (const auto &H : Out.Facts.handlers())
    Absolute.addHandler(H.getKey(), H.getValue());
  for (const auto &R : Out.Facts.storedRoutines())
    Absolute.addStoredRoutine(R.getKey(), R.getValue());
  const SourceManager &SM = Ctx.getSourceManager();
  for (RoleEvidence E : Out.Facts.roleEvidence()) {
    if (E.Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(E.Loc)))
      continue;
    E.File = absolutePath(Directory, E.File);
    E.Loc = SourceLocation();
    Absolute.addEvidence(std::move(E));
  }
  // Fields this file's functions test before completing a request: a
  // handler in another file that sets one hands its request off.
  for (NamedMark &M : CompletionMarks(Ctx, {}).named())
    Absolute.addMark(std::move(M));
  Out.Facts = std::move(Absolute);
  Scanner(Ctx, Out, Directory).TraverseDecl(Ctx.getTranslationUnitDecl());
  for (PendingFunction &P : Out.Pending)
    P.OwnerTU = MainFile.str();
  return Out;
}

void ProjectFacts::add(StringRef TU, const TUScan &Scan) {
  Facts.merge(Scan.Facts, /*KeepLocations=*/false);
  for (const PendingFunction &P : Scan.Pending)
    if (llvm::none_of(Pending, [&](const PendingFunction &Q) {
          return Q.Name == P.Name;
        }))
      Pending.push_back(P);
  CompletionsReferenced.insert(Scan.CompletionsReferenced.begin(),
                               Scan.CompletionsReferenced.end());
}

std::vector<Finding> pendingNeverCompleted(const ProjectFacts &Project,
                                           const llvm::StringSet<> &Analysed) {
  std::vector<Finding> Out;
  std::set<ApiRole> Roles;
  for (const RoleEvidence &E : Project.Facts.roleEvidence())
    Roles.insert(E.Role);

  for (const PendingFunction &P : Project.Pending) {
    std::optional<ApiId> RoleType = Project.Facts.roleTypeOf(P.Name);
    if (!RoleType || !Analysed.contains(P.OwnerTU))
      continue;
    std::optional<UncompletedHandler> U = uncompletedHandler(
        *RoleType, P.Name, Project.CompletionsReferenced, Roles);
    if (!U)
      continue;
    Finding F;
    F.RuleId = U->Checker;
    F.Where = P.Definition;
    F.Message = U->Message;
    if (U->RoleDecides) {
      const RoleEvidence &E = Project.Facts.roleEvidence().front();
      Note N;
      N.Where = {E.File, E.Line, E.Column};
      N.Related = true; // the place that decides the role, not a path step
      N.Message = ("driver registers as a " + roleName(E.Role) + " here (" +
                   E.Callee + ")")
                      .str();
      F.Path.push_back(std::move(N));
    }
    F.Path.push_back(
        {P.Return, "'" + P.Name + "' returns NDIS_STATUS_PENDING here"});
    F.Fingerprint = fingerprint(F.RuleId, P.Name, "pending-never-completed");
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace condis::cli
