//===-- SalAction.cpp - Record SAL annotations in the plugin ----*- C++ -*-===//
//
// Part of condis-check. Linked into the analyzer plugin only (a static
// registration in the checker library would be dropped by the linker). Clang
// runs an AddBeforeMainAction plugin action by itself under -fplugin=,
// -cc1 -load and scan-build-22 -load-plugin; its consumer is created after
// the preprocessor and before parsing, which is when the SAL recorder of
// Sal.h must be installed. The consumer itself does nothing.
//
// -plugin-arg-condis-sal off (cc1; -Xclang before each with the driver)
// leaves the recorder out: the checkers then work from role types and the
// rule table alone.
//
//===----------------------------------------------------------------------===//

#include "Sal.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "PluginVersion.h"

using namespace clang;

namespace {

class SalAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    if (Enabled && CI.hasPreprocessor())
      condis::installSalRecorder(CI.getPreprocessor());
    return std::make_unique<ASTConsumer>();
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    for (const std::string &A : Args) {
      if (A == "off") {
        Enabled = false;
        continue;
      }
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "invalid argument '%0' for plugin "
                                 "'condis-sal': the accepted value is 'off'"))
          << A;
      return false;
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  bool Enabled = true;
};

} // namespace

// Registered only inside the clang the plugin was built for (PluginVersion.h).
static const bool Registered =
    condis::pluginMatchesHost() &&
    (new FrontendPluginRegistry::Add<SalAction>(
         "condis-sal", "record SAL IRQL annotations for the condis checkers"),
     true);
