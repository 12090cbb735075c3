//===-- SalAction.cpp - Record SAL annotations in the plugin ----*- C++ -*-===//
//
// Part of condis-check. Linked into the analyzer plugin only (a static
// registration in the checker library would be dropped by the linker). Clang
// runs an AddBeforeMainAction plugin action by itself under -fplugin=,
// -cc1 -load and scan-build-22 -load-plugin; its consumer is created after
// the preprocessor and before parsing, which is when the SAL recorder of
// Sal.h must be installed. The consumer itself does nothing.
//
//===----------------------------------------------------------------------===//

#include "Sal.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

using namespace clang;

namespace {

class SalAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    if (CI.hasPreprocessor())
      condis::installSalRecorder(CI.getPreprocessor());
    return std::make_unique<ASTConsumer>();
  }

  bool ParseArgs(const CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace

static FrontendPluginRegistry::Add<SalAction>
    X("condis-sal", "record SAL IRQL annotations for the condis checkers");
