//===-- AnalyzerRun.cpp - Run the analyzer over a parsed file ---*- C++ -*-===//
//
// Part of condis-check.
//
// The order of work follows clang's AnalysisConsumer, so that the editor
// reports what `clang --analyze` reports for the same file:
//   1. AST checkers over every declaration of the main file;
//   2. path-sensitive checkers over the main file's function definitions in
//      reverse post-order of the call graph, skipping functions already
//      inlined into an earlier one;
//   3. end-of-translation-unit checkers.
// Unlike AnalysisConsumer it never owns the AST: the ASTContext and the
// Preprocessor belong to whoever parsed the file (clangd keeps them for
// hover, completion, ...). The CompilerInstance below only exists because
// CrossTranslationUnitContext wants one; it borrows the ASTContext for the
// duration of the run and gives it back before it is destroyed.
//
//===----------------------------------------------------------------------===//

#include "AnalyzerRun.h"

#include "Registration.h"
#include "TimeBudget.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/LiveVariables.h"
#include "clang/Analysis/CallGraph.h"
#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/SourceManager.h"
#include "clang/CrossTU/CrossTranslationUnit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/TextDiagnosticBuffer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathDiagnosticConsumers.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ConstraintManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExprEngine.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/FunctionSummary.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/Store.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/Support/CrashRecoveryContext.h"

#include <algorithm>
#include <memory>
#include <mutex>

using namespace clang;
using namespace clang::ento;

namespace condis {
namespace {

/// Hands each finding of the run to the caller while the SourceManager it
/// points into is still alive.
class ForwardingConsumer : public PathDiagnosticConsumer {
public:
  explicit ForwardingConsumer(
      llvm::function_ref<void(const PathDiagnostic &)> Report)
      : Report(Report) {}

  void FlushDiagnosticsImpl(std::vector<const PathDiagnostic *> &Diags,
                            FilesMade *) override {
    for (const PathDiagnostic *PD : Diags)
      Report(*PD);
  }
  StringRef getName() const override { return "condis-clangd"; }
  // The events and "Assuming ..." notes of -analyzer-output=text, no arrows.
  PathGenerationScheme getGenerationScheme() const override { return Minimal; }
  bool supportsLogicalOpControlFlow() const override { return true; }
  bool supportsCrossFileDiagnostics() const override { return true; }

private:
  llvm::function_ref<void(const PathDiagnostic &)> Report;
};

/// Collects the errors the checker registry reports while the checkers are
/// set up (unknown checker names, invalid checker options), which would
/// otherwise go to the diagnostics of whoever parsed the file: clangd's for
/// its own AST, nobody's for a full parse (FullParse.h).
class SetupErrors : public DiagnosticConsumer {
public:
  explicit SetupErrors(DiagnosticsEngine &Diags)
      : Diags(Diags), Previous(Diags.getClient()),
        OwnedPrevious(Diags.takeClient()) {
    Diags.setClient(this, /*ShouldOwnClient=*/false);
  }
  ~SetupErrors() override {
    if (OwnedPrevious)
      Diags.setClient(OwnedPrevious.release(), /*ShouldOwnClient=*/true);
    else
      Diags.setClient(Previous, /*ShouldOwnClient=*/false);
  }

  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    Message += (Message.empty() ? "" : "; ") + Text.str().str();
  }

  std::string Message;

private:
  DiagnosticsEngine &Diags;
  DiagnosticConsumer *Previous;
  std::unique_ptr<DiagnosticConsumer> OwnedPrevious;
};

bool isInMainFile(const Decl *D, const SourceManager &SM) {
  const Stmt *Body = D->getBody();
  SourceLocation Loc =
      SM.getExpansionLoc(Body ? Body->getBeginLoc() : D->getLocation());
  return Loc.isValid() && SM.isInMainFile(Loc) && !SM.isInSystemHeader(Loc);
}

/// The top-level declarations of the main file. clangd restricts the
/// traversal scope to them (declarations of the preamble stay unloaded);
/// a plain clang-tidy run leaves it at the translation unit.
std::vector<Decl *> mainFileDecls(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> Result;
  for (Decl *D : Ctx.getTraversalScope()) {
    if (auto *TU = dyn_cast<TranslationUnitDecl>(D)) {
      for (Decl *Child : TU->decls())
        if (SM.isInMainFile(SM.getExpansionLoc(Child->getLocation())))
          Result.push_back(Child);
    } else {
      Result.push_back(D);
    }
  }
  return Result;
}

/// Step 1: the AST checkers, as AnalysisConsumer's syntax mode runs them.
class SyntaxPass : public RecursiveASTVisitor<SyntaxPass> {
public:
  SyntaxPass(CheckerManager &Checkers, AnalysisManager &Mgr, BugReporter &BR)
      : Checkers(Checkers), Mgr(Mgr), BR(BR) {}

  bool shouldWalkTypesOfTypeLocs() const { return false; }

  bool VisitDecl(Decl *D) {
    Checkers.runCheckersOnASTDecl(D, Mgr, BR);
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->isThisDeclarationADefinition() || FD->isDependentContext() ||
        !FD->hasBody())
      return true;
    Mgr.ClearContexts();
    if (Mgr.getAnalysisDeclContext(FD)->isBodyAutosynthesized())
      return true;
    BugReporter BodyBR(Mgr);
    BodyBR.setAnalysisEntryPoint(FD);
    Checkers.runCheckersOnASTBody(FD, Mgr, BodyBR);
    BodyBR.FlushReports();
    return true;
  }

private:
  CheckerManager &Checkers;
  AnalysisManager &Mgr;
  BugReporter &BR;
};

std::string parseConfig(const AnalysisConfig &Config,
                        CompilerInvocation &Invocation) {
  std::vector<const char *> Args = {"-analyze"};
  for (const std::string &A : Config.CC1Args)
    Args.push_back(A.c_str());
  DiagnosticOptions DiagOpts;
  TextDiagnosticBuffer Errors;
  DiagnosticsEngine Diags(DiagnosticIDs::create(), DiagOpts, &Errors,
                          /*ShouldOwnClient=*/false);
  bool Parsed = CompilerInvocation::CreateFromArgs(Invocation, Args, Diags);
  std::string Message;
  for (auto It = Errors.err_begin(); It != Errors.err_end(); ++It)
    Message += (Message.empty() ? "" : "; ") + It->second;
  if (Message.empty() && !Parsed)
    Message = "the analyzer options do not parse";
  return Message;
}

ConstraintManagerCreator constraintCreator(const AnalyzerOptions &Opts) {
  switch (Opts.AnalysisConstraintsOpt) {
#define ANALYSIS_CONSTRAINTS(NAME, CMDFLAG, DESC, CREATEFN)                    \
  case NAME##Model:                                                            \
    return CREATEFN;
#include "clang/StaticAnalyzer/Core/Analyses.def"
  default:
    return CreateRangeConstraintManager;
  }
}

/// The engine objects of one run. Members are destroyed in reverse order:
/// the AnalysisManager (which flushes the consumers) before the checkers.
struct Engine {
  std::unique_ptr<CheckerManager> Checkers;
  std::unique_ptr<AnalysisManager> Mgr;
  FunctionSummariesTy Summaries;
};

/// The deadline of a run: from the start of the check (its full parse
/// included), not counting the wait for another file's engine.
std::chrono::steady_clock::time_point runDeadline(const AnalysisBudget &Budget,
                                                  const AnalysisStats &Stats) {
  return Budget.Start ? *Budget.Start + Budget.Time + Stats.Waited
                      : std::chrono::steady_clock::now() + Budget.Time;
}

void runPasses(Engine &E, ASTContext &Ctx, llvm::ArrayRef<Decl *> Decls,
               cross_tu::CrossTranslationUnitContext &CTU,
               const AnalysisBudget &Budget, AnalysisStats &Stats) {
  const SourceManager &SM = Ctx.getSourceManager();
  AnalysisManager &Mgr = *E.Mgr;
  CheckerManager &Checkers = *E.Checkers;
  using Clock = std::chrono::steady_clock;
  // The run's deadline (runAnalyzer set it on this thread: AnalysisDeadline)
  // bounds the exploration and report construction; this one is checked
  // before each function.
  const Clock::time_point Deadline = runDeadline(Budget, Stats);
  auto IsCancelled = [&] {
    if (Budget.Cancelled && Budget.Cancelled->load(std::memory_order_relaxed))
      Stats.Cancelled = true;
    return Stats.Cancelled;
  };

  // A budget of no time analyses nothing, the checks that need no path
  // (condis.Role, the AST-level passes) included: the user turned it off.
  if (Budget.Time.count() == 0) {
    for (Decl *D : Decls)
      if (D->hasBody())
        ++Stats.FunctionsSkipped;
    return;
  }

  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  BugReporter BR(Mgr);
  BR.setAnalysisEntryPoint(TU);
  Checkers.runCheckersOnASTDecl(TU, Mgr, BR);
  SyntaxPass Syntax(Checkers, Mgr, BR);
  for (Decl *D : Decls)
    Syntax.TraverseDecl(D);

  if (Checkers.hasPathSensitiveCheckers()) {
    CallGraph CG;
    for (Decl *D : Decls)
      CG.addToCallGraph(D);
    SetOfConstDecls Inlined, AnalysedAsTopLevel;
    llvm::ReversePostOrderTraversal<CallGraph *> RPOT(&CG);
    for (CallGraphNode *N : RPOT) {
      Decl *D = N->getDecl();
      if (!D || AnalysedAsTopLevel.count(D) || Inlined.count(D))
        continue;
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (!FD->hasBody(FD) || FD->isDependentContext())
          continue;
        D = const_cast<FunctionDecl *>(FD);
      }
      if (!D->hasBody() || !isInMainFile(D, SM))
        continue;
      if (Clock::now() >= Deadline || Stats.Nodes >= Budget.MaxNodesPerFile ||
          IsCancelled()) {
        ++Stats.FunctionsSkipped;
        continue;
      }
      Mgr.ClearContexts();
      if (Mgr.getAnalysisDeclContext(D)->isBodyAutosynthesized() ||
          !Mgr.getCFG(D) ||
          !Mgr.getAnalysisDeclContext(D)->getAnalysis<RelaxedLiveVariables>())
        continue;

      SetOfConstDecls VisitedCallees;
      ExprEngine Eng(
          CTU, Mgr, Mgr.options.InliningMode == All ? nullptr : &VisitedCallees,
          &E.Summaries, ExprEngine::Inline_Regular);
      // The time budget ends the exploration inside the function: past the
      // deadline every path stops at its next branch (TimeBudget.h).
      unsigned Steps = std::min(Budget.MaxNodesPerFunction,
                                Budget.MaxNodesPerFile - Stats.Nodes);
      Eng.ExecuteWorkList(Mgr.getAnalysisDeclContextManager().getStackFrame(D),
                          Steps);
      Stats.Nodes += Eng.getGraph().size();
      ++Stats.FunctionsAnalyzed;
      Eng.getBugReporter().FlushReports();

      for (const Decl *Callee : VisitedCallees)
        Inlined.insert(Callee->getCanonicalDecl());
      AnalysedAsTopLevel.insert(D);
    }
  }

  Checkers.runCheckersOnEndOfTranslationUnit(TU, Mgr, BR);
  BR.FlushReports();
  Mgr.FlushDiagnostics();
  Stats.FindingsCut = cutReports();
  Stats.PathsStopped = stoppedPaths();
}

std::mutex &engineLock() {
  static std::mutex Lock;
  return Lock;
}

} // namespace

std::string runAnalyzer(ASTContext &Ctx, Preprocessor &PP,
                        const AnalysisConfig &Config,
                        llvm::function_ref<void(const PathDiagnostic &)> Report,
                        AnalysisStats &Stats) {
  auto Invocation = std::make_shared<CompilerInvocation>();
  std::string Error = parseConfig(Config, *Invocation);
  if (!Error.empty())
    return Error;

  // Like `clang --analyze`: an AST with errors is not analysed. Findings on
  // recovery expressions would be noise, and stale ones are dropped by the
  // caller since each run replaces the last.
  DiagnosticsEngine &Diags = Ctx.getDiagnostics();
  if (Diags.hasUncompilableErrorOccurred() || Diags.hasFatalErrorOccurred())
    return "";

  AnalyzerOptions &Opts = Invocation->getAnalyzerOpts();
  std::vector<Decl *> Decls = mainFileDecls(Ctx);
  // The checkers gather driver facts (role-type declarations, registrations)
  // by traversing the translation unit, which clangd narrows to the main
  // file; widen it for the run so that a handler declared in the driver's
  // own header counts as it does under `clang --analyze`.
  std::vector<Decl *> Scope = Ctx.getTraversalScope();
  Ctx.setTraversalScope({Ctx.getTranslationUnitDecl()});
  CompilerInstance CI(Invocation);
  CI.setASTContext(llvm::IntrusiveRefCntPtr<ASTContext>(&Ctx));
  // clangd builds each open file on a worker thread of its own, but the
  // analyzer keeps process-wide state (its statistics) without locks: one
  // engine runs at a time. The wait does not count against the budget
  // (runPasses starts its clock after it).
  auto WaitFrom = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> OneEngine(engineLock());
  Stats.EngineStart = std::chrono::steady_clock::now();
  Stats.Waited = std::chrono::duration_cast<std::chrono::milliseconds>(
      Stats.EngineStart - WaitFrom);
  {
    // Set before the checkers are built: condis.core.Budget is registered
    // only under a deadline. The exploration (each branch) and report
    // construction count against it: past it, paths end and condis findings
    // are cut instead of given a path (TimeBudget.h).
    AnalysisDeadline Bound(runDeadline(Config.Budget, Stats),
                           Config.Budget.Cancelled);
    cross_tu::CrossTranslationUnitContext CTU(CI);
    Engine E;
    // Installed after clangd's own crash handlers, so a crash outside a
    // RunSafely still reaches them.
    llvm::CrashRecoveryContext::Enable();
    llvm::CrashRecoveryContext CRC;
    bool Finished = CRC.RunSafely([&] {
      std::function<void(CheckerRegistry &)> Register = registerCheckers;
      {
        SetupErrors Setup(Diags);
        E.Checkers = std::make_unique<CheckerManager>(
            Ctx, Opts, PP, llvm::ArrayRef<std::string>(),
            llvm::ArrayRef<std::function<void(CheckerRegistry &)>>(Register));
        Error = Setup.Message;
      }
      PathDiagnosticConsumers Consumers;
      Consumers.push_back(std::make_unique<ForwardingConsumer>(Report));
      E.Mgr = std::make_unique<AnalysisManager>(
          Ctx, PP, std::move(Consumers), CreateRegionStoreManager,
          constraintCreator(Opts), E.Checkers.get(), Opts);
      runPasses(E, Ctx, Decls, CTU, Config.Budget, Stats);
    });
    if (!Finished) {
      // The engine's objects may be half-updated; leaking them is safer
      // than running their destructors.
      Stats.Crashed = true;
      (void)E.Mgr.release();
      (void)E.Checkers.release();
    }
  }
  Stats.EngineEnd = std::chrono::steady_clock::now();
  OneEngine.unlock();
  // Give the borrowed context back as it was: clangd still owns and uses it.
  CI.setASTContext(nullptr);
  Ctx.setTraversalScope(Scope);
  return Error;
}

} // namespace condis
