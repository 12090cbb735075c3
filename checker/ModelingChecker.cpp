//===-- ModelingChecker.cpp - condis.core.Modeling -------------*- C++ -*-===//
//
// Part of condis-check. No path-sensitive state of its own: it answers
// "which role type does this function implement?" for the other checkers.
//
//===----------------------------------------------------------------------===//

#include "ModelingChecker.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"

using namespace clang;
using namespace clang::ento;

namespace condis {

namespace {
const DriverFacts *ProjectFacts = nullptr;
} // namespace

void setProjectFacts(const DriverFacts *Facts) { ProjectFacts = Facts; }
const DriverFacts *projectFacts() { return ProjectFacts; }

const DriverFacts &ModelingChecker::facts(ASTContext &Ctx) const {
  const void *TU = Ctx.getTranslationUnitDecl();
  if (FactsTU != TU) {
    Facts = DriverFacts::gather(Ctx);
    for (const auto &H : OptionFacts.handlers())
      Facts.addHandler(H.getKey(), H.getValue());
    if (ProjectFacts)
      Facts.merge(*ProjectFacts, /*KeepLocations=*/false);
    FactsTU = TU;
  }
  return Facts;
}

std::optional<ApiId>
ModelingChecker::roleTypeOf(const FunctionDecl *FD) const {
  if (!FD)
    return std::nullopt;
  return facts(FD->getASTContext()).roleTypeOf(FD);
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
