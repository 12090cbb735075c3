//===-- AnalyzerCheck.cpp - The condis-analyzer clang-tidy check -*- C++ -*-===//
//
// Part of condis-check.
//
// clangd builds a fresh AST for every edit and runs the enabled clang-tidy
// checks over it: PP callbacks while parsing, matchers over the main file's
// top-level declarations, then onEndOfTranslationUnit while the AST and the
// preprocessor are still alive. This check does its whole work there: it
// hands an AST to the analyzer engine (AnalyzerRun.cpp) and turns each path
// diagnostic into one warning plus one note per path event. The AST is
// clangd's own, or, when clangd parsed the file on top of its preamble, a
// full parse of the same buffer (FullParse.h) whose locations are mapped
// back into clangd's. Every run reports the findings of the current buffer
// only, so a fixed bug disappears with the next AST.
//
//===----------------------------------------------------------------------===//

#include "AnalyzerCheck.h"
#include "KitFileSystem.h"
#ifndef CONDIS_TIDY_MODULE
#include "NolintFix.h"
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
  Config.CC1Args = {"-analyzer-checker=core", "-analyzer-checker=apiModeling"};
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

bool AnalyzerCheck::reports(StringRef CheckerName) const {
  for (const std::string &R : Reported) {
    StringRef Name(CheckerName);
    if (Name == R || (Name.consume_front(R) && Name.starts_with(".")))
      return true;
  }
  return false;
}

void AnalyzerCheck::forward(const PathDiagnostic &PD, LocationMap &Locations) {
  StringRef Checker = PD.getCheckerName();
  if (!reports(Checker))
    return;
  auto FileLoc = [&Locations](const PathDiagnosticLocation &L) {
    return Locations.map(L.asLocation());
  };
  SourceLocation Loc = FileLoc(PD.getLocation());
  if (Loc.isInvalid())
    return;

  // clang-tidy keeps a diagnostic only when its name is enabled in Checks.
  // Under clang-tidy a finding whose checker name is not (Checks names only
  // condis-analyzer) goes out under the check's own name, the checker's name
  // in the message. clangd shows every name the check reports.
  StringRef Name = Checker;
  std::string Message = PD.getShortDescription().str();
#ifdef CONDIS_TIDY_MODULE
  if (!TidyContext->isCheckEnabled(Checker)) {
    Name = OwnName;
    Message += " [" + Checker.str() + "]";
  }
#endif
  {
    // "%0": analyzer messages may contain '%', which a diagnostic format
    // string would interpret.
    DiagnosticBuilder Warning =
        TidyContext->diag(Name, Loc, "%0", DiagnosticIDs::Warning);
    Warning << Message;
    if (!PD.path.empty())
      for (SourceRange R : PD.path.back()->getRanges()) {
        CharSourceRange FileRange =
            Lexer::makeFileCharRange(CharSourceRange::getTokenRange(R),
                                     Locations.source(), AST->getLangOpts());
        SourceLocation Begin = Locations.map(FileRange.getBegin());
        SourceLocation End = Locations.map(FileRange.getEnd());
        if (FileRange.isValid() && Begin.isValid() && End.isValid())
          Warning << CharSourceRange::getCharRange(Begin, End);
      }
    // Fix-its (condis.Role's replacement call) ride on the path's pieces.
    for (const auto &Piece : PD.path.flatten(/*ShouldFlattenMacros=*/true))
      for (const FixItHint &H : Piece->getFixits()) {
        CharSourceRange FileRange = Lexer::makeFileCharRange(
            H.RemoveRange, Locations.source(), AST->getLangOpts());
        SourceLocation Begin = Locations.map(FileRange.getBegin());
        SourceLocation End = Locations.map(FileRange.getEnd());
        if (FileRange.isValid() && Begin.isValid() && End.isValid())
          Warning << FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(Begin, End), H.CodeToInsert);
      }
  }

  PathPieces Path = PD.path.flatten(/*ShouldFlattenMacros=*/true);
  for (auto It = Path.begin(), End = Path.end(); It != End; ++It) {
    const PathDiagnosticPiece &Piece = **It;
    if (isa<PathDiagnosticPopUpPiece>(Piece) || Piece.getString().empty())
      continue;
    SourceLocation NoteLoc = FileLoc(Piece.getLocation());
    if (NoteLoc.isInvalid())
      continue;
    // The last event repeats the warning at the warning's location.
    if (std::next(It) == End && NoteLoc == Loc &&
        Piece.getString() == PD.getShortDescription())
      continue;
    TidyContext->diag(Name, NoteLoc, "%0", DiagnosticIDs::Note)
        << Piece.getString();
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
static void logRun(ASTContext &Ctx, const AnalysisStats &Stats,
                   PreambleUse Preamble, std::chrono::milliseconds Time) {
  static const bool Always = std::getenv("CONDIS_CLANGD_STATS") != nullptr;
  if (!Always && !Stats.FunctionsSkipped && !Stats.FindingsCut &&
      !Stats.Crashed)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  static std::mutex Lock;
  std::lock_guard<std::mutex> Guard(Lock);
  llvm::errs() << "condis-analyzer: " << (Main ? Main->getName() : "<main>")
               << ": " << Stats.FunctionsAnalyzed << " functions analysed, "
               << Stats.FunctionsSkipped << " skipped (budget spent), "
               << Stats.Nodes << " nodes, " << Stats.FindingsCut
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
    llvm::errs() << "; engine +" << Since(Stats.EngineStart) << "..+"
                 << Since(Stats.EngineEnd) << " ms, after waiting "
                 << Stats.Waited.count() << " ms for another file's";
  }
  llvm::errs() << "\n";
}

void AnalyzerCheck::analyze(ASTContext &Ctx, Preprocessor &ThePP,
                            AnalysisStats &Stats) {
  LocationMap Locations(Ctx.getSourceManager(), AST->getSourceManager());
  std::string Error = runAnalyzer(
      Ctx, ThePP, Config,
      [&](const PathDiagnostic &PD) { forward(PD, Locations); }, Stats);
  if (!Error.empty())
    ConfigProblems.push_back("invalid analyzer configuration for "
                             "condis-analyzer (options Checkers='" +
                             CheckersOption + "', AnalyzerConfig='" +
                             AnalyzerConfigOption + "'): " + Error);
}

void AnalyzerCheck::onEndOfTranslationUnit() {
  if (AST && PP) {
    AnalysisStats Stats;
    auto Start = std::chrono::steady_clock::now();
    bool Analysed = false;
    PreambleUse Preamble = PreambleUse::None;
    if (FullParse && usesPreamble(*PP)) {
      std::string Failure = withFullParse(
          *AST, *PP,
          [&](ASTContext &FullCtx, Preprocessor &FullPP) {
            Stats.FullParse = true;
            analyze(FullCtx, FullPP, Stats);
          },
          Preamble);
      Analysed = Failure.empty();
      // A file with errors is not analysed either way; say nothing then.
      if (!Analysed && !AST->getDiagnostics().hasErrorOccurred())
        llvm::errs() << "condis-analyzer: no full parse (" << Failure
                     << "); analysing clangd's AST\n";
    }
    if (!Analysed)
      analyze(*AST, *PP, Stats);
    logRun(*AST, Stats, Preamble,
           std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now() - Start));
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
