//===-- BodyPreamble.cpp - A preamble with function bodies ------*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "BodyPreamble.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Lex/HeaderSearchOptions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <list>
#include <mutex>

using namespace clang;

namespace condis {
namespace {

/// Records the SAL annotations of the headers while the preamble is built
/// and keeps them by name once the AST is complete.
class SalCallbacks : public PreambleCallbacks {
public:
  void BeforeExecute(CompilerInstance &CI) override {
    installSalRecorder(CI.getPreprocessor());
  }
  void AfterExecute(CompilerInstance &CI) override {
    if (CI.hasASTContext())
      Sal = std::make_shared<SalByName>(exportSalFacts(CI.getASTContext()));
  }

  std::shared_ptr<const SalByName> Sal;
};

/// The preambles of the files analysed last, the most recent first. Each
/// file keeps one; clangd serialises the rebuilds of a file, so two threads
/// never build the same file's preamble at once.
class PreambleCache {
public:
  std::shared_ptr<const BodyPreamble> get(StringRef File) {
    std::lock_guard<std::mutex> Guard(Lock);
    for (auto It = Entries.begin(); It != Entries.end(); ++It)
      if (It->first == File) {
        Entries.splice(Entries.begin(), Entries, It);
        return It->second;
      }
    return nullptr;
  }

  void put(StringRef File, std::shared_ptr<const BodyPreamble> P) {
    std::lock_guard<std::mutex> Guard(Lock);
    Entries.remove_if([&](const auto &E) { return E.first == File; });
    Entries.emplace_front(File.str(), std::move(P));
    // An in-memory preamble of the WDK headers takes tens of MiB.
    constexpr size_t Capacity = 4;
    if (Entries.size() > Capacity)
      Entries.pop_back();
  }

private:
  std::mutex Lock;
  std::list<std::pair<std::string, std::shared_ptr<const BodyPreamble>>>
      Entries;
};

/// What in \p CI decides how the #include block parses: language, target,
/// header search, -D/-U, -include. (CompilerInvocation::getCC1CommandLine
/// would also do, but it renders code-generation options too, some of which
/// a default-constructed CompilerInvocation leaves uninitialised, so two
/// calls on the same options can differ.)
} // namespace

std::string preambleOptionsKey(const CompilerInvocation &CI) {
  std::string Key;
  llvm::raw_string_ostream OS(Key);
  const LangOptions &LO = CI.getLangOpts();
#define LANGOPT(Name, Bits, Default, Compatibility, Description)               \
  OS << LO.Name << ',';
#define ENUM_LANGOPT(Name, Type, Bits, Default, Compatibility, Description)    \
  OS << static_cast<unsigned>(LO.get##Name()) << ',';
#include "clang/Basic/LangOptions.def"
  const TargetOptions &TO = CI.getTargetOpts();
  OS << '|' << TO.Triple << '|' << TO.CPU << '|' << TO.TuneCPU << '|' << TO.ABI;
  for (const std::string &F : TO.FeaturesAsWritten)
    OS << '|' << F;
  const HeaderSearchOptions &HS = CI.getHeaderSearchOpts();
  OS << '|' << HS.Sysroot << '|' << HS.ResourceDir << '|'
     << HS.UseBuiltinIncludes << HS.UseStandardSystemIncludes
     << HS.UseStandardCXXIncludes << HS.UseLibcxx;
  for (const HeaderSearchOptions::Entry &E : HS.UserEntries)
    OS << "|-I" << static_cast<int>(E.Group) << E.IsFramework << E.IgnoreSysRoot
       << E.Path;
  for (const HeaderSearchOptions::SystemHeaderPrefix &P :
       HS.SystemHeaderPrefixes)
    OS << "|-prefix" << P.IsSystemHeader << P.Prefix;
  const PreprocessorOptions &PPO = CI.getPreprocessorOpts();
  for (const auto &[Macro, IsUndef] : PPO.Macros)
    OS << (IsUndef ? "|-U" : "|-D") << Macro;
  for (const std::string &I : PPO.Includes)
    OS << "|-include " << I;
  for (const std::string &I : PPO.MacroIncludes)
    OS << "|-imacros " << I;
  return Key;
}

namespace {

PreambleCache &cache() {
  static PreambleCache C;
  return C;
}

} // namespace

std::shared_ptr<const BodyPreamble> bodyPreambleFor(
    const CompilerInvocation &Invocation, const llvm::MemoryBuffer &MainText,
    IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS, PreambleUse &Use) {
  Use = PreambleUse::None;
  PreambleBounds Bounds = ComputePreambleBounds(
      Invocation.getLangOpts(), MainText.getMemBufferRef(), /*MaxLines=*/0);
  if (Bounds.Size == 0 || Invocation.getFrontendOpts().Inputs.empty())
    return nullptr;
  StringRef File = Invocation.getFrontendOpts().Inputs.front().getFile();
  std::string Options = preambleOptionsKey(Invocation);

  std::shared_ptr<const BodyPreamble> Kept = cache().get(File);
  if (Kept && Kept->Options == Options &&
      Kept->PCH.CanReuse(Invocation, MainText.getMemBufferRef(), Bounds,
                         *VFS)) {
    Use = PreambleUse::Reused;
    return Kept;
  }

  // Errors in the headers surface in the full parse that uses the preamble.
  DiagnosticOptions DiagOpts;
  IntrusiveRefCntPtr<DiagnosticsEngine> Diags =
      CompilerInstance::createDiagnostics(*VFS, DiagOpts,
                                          new IgnoringDiagConsumer(),
                                          /*ShouldOwnClient=*/true);
  SalCallbacks Callbacks;
  llvm::ErrorOr<PrecompiledPreamble> PCH = PrecompiledPreamble::Build(
      Invocation, &MainText, Bounds, Diags, VFS,
      std::make_shared<PCHContainerOperations>(), /*StoreInMemory=*/true,
      /*StoragePath=*/"", Callbacks);
  if (!PCH)
    return nullptr;
  auto Built = std::make_shared<const BodyPreamble>(
      std::move(*PCH), std::move(Callbacks.Sal), std::move(Options));
  cache().put(File, Built);
  Use = PreambleUse::Built;
  return Built;
}

bool bodyPreambleStillValid(const BodyPreamble &Preamble,
                            const CompilerInvocation &Invocation,
                            const llvm::MemoryBuffer &MainText,
                            IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS) {
  PreambleBounds Bounds = ComputePreambleBounds(
      Invocation.getLangOpts(), MainText.getMemBufferRef(), /*MaxLines=*/0);
  return Preamble.Options == preambleOptionsKey(Invocation) &&
         Preamble.PCH.CanReuse(Invocation, MainText.getMemBufferRef(), Bounds,
                               *VFS);
}

} // namespace condis
