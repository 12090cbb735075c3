//===-- Analysis.cpp - Parse or analyse one file of the database ----------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "KitFileSystem.h"

#include "Registration.h"
#include "TimeBudget.h"
#include "Sal.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Frontend/AnalysisConsumer.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>

using namespace clang;
using namespace clang::ento;
using namespace clang::tooling;

namespace condis::cli {
namespace {

/// Clang's analyzer cannot run twice at once in one process: every
/// AnalysisConsumer writes per-function statistics to one process-wide
/// registry without a lock (clang/lib/StaticAnalyzer/Core/EntryPointStats.cpp:
/// EntryPointStat::lockRegistry when the consumer is created, takeSnapshot
/// after each function it analyses, clearSnapshots when its ASTContext is
/// destroyed). Two files analysed at once corrupt the registry's vectors and
/// string: "double free or corruption". So workers take turns: a file holds
/// this mutex while its consumer is created, and from the start of its
/// analysis (HandleTranslationUnit) until its run ends. Parsing, and the
/// pre-pass (no analyzer), still run in parallel.
std::mutex AnalyzerMutex;

/// Takes the turn (AnalyzerMutex) for the file whose lock \p Turn is, unless
/// the file has it already.
void takeTurn(std::unique_lock<std::mutex> &Turn) {
  if (!Turn.owns_lock())
    Turn.lock();
}

/// Ahead of the analysis consumer: takes the turn before the analysis and,
/// should the consumer be destroyed before any analysis, before its
/// ASTContext can be.
class TakeTurn : public ASTConsumer {
public:
  explicit TakeTurn(std::unique_lock<std::mutex> &Turn) : Turn(Turn) {}
  ~TakeTurn() override { takeTurn(Turn); }
  void HandleTranslationUnit(ASTContext &) override { takeTurn(Turn); }

private:
  std::unique_lock<std::mutex> &Turn;
};

/// Keeps the compiler's errors (and fatal errors) as clang prints them;
/// warnings are the build's business, not ours.
class ErrorCollector : public DiagnosticConsumer {
public:
  ErrorCollector(FileResult &Out, StringRef Directory)
      : Out(Out), Directory(Directory) {}

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    std::string Line;
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      Position P =
          positionOf(Info.getLocation(), Info.getSourceManager(), Directory);
      Line = P.File + ":" + std::to_string(P.Line) + ":" +
             std::to_string(P.Column) + ": ";
    }
    Line += "error: " + std::string(Text);
    Out.Errors.push_back(std::move(Line));
    Out.Ok = false;
  }

private:
  FileResult &Out;
  std::string Directory;
};

/// Turns the analyzer's PathDiagnostics into Findings.
class FindingCollector : public PathDiagnosticConsumer {
public:
  FindingCollector(const SourceManager &SM, const LangOptions &LO,
                   const AnalysisOptions &Opts, FileResult &Out,
                   StringRef Directory)
      : SM(SM), LO(LO), Opts(Opts), Out(Out), Directory(Directory) {}

  StringRef getName() const override { return "condis-check"; }
  PathGenerationScheme getGenerationScheme() const override { return Minimal; }
  bool supportsLogicalOpControlFlow() const override { return true; }
  bool supportsCrossFileDiagnostics() const override { return true; }

  void FlushDiagnosticsImpl(std::vector<const PathDiagnostic *> &Diags,
                            FilesMade *) override {
    for (const PathDiagnostic *PD : Diags) {
      if (!Opts.Selection.selects(PD->getCheckerName()))
        continue;
      Finding F;
      F.RuleId = PD->getCheckerName().str();
      F.Message = PD->getShortDescription().str();
      F.Where = positionOf(PD->getLocation().asLocation(), SM, Directory);
      // The same pieces, in the same order, as clang's -analyzer-output=text:
      // extra notes first, then the path.
      for (const auto &Piece : PD->path)
        if (isa<PathDiagnosticNotePiece>(Piece.get()))
          addNote(F, *Piece, /*Related=*/true);
      for (const auto &Piece : PD->path.flatten(/*ShouldFlattenMacros=*/true))
        if (!isa<PathDiagnosticNotePiece>(Piece.get()))
          addNote(F, *Piece, /*Related=*/false);
      // Fix-its ride on the pieces (BugReport::addFixItHint).
      for (const auto &Piece : PD->path.flatten(/*ShouldFlattenMacros=*/true))
        for (const FixItHint &H : Piece->getFixits())
          F.Fixes.push_back(
              {positionOf(H.RemoveRange, SM, LO, Directory), H.CodeToInsert});
      F.Fingerprint = PD->getIssueHash(SM, LO).str().str();
      Out.Findings.push_back(std::move(F));
    }
  }

private:
  void addNote(Finding &F, const PathDiagnosticPiece &Piece, bool Related) {
    if (Piece.getString().empty())
      return;
    F.Path.push_back(
        {positionOf(Piece.getLocation().asLocation(), SM, Directory),
         Piece.getString().str(), Related});
  }

  const SourceManager &SM;
  const LangOptions &LO;
  const AnalysisOptions &Opts;
  FileResult &Out;
  std::string Directory;
};

/// Parses like the analyzer does: __clang_analyzer__ is defined.
class ParseAsAnalyzer : public ASTFrontendAction {
protected:
  bool BeginInvocation(CompilerInstance &CI) override {
    CI.getFrontendOpts().ProgramAction = frontend::RunAnalysis;
    // No "N errors generated." on stderr: errors are collected and printed
    // by condis-check, under the file's name.
    CI.getDiagnosticOpts().ShowCarets = false;
    return true;
  }
};

/// Every file \p SM holds (the main file, each header, clang's own), by
/// absolute path, with the digest of the text the parser was given.
std::vector<FileDigest> filesRead(SourceManager &SM,
                                  StringRef Directory) {
  std::vector<FileDigest> Out;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    std::optional<llvm::MemoryBufferRef> Buffer =
        It->second->getBufferIfLoaded();
    if (!Buffer)
      Buffer = SM.getMemoryBufferForFileOrNone(It->first);
    std::string Path = absolutePath(Directory, It->first.getName());
    // Without its digest the entry could not be checked: make it one that
    // never matches, so the unit is parsed again next time.
    Out.push_back({Path, Buffer ? hashBytes(Buffer->getBuffer()) : ""});
  }
  llvm::sort(Out, [](const FileDigest &A, const FileDigest &B) {
    return A.Path < B.Path;
  });
  return Out;
}

class ScanAction : public ParseAsAnalyzer {
public:
  ScanAction(TUScan &Out, std::vector<FileDigest> *Inputs,
             std::string MainFile, std::string Directory)
      : Out(Out), Inputs(Inputs), MainFile(std::move(MainFile)),
        Directory(std::move(Directory)) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    class Consumer : public ASTConsumer {
    public:
      explicit Consumer(ScanAction &A) : A(A) {}
      void HandleTranslationUnit(ASTContext &Ctx) override {
        A.Out = scanTranslationUnit(Ctx, A.MainFile, A.Directory);
        if (A.Inputs)
          *A.Inputs = filesRead(Ctx.getSourceManager(), A.Directory);
      }
      ScanAction &A;
    };
    return std::make_unique<Consumer>(*this);
  }

private:
  TUScan &Out;
  std::vector<FileDigest> *Inputs;
  std::string MainFile, Directory;
};

class AnalyzeAction : public ParseAsAnalyzer {
public:
  AnalyzeAction(const AnalysisOptions &Opts, FileResult &Out,
                std::string Directory, std::unique_lock<std::mutex> &Turn)
      : Opts(Opts), Out(Out), Directory(std::move(Directory)), Turn(Turn) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    // SAL _IRQL_* annotations expand to nothing: record their expansions
    // before parsing starts, as the plugin's SalAction does for clang.
    condis::installSalRecorder(CI.getPreprocessor());
    AnalyzerOptions &AO = CI.getAnalyzerOpts();
    AO.CheckersAndPackages = Opts.Checkers;
    // Under a budget the checker that stops paths at the deadline runs too
    // (the deadline is set before the checkers are built: analyseFile).
    if (Opts.FileTimeBudget)
      AO.CheckersAndPackages.emplace_back("condis.core.Budget", true);
    // No clang-rendered output: every report goes to FindingCollector.
    AO.AnalysisDiagOpt = PD_NONE;
    takeTurn(Turn);
    std::unique_ptr<AnalysisASTConsumer> C = CreateAnalysisConsumer(CI);
    Turn.unlock();
    C->AddCheckerRegistrationFn(
        [](CheckerRegistry &R) { condis::registerCheckers(R); });
    C->AddDiagnosticConsumer(std::make_unique<FindingCollector>(
        CI.getSourceManager(), CI.getLangOpts(), Opts, Out, Directory));
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::make_unique<TakeTurn>(Turn));
    Consumers.push_back(std::move(C));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

  void EndSourceFileAction() override { takeTurn(Turn); }

private:
  const AnalysisOptions &Opts;
  FileResult &Out;
  std::string Directory;
  std::unique_lock<std::mutex> &Turn;
};

template <typename MakeAction> class Factory : public FrontendActionFactory {
public:
  explicit Factory(MakeAction Make) : Make(std::move(Make)) {}
  std::unique_ptr<FrontendAction> create() override { return Make(); }

private:
  MakeAction Make;
};

/// A database of exactly the one command chosen for the file.
class OneCommand : public CompilationDatabase {
public:
  explicit OneCommand(CompileCommand C) : C(std::move(C)) {}
  std::vector<CompileCommand> getCompileCommands(StringRef) const override {
    return {C};
  }
  std::vector<std::string> getAllFiles() const override { return {C.Filename}; }

private:
  CompileCommand C;
};

template <typename MakeAction>
void run(const CompileCommand &Command, const AnalysisOptions &Opts,
         FileResult &Out, MakeAction Make) {
  OneCommand DB(Command);
  // Headers as a Windows driver build sees them (checker/KitFileSystem.h).
  ClangTool Tool(DB, {Command.Filename},
                 std::make_shared<PCHContainerOperations>(),
                 condis::createKitFileSystem(llvm::vfs::createPhysicalFileSystem()));
  ErrorCollector Errors(Out, Command.Directory);
  Tool.setDiagnosticConsumer(&Errors);
  Tool.setPrintErrorMessage(false);
  // Compile commands name a compiler, not where clang's builtin headers are.
  Tool.appendArgumentsAdjuster([](const CommandLineArguments &Args, StringRef) {
    CommandLineArguments Out(Args);
    if (llvm::none_of(
            Args, [](StringRef A) { return A.starts_with("-resource-dir"); }))
      Out.insert(Out.begin() + 1, "-resource-dir=" CONDIS_CLANG_RESOURCE_DIR);
    return Out;
  });
  // Warnings are the build's business; -w also keeps -Werror from turning
  // them into errors that would stop the analysis.
  // The C that MSVC accepts and clang 16 and later reject by default
  // (warnings that default to errors) is the driver's business too: with
  // -w and -Wno-error= they are not reported and the file is analysed.
  std::vector<std::string> Extra{
      "-w", "-Wno-error=incompatible-pointer-types",
      "-Wno-error=incompatible-function-pointer-types",
      "-Wno-error=int-conversion"};
  for (const std::string &KV : Opts.Config) {
    Extra.push_back("-Xclang");
    Extra.push_back("-analyzer-config");
    Extra.push_back("-Xclang");
    Extra.push_back(KV);
  }
  Tool.appendArgumentsAdjuster(
      getInsertArgumentAdjuster(Extra, ArgumentInsertPosition::END));
  Factory<MakeAction> F(std::move(Make));
  // A crash of clang on one file must not end the run: it becomes that
  // file's error (main() enables crash recovery).
  int Rc = 0;
  llvm::CrashRecoveryContext CRC;
  if (!CRC.RunSafely([&] { Rc = Tool.run(&F); })) {
    Out.Crashed = true;
    Out.Ok = false;
    return;
  }
  if (Rc != 0 && Out.Errors.empty())
    Out.Errors.push_back("the compiler could not process the file");
  if (!Out.Errors.empty())
    Out.Ok = false;
}

} // namespace

std::string budgetCutMessage(const FileResult &R) {
  std::string Msg = "--file-time-budget spent: ";
  if (R.PathsStopped)
    Msg += "the analysis stopped " + std::to_string(R.PathsStopped) + " path" +
           (R.PathsStopped == 1 ? "" : "s") +
           " at a branch (what they would have found is missing)";
  if (R.PathsStopped && R.FindingsCut)
    Msg += "; ";
  if (R.FindingsCut)
    Msg += std::to_string(R.FindingsCut) + " finding" +
           (R.FindingsCut == 1 ? "" : "s") +
           " cut (their paths were not built)";
  return Msg;
}

FileResult scanFile(const CompileCommand &Command, const AnalysisOptions &Opts,
                    TUScan &Scan, std::vector<FileDigest> *Inputs) {
  FileResult Out;
  std::string Main = absolutePath(Command.Directory, Command.Filename);
  run(Command, Opts, Out, [&]() -> std::unique_ptr<FrontendAction> {
    return std::make_unique<ScanAction>(Scan, Inputs, Main,
                                        Command.Directory);
  });
  return Out;
}

FileResult analyseFile(const CompileCommand &Command,
                       const AnalysisOptions &Opts) {
  FileResult Out;
  // Outside the crash recovery: a crash during the turn still ends it.
  std::unique_lock<std::mutex> Turn(AnalyzerMutex, std::defer_lock);
  // The whole run on this thread counts: parsing, exploration and report
  // construction. Past the deadline the exploration stops every path at its
  // next branch and no finding's path is built.
  std::optional<condis::AnalysisDeadline> Budget;
  if (Opts.FileTimeBudget)
    Budget.emplace(std::chrono::steady_clock::now() + *Opts.FileTimeBudget);
  run(Command, Opts, Out, [&]() -> std::unique_ptr<FrontendAction> {
    return std::make_unique<AnalyzeAction>(Opts, Out, Command.Directory, Turn);
  });
  if (Budget) {
    Out.FindingsCut = condis::cutReports();
    Out.PathsStopped = condis::stoppedPaths();
  }
  // A file that does not compile has no trustworthy findings.
  if (!Out.Ok)
    Out.Findings.clear();
  return Out;
}

} // namespace condis::cli
