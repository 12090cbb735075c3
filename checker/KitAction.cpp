//===-- KitAction.cpp - Read kit headers as MSVC does, in the plugin -----===//
//
// Part of condis-check. Linked into the analyzer plugins only, like
// SalAction.cpp. Clang runs an AddBeforeMainAction plugin action by itself
// under -fplugin=, -cc1 -load and scan-build-22 -load-plugin; its consumer is
// created after the file manager and before the first #include is looked up,
// which is when the kit file system (KitFileSystem.h: case-insensitive
// header names, the rules/headers.def mends) must be put under the file
// manager. The consumer itself does nothing.
//
// -plugin-arg-condis-kit off (cc1; -Xclang before each with the driver)
// leaves the file system as clang made it.
//
//===----------------------------------------------------------------------===//

#include "KitFileSystem.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "PluginVersion.h"

using namespace clang;

namespace {

class KitAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    if (Enabled && CI.hasFileManager())
      condis::installKitFileSystem(CI.getFileManager(), &CI);
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
                                 "'condis-kit': the accepted value is 'off'"))
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
    (new FrontendPluginRegistry::Add<KitAction>(
         "condis-kit", "read Windows kit headers as MSVC does "
                       "(case-insensitive names, rules/headers.def mends) "
                       "for the condis checkers"),
     true);
