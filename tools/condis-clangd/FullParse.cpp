//===-- FullParse.cpp - Parse clangd's file again, with bodies -*- C++ -*-===//
//
// Part of condis-check.
//
// The invocation is rebuilt from the objects clangd's parse leaves behind
// (it does not keep its CompilerInvocation where a clang-tidy check can see
// it): language options, target options, header search, preprocessor
// options and file-system options. What clangd's preamble changed in the
// preprocessor options is undone: the implicit PCH include, the preamble's
// byte count, the disabled validation, and the predefines, which a preamble
// carries itself. The main file is remapped to a copy of clangd's buffer,
// so unsaved edits are what gets parsed.
//
//===----------------------------------------------------------------------===//

#include "FullParse.h"

#include "BodyPreamble.h"
#include "KitFileSystem.h"
#include "Sal.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace condis {
namespace {

using Callback = llvm::function_ref<void(ASTContext &, Preprocessor &)>;

/// Keeps the first error of the parse, for the log.
class FirstError : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !Message.empty())
      return;
    SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(
          Info.getSourceManager().getFileLoc(Info.getLocation()));
      if (P.isValid())
        Message =
            (llvm::Twine(P.getFilename()) + ":" + Twine(P.getLine()) + ": ")
                .str();
    }
    Message += Text.str();
  }

  std::string Message;
};

/// Hands the finished translation unit to the caller, as clang's
/// AnalysisConsumer receives it under `clang --analyze`, unless the parse
/// failed where clangd's did not (a header clangd reads from its preamble
/// but the file system no longer has, say): then the caller falls back on
/// clangd's AST.
class CallbackConsumer : public ASTConsumer {
public:
  CallbackConsumer(Preprocessor &PP, Callback WithAST, const FirstError &Errors,
                   std::string &Failure)
      : PP(PP), WithAST(WithAST), Errors(Errors), Failure(Failure) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    if (Diags.hasUncompilableErrorOccurred() || Diags.hasFatalErrorOccurred()) {
      Failure = "the file does not compile without clangd's preamble: " +
                Errors.Message;
      return;
    }
    WithAST(Ctx, PP);
  }

private:
  Preprocessor &PP;
  Callback WithAST;
  const FirstError &Errors;
  std::string &Failure;
};

class FullParseAction : public ASTFrontendAction {
public:
  FullParseAction(Callback WithAST, const BodyPreamble *Preamble,
                  const FirstError &Errors, std::string &Failure)
      : WithAST(WithAST), Preamble(Preamble), Errors(Errors), Failure(Failure) {
  }

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // Before parsing starts, so the annotations of headers read here are
    // recorded; those of the headers in the preamble come with it.
    installSalRecorder(CI.getPreprocessor());
    if (Preamble)
      importSalFacts(CI.getPreprocessor(), Preamble->Sal);
    return std::make_unique<CallbackConsumer>(CI.getPreprocessor(), WithAST,
                                              Errors, Failure);
  }

private:
  Callback WithAST;
  const BodyPreamble *Preamble;
  const FirstError &Errors;
  std::string &Failure;
};

Language languageOf(const LangOptions &LO) {
  if (LO.ObjC)
    return LO.CPlusPlus ? Language::ObjCXX : Language::ObjC;
  return LO.CPlusPlus ? Language::CXX : Language::C;
}

/// clangd's preprocessor options without its preamble: what the file's own
/// compile command asked for.
void withoutPreamble(PreprocessorOptions &Opts) {
  // While a new preamble is built clangd patches the old one with an
  // in-memory header of the main file's new #include lines, passed as an
  // -include of a remapped file; the full parse reads those lines from the
  // main file itself.
  for (const auto &[Name, Buffer] : Opts.RemappedFileBuffers)
    llvm::erase(Opts.Includes, Name);
  Opts.ImplicitPCHInclude.clear();
  Opts.PrecompiledPreambleBytes = {0, false};
  Opts.DisablePCHOrModuleValidation = DisableValidationForModuleKind::None;
  Opts.UsePredefines = true;
  Opts.GeneratePreamble = false;
  // clangd's own remapped buffers belong to clangd.
  Opts.clearRemappedFiles();
  Opts.RetainRemappedFileBuffers = true;
}

} // namespace

bool usesPreamble(const Preprocessor &PP) {
  return PP.getPreprocessorOpts().PrecompiledPreambleBytes.first > 0;
}

std::optional<FullParseInputs> snapshotFullParse(ASTContext &Ctx,
                                                 Preprocessor &PP,
                                                 std::string &Why) {
  const SourceManager &SM = Ctx.getSourceManager();
  FileID MainID = SM.getMainFileID();
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(MainID);
  std::optional<llvm::MemoryBufferRef> Text = SM.getBufferOrNone(MainID);
  if (!Main || !Text) {
    Why = "the main file has no name or no text";
    return std::nullopt;
  }
  FullParseInputs Inputs;
  Inputs.MainName = Main->getName().str();
  Inputs.MainText = llvm::MemoryBuffer::getMemBufferCopy(Text->getBuffer(),
                                                         Inputs.MainName);

  auto Invocation = std::make_shared<CompilerInvocation>();
  Invocation->getLangOpts() = PP.getLangOpts();
  Invocation->getTargetOpts() = Ctx.getTargetInfo().getTargetOpts();
  Invocation->getHeaderSearchOpts() =
      PP.getHeaderSearchInfo().getHeaderSearchOpts();
  Invocation->getFileSystemOpts() = SM.getFileManager().getFileSystemOpts();
  Invocation->getPreprocessorOpts() = PP.getPreprocessorOpts();
  withoutPreamble(Invocation->getPreprocessorOpts());
  FrontendOptions &FE = Invocation->getFrontendOpts();
  FE.ProgramAction = frontend::ParseSyntaxOnly;
  FE.Inputs = {FrontendInputFile(Inputs.MainName,
                                 InputKind(languageOf(PP.getLangOpts())))};
  FE.DisableFree = false;
  // Only whether the file has errors matters (the analysis then stays out).
  Invocation->getDiagnosticOpts().IgnoreWarnings = true;
  Inputs.Invocation = std::move(Invocation);

  // Relative paths of the compile command (-Iinclude) are relative to its
  // directory, which clangd makes the working directory of its file system
  // rather than setting -working-directory.
  Inputs.WorkingDir = SM.getFileManager().getFileSystemOpts().WorkingDir;
  if (Inputs.WorkingDir.empty())
    if (llvm::ErrorOr<std::string> Dir = SM.getFileManager()
                                             .getVirtualFileSystem()
                                             .getCurrentWorkingDirectory())
      Inputs.WorkingDir = *Dir;
  return Inputs;
}

std::string fullParseKey(const FullParseInputs &Inputs) {
  return Inputs.MainName + '\0' + Inputs.WorkingDir + '\0' +
         preambleOptionsKey(*Inputs.Invocation) + '\0' +
         Inputs.MainText->getBuffer().str();
}

namespace {

/// The disk as it is now, like `clang --analyze`. Not clangd's file system
/// for this AST: it answers status queries from what its preamble saw, so
/// a header changed since would look unchanged (and be read at its old
/// size). Seen through the kit file system (KitFileSystem.h), as under the
/// plugin.
IntrusiveRefCntPtr<llvm::vfs::FileSystem>
diskFileSystem(const FullParseInputs &Inputs) {
  IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS =
      createKitFileSystem(llvm::vfs::createPhysicalFileSystem());
  if (!Inputs.WorkingDir.empty())
    (void)VFS->setCurrentWorkingDirectory(Inputs.WorkingDir);
  return VFS;
}

} // namespace

bool preambleStillValid(const BodyPreamble &Preamble,
                        const FullParseInputs &Inputs) {
  return bodyPreambleStillValid(Preamble, *Inputs.Invocation,
                                *Inputs.MainText, diskFileSystem(Inputs));
}

std::string withFullParse(const FullParseInputs &Inputs, Callback WithAST,
                          PreambleUse &Use,
                          std::shared_ptr<const BodyPreamble> *Used) {
  // The buffer the parse reads, named as the file.
  std::unique_ptr<llvm::MemoryBuffer> MainText =
      llvm::MemoryBuffer::getMemBufferCopy(Inputs.MainText->getBuffer(),
                                           Inputs.MainName);
  auto Invocation = std::make_shared<CompilerInvocation>(*Inputs.Invocation);
  FrontendOptions &FE = Invocation->getFrontendOpts();
  IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS = diskFileSystem(Inputs);
  // Kept alive until the parse that reads it is over.
  std::shared_ptr<const BodyPreamble> Preamble =
      bodyPreambleFor(*Invocation, *MainText, VFS, Use);
  if (Used)
    *Used = Preamble;
  if (Preamble)
    Preamble->PCH.AddImplicitPreamble(*Invocation, VFS, MainText.get());
  else
    Invocation->getPreprocessorOpts().addRemappedFile(Inputs.MainName,
                                                      MainText.get());

  CompilerInstance CI(Invocation);
  CI.setVirtualFileSystem(VFS);
  FirstError Errors;
  CI.createDiagnostics(&Errors, /*ShouldOwnClient=*/false);
  if (!CI.createTarget())
    return "the target '" + Invocation->getTargetOpts().Triple +
           "' is not known";
  std::string Failure;
  FullParseAction Action(WithAST, Preamble.get(), Errors, Failure);
  if (!Action.BeginSourceFile(CI, FE.Inputs.front()))
    return "the file could not be opened for parsing: " + Errors.Message;
  if (llvm::Error Err = Action.Execute())
    Failure = llvm::toString(std::move(Err));
  Action.EndSourceFile();
  return Failure;
}

std::string withFullParse(ASTContext &Ctx, Preprocessor &PP, Callback WithAST,
                          PreambleUse &Use) {
  std::string Why;
  std::optional<FullParseInputs> Inputs = snapshotFullParse(Ctx, PP, Why);
  if (!Inputs)
    return Why;
  return withFullParse(*Inputs, WithAST, Use);
}

FileID LocationMap::targetFile(FileID FromFile) {
  auto Known = Files.find(FromFile);
  if (Known != Files.end())
    return Known->second;
  FileID Result;
  if (FromFile == From.getMainFileID()) {
    Result = To.getMainFileID();
  } else if (OptionalFileEntryRef FE = From.getFileEntryRefForID(FromFile)) {
    if (OptionalFileEntryRef ToFE =
            To.getFileManager().getOptionalFileRef(FE->getName()))
      Result = To.translateFile(*ToFE);
  }
  Files[FromFile] = Result;
  return Result;
}

SourceLocation LocationMap::map(SourceLocation Loc) {
  if (Loc.isInvalid())
    return Loc;
  Loc = From.getFileLoc(Loc);
  if (&From == &To)
    return Loc;
  auto [FromFile, Offset] = From.getDecomposedLoc(Loc);
  FileID ToFile = targetFile(FromFile);
  if (ToFile.isInvalid() || Offset > To.getFileIDSize(ToFile))
    return SourceLocation();
  return To.getComposedLoc(ToFile, Offset);
}

} // namespace condis
