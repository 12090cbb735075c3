//===-- AnalyzerCheck.cpp - The condis-analyzer clang-tidy check -*- C++ -*-===//
//
// Part of condis-check.
//
// clangd builds a fresh AST for every edit and runs the enabled clang-tidy
// checks over it: PP callbacks while parsing, matchers over the main file's
// top-level declarations, then onEndOfTranslationUnit while the AST and the
// preprocessor are still alive. This check does its work there. In
// condis-clangd it copies what a full parse of the buffer (FullParse.h)
// needs, queues the analysis on the background thread (AsyncAnalysis.h)
// and marks the diagnostics pending; on the rebuild that follows the
// analysis it finds the outcome and reports it. Under clang-tidy, or when
// clangd's own AST is to be analysed, it hands the AST to the analyzer
// engine (AnalyzerRun.cpp) right away. Either way each path diagnostic is
// recorded by file and offset (RecordedFinding.h) and reported as one
// warning plus one note per path event in clangd's SourceManager. Every
// run reports the findings of the current buffer only, so a fixed bug
// disappears with the next AST.
//
//===----------------------------------------------------------------------===//

#include "AnalyzerCheck.h"
#include "KitFileSystem.h"
#include "LogLine.h"
#ifndef CONDIS_TIDY_MODULE
#include "AsyncAnalysis.h"
#include "NolintFix.h"
#include "llvm/Support/xxhash.h"
#endif
#include "Sal.h"
#include "TidyHook.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/PathDiagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <limits>
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <mutex>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::ento;

namespace condis {
namespace {

const char *const DefaultAnalyzerConfig[] = {
#if LLVM_WITH_Z3
    "crosscheck-with-z3=true",
#ifndef CONDIS_TIDY_MODULE
    // In the editor a report may hold the file up for about a second at
    // most. Under clang-tidy (batch, often a busy CI machine) these
    // wall-clock caps would drop findings by load, so the module keeps
    // clang's own limit per query, as condis-check does.
    "crosscheck-with-z3-timeout-threshold=300",
    "crosscheck-with-z3-eqclass-timeout-threshold=700",
#endif
#endif
};

std::vector<std::string> splitList(StringRef List) {
  std::vector<std::string> Items;
  SmallVector<StringRef, 8> Parts;
  List.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Items.push_back(P.trim().str());
  return Items;
}

} // namespace

AnalyzerCheck::AnalyzerCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context), OwnName(Name.str()),
      CheckersOption(Options.get("Checkers", "condis").str()),
      AnalyzerConfigOption(Options.get("AnalyzerConfig", "").str()),
      Reported(splitList(CheckersOption)) {
  AnalysisBudget &B = Config.Budget;
#ifdef CONDIS_TIDY_MODULE
  // Under clang-tidy (CondisTidyModule.so) nobody is waiting at a keystroke:
  // clang's own per-function limit (max-nodes), no file or time budget, so
  // a run never misses a finding because the machine was busy.
  B.MaxNodesPerFunction = 225000;
  B.MaxNodesPerFile = std::numeric_limits<unsigned>::max();
  B.Time = std::chrono::hours(24);
#endif
  // A node budget of 0 would mean "unlimited" to the engine.
  B.MaxNodesPerFunction = unsignedOption(
      "MaxNodesPerFunction", B.MaxNodesPerFunction, /*AllowZero=*/false);
  B.MaxNodesPerFile =
      unsignedOption("MaxNodesPerFile", B.MaxNodesPerFile, /*AllowZero=*/false);
  B.Time = std::chrono::milliseconds(
      unsignedOption("TimeBudgetMs", static_cast<unsigned>(B.Time.count()),
                     /*AllowZero=*/true));
  FullParse = boolOption("FullParse", FullParse);

  // Clang's own modelling runs as it does under `clang --analyze`, so the
  // condis checkers see the same paths; only the Checkers are reported.
  // condis.core.Budget stops paths once TimeBudgetMs is spent (it is
  // registered only while the run has its deadline: AnalyzerRun.cpp).
  Config.CC1Args = {"-analyzer-checker=core", "-analyzer-checker=apiModeling",
                    "-analyzer-checker=condis.core.Budget"};
  for (const std::string &C : Reported)
    Config.CC1Args.push_back("-analyzer-checker=" + C);
  // Reports are refuted with Z3 (bit-flag state the range solver cannot
  // follow, docs/checkers/drop-party.md), with the per-query and per-report
  // time bounds clang suggests so that no report holds the editor up for
  // more than about a second. AnalyzerConfig entries come later and win.
  for (const char *KV : DefaultAnalyzerConfig) {
    Config.CC1Args.push_back("-analyzer-config");
    Config.CC1Args.push_back(KV);
  }
  for (const std::string &KV : splitList(AnalyzerConfigOption)) {
    Config.CC1Args.push_back("-analyzer-config");
    Config.CC1Args.push_back(KV);
  }
}

unsigned AnalyzerCheck::unsignedOption(StringRef Name, unsigned Default,
                                       bool AllowZero) {
  StringRef Value = Options.get(Name, "");
  unsigned Result;
  if (Value.empty())
    return Default;
  if (!Value.trim().getAsInteger(10, Result) && (AllowZero || Result > 0))
    return Result;
  ConfigProblems.push_back(
      ("invalid value '" + Value + "' for condis-analyzer option " + Name +
       ": expected a " + (AllowZero ? "non-negative" : "positive") +
       " integer; using " + Twine(Default))
          .str());
  return Default;
}

bool AnalyzerCheck::boolOption(StringRef Name, bool Default) {
  StringRef Value = Options.get(Name, "").trim();
  if (Value.empty())
    return Default;
  if (Value.equals_insensitive("true") || Value == "1")
    return true;
  if (Value.equals_insensitive("false") || Value == "0")
    return false;
  ConfigProblems.push_back(
      ("invalid value '" + Value + "' for condis-analyzer option " + Name +
       ": expected true or false; using " + (Default ? "true" : "false"))
          .str());
  return Default;
}

void AnalyzerCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Checkers", CheckersOption);
  Options.store(Opts, "AnalyzerConfig", AnalyzerConfigOption);
  Options.store(Opts, "MaxNodesPerFunction", Config.Budget.MaxNodesPerFunction);
  Options.store(Opts, "MaxNodesPerFile", Config.Budget.MaxNodesPerFile);
  Options.store(Opts, "TimeBudgetMs",
                static_cast<unsigned>(Config.Budget.Time.count()));
  Options.store(Opts, "FullParse", FullParse ? "true" : "false");
}

void AnalyzerCheck::registerPPCallbacks(const SourceManager &,
                                        Preprocessor *ThePP, Preprocessor *) {
  PP = ThePP;
  // Under clang-tidy (CondisTidyModule.so) this is before the first
  // #include; in condis-clangd clangd's file system is the kit's already
  // (KitHook.cpp) and this changes nothing.
  condis::installKitFileSystem(ThePP->getFileManager());
  // SAL _IRQL_* annotations expand to nothing; record them as the main file
  // is parsed, for when clangd's own AST is analysed (a full parse records
  // its own, headers included).
  if (!FullParse || !usesPreamble(*ThePP))
    condis::installSalRecorder(*ThePP);
}

void AnalyzerCheck::registerMatchers(MatchFinder *Finder) {
  // Only to learn the ASTContext: a file without a function definition has
  // nothing for the path-sensitive checkers.
  Finder->addMatcher(
      functionDecl(isDefinition(), isExpansionInMainFile()).bind("function"),
      this);
}

void AnalyzerCheck::check(const MatchFinder::MatchResult &Result) {
  AST = Result.Context;
}

/// Whether findings of \p CheckerName are reported (see Checkers).
static bool reports(const std::vector<std::string> &Reported,
                    StringRef CheckerName) {
  for (const std::string &R : Reported) {
    StringRef Name(CheckerName);
    if (Name == R || (Name.consume_front(R) && Name.starts_with(".")))
      return true;
  }
  return false;
}

void AnalyzerCheck::emit(const RecordedFinding &F, Placer &Where) {
  SourceLocation Loc = Where.place(F.Loc);
  if (Loc.isInvalid())
    return;

  // clang-tidy keeps a diagnostic only when its name is enabled in Checks.
  // Under clang-tidy a finding whose checker name is not (Checks names only
  // condis-analyzer) goes out under the check's own name, the checker's name
  // in the message. clangd shows every name the check reports.
  StringRef Name = F.Checker;
  std::string Message = F.Message;
#ifdef CONDIS_TIDY_MODULE
  if (!TidyContext->isCheckEnabled(Name)) {
    Name = OwnName;
    Message += " [" + F.Checker + "]";
  }
#endif
  {
    // "%0": analyzer messages may contain '%', which a diagnostic format
    // string would interpret.
    DiagnosticBuilder Warning =
        TidyContext->diag(Name, Loc, "%0", DiagnosticIDs::Warning);
    Warning << Message;
    for (const auto &[B, E] : F.Ranges) {
      SourceLocation Begin = Where.place(B), End = Where.place(E);
      if (Begin.isValid() && End.isValid())
        Warning << CharSourceRange::getCharRange(Begin, End);
    }
    for (const RecordedFinding::Fix &Fix : F.Fixes) {
      SourceLocation Begin = Where.place(Fix.Begin), End = Where.place(Fix.End);
      if (Begin.isValid() && End.isValid())
        Warning << FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(Begin, End), Fix.Text);
    }
  }
  for (const RecordedFinding::Note &N : F.Notes) {
    SourceLocation NoteLoc = Where.place(N.Loc);
    if (NoteLoc.isValid())
      TidyContext->diag(Name, NoteLoc, "%0", DiagnosticIDs::Note) << N.Text;
  }
#ifndef CONDIS_TIDY_MODULE
  // The NOLINT quick fix (NolintFix.h): clangd makes this note a code action.
  if (auto Fix = nolintFix(AST->getSourceManager(), Loc, Name))
    TidyContext->diag(Name, Loc, "%0", DiagnosticIDs::Note)
        << nolintNote(Name) << *Fix;
#endif
}

/// The origin of the engine times in the log line: the process's start.
static const std::chrono::steady_clock::time_point ProcessStart =
    std::chrono::steady_clock::now();

/// One line on stderr (clangd's log) when a run was cut short or crashed,
/// and for every run when CONDIS_CLANGD_STATS is set.
static void logRun(StringRef File, const AnalysisStats &Stats,
                   PreambleUse Preamble, std::chrono::milliseconds Time) {
  static const bool Always = std::getenv("CONDIS_CLANGD_STATS") != nullptr;
  if (!Always && !Stats.FunctionsSkipped && !Stats.FindingsCut &&
      !Stats.PathsStopped && !Stats.Crashed)
    return;
  std::string Line;
  llvm::raw_string_ostream OS(Line);
  OS << "condis-analyzer: " << (File.empty() ? "<main>" : File) << ": "
     << Stats.FunctionsAnalyzed << " functions analysed, "
     << Stats.FunctionsSkipped << " skipped (budget spent), " << Stats.Nodes
     << " nodes, " << Stats.PathsStopped
     << " paths stopped at a branch (time budget spent), " << Stats.FindingsCut
     << " findings cut (time budget spent building their paths), "
     << Time.count() << " ms"
     << (!Stats.FullParse                   ? ""
         : Preamble == PreambleUse::Built  ? " with a full parse "
                                             "(preamble built)"
         : Preamble == PreambleUse::Reused ? " with a full parse "
                                             "(preamble reused)"
                                           : " with a full parse")
     << (Stats.Crashed ? ", the analyzer crashed" : "");
  if (Stats.EngineEnd > Stats.EngineStart) {
    auto Since = [](std::chrono::steady_clock::time_point T) {
      return std::chrono::duration_cast<std::chrono::milliseconds>(
                 T - ProcessStart)
          .count();
    };
    OS << "; engine +" << Since(Stats.EngineStart) << "..+"
       << Since(Stats.EngineEnd) << " ms, after waiting "
       << Stats.Waited.count() << " ms for another file's";
  }
  logLine(Line);
}

static std::string mainFileName(const SourceManager &SM) {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  return Main ? Main->getName().str() : "";
}

/// Analyses \p Ctx and records the findings \p Reported selects in \p Out;
/// a configuration error goes to Out.Problems, after \p ProblemPrefix.
static void analyzeInto(ASTContext &Ctx, Preprocessor &ThePP,
                        const AnalysisConfig &Config,
                        const std::vector<std::string> &Reported,
                        const std::string &ProblemPrefix, AnalysisStats &Stats,
                        AnalysisOutcome &Out) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Error = runAnalyzer(
      Ctx, ThePP, Config,
      [&](const PathDiagnostic &PD) {
        if (!reports(Reported, PD.getCheckerName()))
          return;
        if (auto F = recordFinding(PD, SM, Ctx.getLangOpts()))
          Out.Findings.push_back(std::move(*F));
      },
      Stats);
  if (!Error.empty())
    Out.Problems.push_back(ProblemPrefix + Error);
}

/// The start of a configuration problem's message.
static std::string problemPrefix(StringRef Checkers, StringRef AnalyzerConfig) {
  return ("invalid analyzer configuration for condis-analyzer (options "
          "Checkers='" +
          Checkers + "', AnalyzerConfig='" + AnalyzerConfig + "'): ")
      .str();
}

void AnalyzerCheck::analyzeNow(bool TryFullParse) {
  AnalysisStats Stats;
  AnalysisOutcome Out;
  std::string Prefix = problemPrefix(CheckersOption, AnalyzerConfigOption);
  auto Start = std::chrono::steady_clock::now();
  // The time budget counts from here, the full parse included.
  AnalysisConfig Run = Config;
  Run.Budget.Start = Start;
  bool Analysed = false;
  PreambleUse Preamble = PreambleUse::None;
  if (TryFullParse && FullParse && usesPreamble(*PP)) {
    std::string Failure = withFullParse(
        *AST, *PP,
        [&](ASTContext &FullCtx, Preprocessor &FullPP) {
          Stats.FullParse = true;
          analyzeInto(FullCtx, FullPP, Run, Reported, Prefix, Stats, Out);
        },
        Preamble);
    Analysed = Failure.empty();
    // A file with errors is not analysed either way; say nothing then.
    if (!Analysed && !AST->getDiagnostics().hasErrorOccurred())
      logLine("condis-analyzer: no full parse (" + Failure +
              "); analysing clangd's AST");
  }
  if (!Analysed) {
    Out = AnalysisOutcome();
    analyzeInto(*AST, *PP, Run, Reported, Prefix, Stats, Out);
  }
  Placer Where(AST->getSourceManager());
  for (const RecordedFinding &F : Out.Findings)
    emit(F, Where);
  ConfigProblems.insert(ConfigProblems.end(), Out.Problems.begin(),
                        Out.Problems.end());
  logRun(mainFileName(AST->getSourceManager()), Stats, Preamble,
         std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now() - Start));
}

#ifndef CONDIS_TIDY_MODULE
std::string AnalyzerCheck::configKey() const {
  std::string Key;
  for (const std::string &A : Config.CC1Args)
    Key += A + '\0';
  for (const std::string &R : Reported)
    Key += R + '\0';
  Key += std::to_string(Config.Budget.MaxNodesPerFunction) + ',' +
         std::to_string(Config.Budget.MaxNodesPerFile) + ',' +
         std::to_string(Config.Budget.Time.count());
  return Key;
}

AnalyzerCheck::Plan AnalyzerCheck::analyzeLater() {
  AsyncAnalysis &Queue = AsyncAnalysis::instance();
  // FullParse false asks for clangd's own AST, which only lives now; a
  // time budget of 0 analyses nothing and costs nothing.
  if (!FullParse || !Queue.enabled() || Config.Budget.Time.count() == 0)
    return Plan::AnalyseNow;
  const SourceManager &SM = AST->getSourceManager();
  std::string Path = mainFileName(SM);
  if (Path.empty())
    return Plan::AnalyseNow;
  // Like `clang --analyze`: a file with errors is not analysed, and the
  // analysis of an older version is not worth finishing.
  DiagnosticsEngine &Diags = AST->getDiagnostics();
  if (Diags.hasUncompilableErrorOccurred() || Diags.hasFatalErrorOccurred()) {
    Queue.supersede(Path);
    return Plan::Done;
  }
  std::string Why;
  std::optional<FullParseInputs> Inputs = snapshotFullParse(*AST, *PP, Why);
  if (!Inputs)
    return Plan::AnalyseNow;
  uint64_t Key = llvm::xxh3_64bits(fullParseKey(*Inputs) + '\0' + configKey());

  if (std::shared_ptr<const AnalysisOutcome> Outcome =
          Queue.finished(Path, Key)) {
    std::shared_ptr<const BodyPreamble> Preamble = Outcome->Preamble.lock();
    if (!Outcome->UsedPreamble ||
        (Preamble && preambleStillValid(*Preamble, *Inputs))) {
      if (Outcome->FullParseFailed)
        return Plan::AnalyseClangdAST; // It logged why.
      Placer Where(SM);
      for (const RecordedFinding &F : Outcome->Findings)
        emit(F, Where);
      ConfigProblems.insert(ConfigProblems.end(), Outcome->Problems.begin(),
                            Outcome->Problems.end());
      return Plan::Done;
    }
  }

  // The job owns copies of everything it reads: this check and clangd's
  // AST are gone by the time it runs.
  auto Shared = std::make_shared<const FullParseInputs>(std::move(*Inputs));
  Queue.submit(
      Path, Key,
      [Shared, Config = Config, Reported = Reported,
       Prefix = problemPrefix(CheckersOption, AnalyzerConfigOption)](
          const std::atomic<bool> &Cancelled)
          -> std::shared_ptr<const AnalysisOutcome> {
        auto Out = std::make_shared<AnalysisOutcome>();
        auto Start = std::chrono::steady_clock::now();
        AnalysisConfig Run = Config;
        Run.Budget.Cancelled = &Cancelled;
        Run.Budget.Start = Start; // the full parse counts
        AnalysisStats Stats;
        PreambleUse Preamble = PreambleUse::None;
        std::shared_ptr<const BodyPreamble> Used;
        std::string Failure = withFullParse(
            *Shared,
            [&](ASTContext &Ctx, Preprocessor &ThePP) {
              Stats.FullParse = true;
              if (!Cancelled)
                analyzeInto(Ctx, ThePP, Run, Reported, Prefix, Stats, *Out);
            },
            Preamble, &Used);
        Out->UsedPreamble = Used != nullptr;
        Out->Preamble = Used;
        if (Cancelled)
          return nullptr;
        if (!Failure.empty()) {
          logLine("condis-analyzer: no full parse (" + Failure +
                  "); analysing clangd's AST");
          auto Failed = std::make_shared<AnalysisOutcome>();
          Failed->FullParseFailed = true;
          Failed->UsedPreamble = Out->UsedPreamble;
          Failed->Preamble = Out->Preamble;
          return Failed;
        }
        logRun(Shared->MainName, Stats, Preamble,
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - Start));
        return Out;
      });
  // DiagnosticSourceFilter turns this into "condisAnalysis": "pending".
  TidyContext->diag(OwnName, SM.getLocForStartOfFile(SM.getMainFileID()),
                    "%0", DiagnosticIDs::Warning)
      << PendingMessage;
  return Plan::Done;
}
#endif

void AnalyzerCheck::onEndOfTranslationUnit() {
  if (AST && PP) {
    Plan Next = Plan::AnalyseNow;
#ifndef CONDIS_TIDY_MODULE
    Next = analyzeLater();
#endif
    if (Next != Plan::Done)
      analyzeNow(/*TryFullParse=*/Next == Plan::AnalyseNow);
  }
  AST = nullptr; // Each AST is analysed once, by the run that saw it.

  // Reported after the run, which skips files with errors, and as errors:
  // clangd drops location-less warnings, and the user would never learn why
  // nothing shows.
  for (const std::string &Problem : ConfigProblems)
    configurationDiag("%0", DiagnosticIDs::Error) << Problem;
}

namespace {

class CondisTidyModule : public tidy::ClangTidyModule {
public:
  void addCheckFactories(tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<AnalyzerCheck>(AnalyzerCheckName);
  }
};

} // namespace
} // namespace condis

// Linked into the condis-clangd executable, so the static registration runs
// in the same process as clangd's own modules.
static clang::tidy::ClangTidyModuleRegistry::Add<condis::CondisTidyModule>
    CondisModule("condis-module", "Runs the condis analyzer checkers.");
