//===-- DebugFactsChecker.cpp - debug.CondisFacts ---------------*- C++ -*-===//
//
// Part of condis-check. A developer checker in clang's debug package, like
// debug.DumpCallGraph: at the end of a translation unit it reports, as one
// warning per fact, what condis.core.Modeling knows about the driver there:
//
//   handler 'MyCmDropParty' implements PROTOCOL_CM_DROP_PARTY
//   routine 'MyIsr' is an ISR: it runs at device IRQL (stored into
//     NDIS_MINIPORT_CHARACTERISTICS.ISRHandler)
//   role evidence: CM (NdisRegisterProtocolDriver at cm_init.c:31:3)
//
// It makes the facts the other condis checkers judge by visible, so tests
// can show that condis-check's project-wide pre-pass reaches the analysis of
// every file (a handler registered in cm_init.c is known in cm_party.c).
// It is hidden and never enabled by -analyzer-checker=condis.
//
//   end of translation unit --> REPORT one warning per handler, then one
//                               per stored routine, each sorted by name,
//                               then one per role evidence, in order;
//                               or one saying the unit concerns no condis
//                               checker (Relevance.h), which skip it
//
//===----------------------------------------------------------------------===//

#include "ModelingChecker.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ento;

namespace condis {
namespace {

class DebugFactsChecker : public Checker<check::EndOfTranslationUnit> {
public:
  const BugType FactBug{this, "CoNDIS driver facts", "condis debug"};
  const ModelingChecker *Modeling = nullptr;

  void checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                 AnalysisManager &Mgr, BugReporter &BR) const {
    ASTContext &Ctx = Mgr.getASTContext();
    const SourceManager &SM = Ctx.getSourceManager();
    PathDiagnosticLocation Where(SM.getLocForStartOfFile(SM.getMainFileID()),
                                 SM);
    if (!Modeling->concerns(Ctx)) {
      report(BR, Where,
             "nothing here concerns the condis checkers (no routine or role "
             "type of the rule tables, no SAL annotation, no configured "
             "handler); they skip this translation unit");
      return;
    }
    const DriverFacts &Facts = Modeling->facts(Ctx);

    llvm::SmallVector<std::pair<llvm::StringRef, ApiId>, 16> Handlers;
    for (const auto &H : Facts.handlers())
      Handlers.push_back({H.getKey(), H.getValue()});
    llvm::sort(Handlers);
    for (const auto &[Name, RoleType] : Handlers)
      report(BR, Where,
             ("handler '" + Name + "' implements " + apiInfo(RoleType).Name)
                 .str());

    llvm::SmallVector<std::pair<llvm::StringRef, const StoredRoutine *>, 8>
        Routines;
    for (const auto &R : Facts.storedRoutines())
      Routines.push_back({R.getKey(), &R.getValue()});
    llvm::sort(Routines, llvm::less_first());
    for (const auto &[Name, R] : Routines) {
      const IrqlRoleInfo &Role = irqlRoleInfo(R->Role);
      report(BR, Where,
             ("routine '" + Name + "' is " + Role.What + ": it runs at " +
              roleRange(Role).describe() + " (stored into " + R->Field + ")")
                 .str());
    }

    for (const RoleEvidence &E : Facts.roleEvidence()) {
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      OS << "role evidence: " << roleName(E.Role) << " (" << E.Callee << " at "
         << llvm::sys::path::filename(E.File) << ':' << E.Line << ':'
         << E.Column << (E.Loc.isValid() ? "" : ", another file") << ')';
      report(BR, Where, OS.str());
    }
  }

private:
  void report(BugReporter &BR, PathDiagnosticLocation Where,
              const std::string &Text) const {
    BR.emitReport(std::make_unique<BasicBugReport>(FactBug, Text, Where));
  }
};

} // namespace

void registerDebugFactsChecker(CheckerManager &Mgr) {
  auto *Chk = Mgr.registerChecker<DebugFactsChecker>();
  Chk->Modeling = Mgr.getChecker<ModelingChecker>();
}

bool shouldRegisterDebugFactsChecker(const CheckerManager &) { return true; }

} // namespace condis
