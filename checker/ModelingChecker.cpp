//===-- ModelingChecker.cpp - condis.core.Modeling -------------*- C++ -*-===//
//
// Part of condis-check. No path-sensitive state of its own: it answers
// "which role type does this function implement?" for the other checkers.
//
//===----------------------------------------------------------------------===//

#include "ModelingChecker.h"
#include "Relevance.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState.h"

using namespace clang;
using namespace clang::ento;

namespace condis {

namespace {
const DriverFacts *ProjectFacts = nullptr;
} // namespace

void setProjectFacts(const DriverFacts *Facts) { ProjectFacts = Facts; }
const DriverFacts *projectFacts() { return ProjectFacts; }

bool ModelingChecker::decideConcerns(ASTContext &Ctx) const {
  Concerns = concernsCondis(Ctx, [this](StringRef Name) {
    return OptionFacts.roleTypeOf(Name) ||
           (ProjectFacts && (ProjectFacts->roleTypeOf(Name) ||
                             ProjectFacts->storedRoutineOf(Name)));
  });
  ConcernsTU = Ctx.getTranslationUnitDecl();
  return Concerns;
}

const DriverFacts &ModelingChecker::facts(ASTContext &Ctx) const {
  const void *TU = Ctx.getTranslationUnitDecl();
  if (FactsTU != TU) {
    // The whole-TU walk finds nothing in a file that concerns no checker.
    Facts = concerns(Ctx) ? DriverFacts::gather(Ctx) : DriverFacts();
    for (const auto &H : OptionFacts.handlers())
      Facts.addHandler(H.getKey(), H.getValue());
    if (ProjectFacts)
      Facts.merge(*ProjectFacts, /*KeepLocations=*/false);
    RoleOf.clear();
    FactsTU = TU;
  }
  return Facts;
}

std::optional<ApiId>
ModelingChecker::roleTypeOf(const FunctionDecl *FD) const {
  if (!FD)
    return std::nullopt;
  const DriverFacts &F = facts(FD->getASTContext());
  auto [It, New] = RoleOf.try_emplace(FD);
  if (New)
    It->second = F.roleTypeOf(FD);
  return It->second;
}

SVal ModelingChecker::handlerParam(ProgramStateRef State,
                                   const StackFrameContext *SFC, int Index) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(SFC->getDecl());
  if (!FD || Index < 0 || static_cast<unsigned>(Index) >= FD->getNumParams())
    return UnknownVal();
  const VarRegion *VR = State->getRegion(FD->getParamDecl(Index), SFC);
  return State->getSVal(VR);
}

void ModelingChecker::checkPostStmt(const CastExpr *CE,
                                    CheckerContext &C) const {
  if (CE->getCastKind() != CK_PointerToIntegral || !concerns(C.getASTContext()))
    return;
  // Only a constant the compiler folds (an offset from a null pointer);
  // other pointer-to-integer casts keep the analyzer's value.
  Expr::EvalResult Folded;
  if (CE->isValueDependent() || !CE->EvaluateAsInt(Folded, C.getASTContext()))
    return;
  SVal Offset = C.getSValBuilder().makeIntVal(Folded.Val.getInt());
  if (C.getSVal(CE) != Offset)
    C.addTransition(C.getState()->BindExpr(CE, C.getLocationContext(), Offset));
}

const StackFrameContext *topFrame(const LocationContext *LC) {
  const StackFrameContext *SFC = LC->getStackFrame();
  while (SFC->getParent())
    SFC = SFC->getParent()->getStackFrame();
  return SFC;
}

void registerModelingChecker(CheckerManager &Mgr) {
  auto *Chk = Mgr.registerChecker<ModelingChecker>();
  StringRef Value =
      Mgr.getAnalyzerOptions().getCheckerStringOption("condis", "Handlers");
  std::string Bad;
  if (!Chk->OptionFacts.addHandlersOption(Value, Bad)) {
    // The option belongs to the package, so name it as users write it.
    DiagnosticsEngine &Diags = Mgr.getASTContext().getDiagnostics();
    unsigned ID = Diags.getCustomDiagID(
        DiagnosticsEngine::Error,
        "invalid value for analyzer option 'condis:Handlers': expected a "
        "';'-separated list of FUNCTION:ROLE_TYPE pairs whose ROLE_TYPE is a "
        "role type of rules/condis.def (e.g. "
        "'MyCmDropParty:PROTOCOL_CM_DROP_PARTY'), got '%0'");
    Diags.Report(ID) << Bad;
  }
}

bool shouldRegisterModelingChecker(const CheckerManager &) { return true; }

} // namespace condis
