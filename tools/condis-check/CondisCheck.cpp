//===-- CondisCheck.cpp - condis-check, the CI lint tool ------------------===//
//
// Part of condis-check. Analyses the C/C++ files of a compilation database
// with the condis checkers linked in:
//
//   1. load BUILD_DIR/compile_commands.json, pick the files (arguments or
//      every C/C++ entry) and this shard's share of them;
//   2. pre-pass: parse every file of the database (AST only, in parallel)
//      and merge what each says about the driver (PrePass.h), taking
//      unchanged files' facts from --facts-cache (FactsCache.h), or read
//      the merged facts of --facts instead (FactsFile.h); --write-facts
//      writes them and stops here;
//   3. install the merged facts (condis::setProjectFacts) and analyse the
//      picked files in parallel, each in its own ClangTool (Analysis.h);
//   4. add the project-level findings, sort, drop what the baseline knows,
//      print text or SARIF, exit 0 / 1 (findings) / 2 (tool or input error).
//
// Results never depend on -j: every file's result lands in its own slot and
// everything is sorted before it is printed. See docs/condis-check.md.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "CompileCommands.h"
#include "CompileDatabase.h"
#include "FactsCache.h"
#include "FactsFile.h"
#include "Findings.h"
#include "Interrupt.h"
#include "Invocation.h"
#include "ModelingChecker.h"
#include "OutputFile.h"
#include "PrePass.h"
#include "ProjectScan.h"
#include "RoleOption.h"
#include "Rules.h"
#include "Sarif.h"
#include "Vcxproj.h"
#include "Workers.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <map>
#include <set>
#include <thread>
#include <tuple>

using namespace llvm;
using namespace condis::cli;
using clang::tooling::CompileCommand;

namespace {

enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitError = 2 };

cl::OptionCategory Category("condis-check options");

const char Overview[] =
    R"(condis-check: find CoNDIS driver bugs in a whole build

  condis-check -p BUILD_DIR [FILE...]
  condis-check FILE... -- COMPILER_FLAGS...
  condis-check -p DRIVER.vcxproj --wdk KIT_INCLUDE_DIR [FILE...]
  condis-check --merge [-o OUT.sarif] SHARD.sarif...

Analyses FILEs, or every C/C++ entry of BUILD_DIR/compile_commands.json when
none is given (without a database: FILEs compiled with the flags after --), with the Clang Static Analyzer and the condis checkers. Before
that, a pre-pass reads every file of the database for the facts that span
files (the driver's role, which functions are registered as handlers), so
each file is judged with the registrations other files make.

Exit status: 0 no findings, 1 findings, 2 tool or input error (missing or
bad database, unreadable file, a file that does not compile, bad option);
errors name the file and the other files are still analysed.
Documentation: docs/condis-check.md.
)";

cl::opt<std::string> BuildPath(
    "p", cl::value_desc("build-dir"),
    cl::desc("Build directory holding compile_commands.json (command or\n"
             "arguments form), or the path of the JSON file itself"),
    cl::cat(Category));

cl::list<std::string> PathMaps(
    "path-map", cl::value_desc("WINDOWS_ROOT=LINUX_ROOT"),
    cl::desc("Read a database written on Windows here: paths under\n"
             "WINDOWS_ROOT (any case, either slash) are under LINUX_ROOT;\n"
             "repeatable, the first match wins"),
    cl::cat(Category));

cl::list<std::string> ExtraArgs(
    "extra-arg", cl::value_desc("arg"),
    cl::desc("Add an argument to the end of every compile command;\n"
             "repeatable (as clang-tidy's)"),
    cl::cat(Category));

cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before", cl::value_desc("arg"),
    cl::desc("Add an argument after the compiler of every compile\n"
             "command; repeatable (as clang-tidy's)"),
    cl::cat(Category));

cl::list<std::string> Excludes(
    "exclude", cl::value_desc("glob"),
    cl::desc("Do not analyse files matching the glob, given relative to\n"
             "--source-root or absolute ('*' crosses '/'); they are still\n"
             "read for project facts. Repeatable"),
    cl::cat(Category));

cl::opt<bool> Quiet("quiet",
                    cl::desc("Print findings and errors only: no summary "
                             "line, no progress"),
                    cl::cat(Category));

cl::opt<std::string> VcxprojConfiguration(
    "vcxproj-configuration", cl::value_desc("CONFIGURATION|PLATFORM"),
    cl::desc("With -p PROJECT.vcxproj: the configuration to analyse, as\n"
             "MSBuild names it ('Release|x64'; default: the project's\n"
             "first)"),
    cl::cat(Category));

cl::opt<std::string> WdkInclude(
    "wdk", cl::value_desc("dir"),
    cl::desc("With -p PROJECT.vcxproj: the WDK's Include/<version> folder\n"
             "(km, km/crt and shared are searched as system headers)"),
    cl::cat(Category));

cl::opt<std::string> ExportDatabase(
    "export-database", cl::value_desc("file"),
    cl::desc("Write the compile commands (after --path-map, --extra-arg,\n"
             "a .vcxproj's translation) as compile_commands.json to <file>\n"
             "and exit without analysing"),
    cl::cat(Category));

cl::list<std::string>
    Inputs(cl::Positional, cl::value_desc("file"),
           cl::desc("<file>... (with --merge: the SARIF files to merge)"),
           cl::cat(Category));

enum class Format { Text, Sarif };
cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(Format::Text, "text",
                          "clang-style warnings with path notes (default)"),
               clEnumValN(Format::Sarif, "sarif",
                          "SARIF 2.1.0 for code scanning (GitHub, IDEs)")),
    cl::init(Format::Text), cl::cat(Category));

cl::opt<std::string> OutputFile("o", cl::value_desc("file"),
                                cl::desc("Write the output to <file> instead "
                                         "of standard output"),
                                cl::cat(Category));

cl::opt<unsigned>
    Jobs("j", cl::value_desc("N"), cl::Prefix,
         cl::desc("Analyse N files at once (default: the machine's cores);\n"
                  "the output is the same for every N"),
         cl::init(0), cl::cat(Category));

cl::opt<std::string>
    Shard("shard", cl::value_desc("K/N"),
          cl::desc("Analyse only part K of N of the files (1 <= K <= N),\n"
                   "for splitting a database across CI runners; merge the\n"
                   "runners' SARIF files with --merge"),
          cl::cat(Category));

cl::opt<bool> Merge("merge",
                    cl::desc("Merge the SARIF files given as arguments (for "
                             "example the\n--shard runs' outputs) into one "
                             "log; --format, -o,\n--baseline and "
                             "--write-baseline apply to the result"),
                    cl::cat(Category));

cl::opt<std::string> FactsCacheDir(
    "facts-cache", cl::value_desc("dir"),
    cl::desc("Keep each file's project facts in <dir> and reuse them while\n"
             "the file, the headers it read and its compile command are\n"
             "unchanged: an unchanged project is not parsed again before\n"
             "the analysis"),
    cl::cat(Category));

cl::opt<std::string> WriteFacts(
    "write-facts", cl::value_desc("file"),
    cl::desc("Read the whole database for project facts, write them to\n"
             "<file> and exit without analysing (for --facts)"),
    cl::cat(Category));

cl::opt<std::string> FactsInput(
    "facts", cl::value_desc("file"),
    cl::desc("Take the project facts from <file> (written by --write-facts\n"
             "for the same compile commands) instead of reading every file\n"
             "of the database: for CI shards"),
    cl::cat(Category));

cl::opt<bool>
    Progress("progress",
             cl::desc("Print a progress line per file ([12/340] file.c) on\n"
                      "standard error; on by default when it is a terminal"),
             cl::cat(Category));

cl::list<std::string>
    Config("config", cl::value_desc("KEY=VALUE"),
           cl::desc("Analyzer option, as clang's -analyzer-config takes it\n"
                    "(max-nodes=..., condis:Handlers=...); repeatable.\n"
                    "crosscheck-with-z3=true is the default here (reports on\n"
                    "paths Z3 proves impossible are dropped);\n"
                    "crosscheck-with-z3=false turns it off"),
           cl::cat(Category));

cl::opt<double> FileTimeBudget(
    "file-time-budget", cl::value_desc("seconds"),
    cl::desc("Time one file's analysis may take building its findings'\n"
             "paths; findings whose paths are not built by then are cut\n"
             "and the file is named in a warning (not an error: the exit\n"
             "status is unchanged). Default: no budget"),
    cl::init(0), cl::cat(Category));

cl::opt<std::string>
    Checks("checks", cl::value_desc("list"),
           cl::desc("Comma-separated checkers or packages whose findings are\n"
                    "reported; a leading '-' removes, later entries win\n"
                    "(default: condis; e.g. condis,core.NullDereference,\n"
                    "-condis.Irql). The core package always runs, for its\n"
                    "modelling"),
           cl::init("condis"), cl::cat(Category));

cl::opt<std::string>
    BaselineFile("baseline", cl::value_desc("file.sarif"),
                 cl::desc("Hide findings already in this SARIF log (matched "
                          "by rule,\nfile and a fingerprint that does not "
                          "depend on the line)"),
                 cl::cat(Category));

cl::opt<std::string>
    WriteBaselineFile("write-baseline", cl::value_desc("file.sarif"),
                      cl::desc("Write every finding of this run (before "
                               "--baseline is\napplied) to a SARIF log for "
                               "later --baseline use"),
                      cl::cat(Category));

cl::opt<std::string> SourceRoot(
    "source-root", cl::value_desc("dir"),
    cl::desc("Directory SARIF URIs are relative to (%SRCROOT%) and text\n"
             "output paths are shown relative to (default: the current\n"
             "directory)"),
    cl::cat(Category));

cl::opt<std::string> DocsUrl(
    "docs-url", cl::value_desc("url"),
    cl::desc("Base URL of the published docs/ directory, for SARIF helpUri\n"
             "(default: " CONDIS_DOCS_URL ")"),
    cl::init(CONDIS_DOCS_URL), cl::cat(Category));

/// Analyzer options condis-check sets unless --config says otherwise.
const char *const DefaultConfig[] = {
#if LLVM_WITH_Z3
    "crosscheck-with-z3=true",
#endif
};

bool isCOrCxx(StringRef File) {
  StringRef Ext = sys::path::extension(File);
  return is_contained(
      {".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".CC", ".CPP", ".CXX"}, Ext);
}

struct Run {
  std::string Root;
  std::vector<Finding> Findings;
  std::vector<ToolError> Errors;
};

const char CrashMessage[] =
    "clang crashed on this file, which was not analysed; please report it "
    "with the file and its compile command";

int fail(const Twine &Message) {
  errs() << "error: " << Message << '\n';
  return ExitError;
}

/// The outputs and the baseline, opened and read before any analysis, so
/// that an output that cannot be written or a bad baseline is an error at
/// once (OutputFile.h).
condis::cli::OutputFile Output, BaselineOutput; // not the -o option
SarifLog Baseline;

/// Whether -o was given (the option's name is also the class's).
bool writesOutput() { return !OutputFile.empty(); }

/// Checks the inputs and outputs that are not files to analyse; returns
/// false after printing the error.
bool prepareOutputs() {
  std::string Err;
  if (!BaselineFile.empty() && !readSarif(BaselineFile, Baseline, Err))
    return fail("--baseline: " + Err), false;
  if (!WriteBaselineFile.empty() &&
      !BaselineOutput.open(WriteBaselineFile, Err, "baseline "))
    return fail(Err), false;
  if (!Output.open(OutputFile, Err))
    return fail(Err), false;
  return true;
}

/// --baseline, --write-baseline, output and exit status; shared by the
/// analysis and --merge.
int finish(Run &R, const RuleCatalog &Rules) {
  sortAndUnique(R.Findings);

  std::string Err;
  if (BaselineOutput.isOpen()) {
    writeSarif(BaselineOutput.os(), R.Findings, {}, Rules, R.Root);
    if (!BaselineOutput.commit(Err))
      return fail(Err);
  }

  size_t Hidden = 0;
  if (!BaselineFile.empty()) {
    const SarifLog &Base = Baseline;
    std::map<std::tuple<std::string, std::string, std::string>, unsigned> Known;
    for (const SarifLog::Key &K : Base.Keys)
      ++Known[{K.RuleId, K.Uri, K.Fingerprint}];
    std::vector<Finding> Kept;
    for (Finding &F : R.Findings) {
      auto It =
          Known.find({F.RuleId, sarifUri(R.Root, F.Where.File), F.Fingerprint});
      if (It != Known.end() && It->second > 0) {
        --It->second;
        ++Hidden;
        continue;
      }
      Kept.push_back(std::move(F));
    }
    R.Findings = std::move(Kept);
  }

  raw_ostream &OS = Output.os();
  if (OutputFormat == Format::Sarif)
    writeSarif(OS, R.Findings, R.Errors, Rules, R.Root);
  else
    printText(OS, R.Findings, R.Root);
  if (!Output.commit(Err))
    return fail(Err);

  for (const ToolError &E : R.Errors)
    printError(errs(), E, R.Root);
  size_t ErrorCount = count_if(R.Errors, [](const ToolError &E) {
    return !E.Warning;
  });
  size_t WarningCount = R.Errors.size() - ErrorCount;
  if (Quiet)
    return ErrorCount            ? ExitError
           : R.Findings.empty() ? ExitClean
                                : ExitFindings;
  errs() << "condis-check: " << R.Findings.size() << " finding"
         << (R.Findings.size() == 1 ? "" : "s");
  if (Hidden)
    errs() << " (" << Hidden << " more in the baseline)";
  if (ErrorCount)
    errs() << ", " << ErrorCount << " error" << (ErrorCount == 1 ? "" : "s");
  if (WarningCount)
    errs() << ", " << WarningCount << " file"
           << (WarningCount == 1 ? "" : "s") << " cut by --file-time-budget";
  errs() << '\n';

  if (ErrorCount)
    return ExitError;
  return R.Findings.empty() ? ExitClean : ExitFindings;
}

int runMerge(Run &R, const RuleCatalog &Rules, StringRef Cwd) {
  if (Inputs.empty())
    return fail("--merge needs the SARIF files to merge");
  for (const std::string &In : Inputs) {
    SarifLog Log;
    std::string Err;
    if (!readSarif(In, Log, Err)) {
      R.Errors.push_back({In, Err, {}});
      continue;
    }
    if (SourceRoot.getNumOccurrences() == 0 && !Log.Root.empty() &&
        R.Root.empty())
      R.Root = Log.Root;
    append_range(R.Findings, Log.Findings);
    append_range(R.Errors, Log.Errors);
  }
  if (R.Root.empty())
    R.Root = Cwd.str();
  return finish(R, Rules);
}

/// The compile_commands.json entries for C/C++ files, one per file (the
/// first), sorted by absolute path.
bool loadDatabase(StringRef Path, std::vector<CompileCommand> &Out,
                  std::string &Error) {
  std::vector<PathMap> Maps(PathMaps.size());
  for (size_t I = 0; I < PathMaps.size(); ++I)
    if (!parsePathMap(PathMaps[I], Maps[I], Error))
      return false;
  std::vector<CompileCommand> All;
  // What the commands were read from, named when none of them is C or C++.
  std::string Source = Path.str();
  // A WDK driver project instead of a database: Vcxproj.h.
  if (isVcxproj(Path)) {
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    VcxprojOptions VO{VcxprojConfiguration,
                      WdkInclude.empty() ? "" : absolutePath(Cwd, WdkInclude),
                      Maps};
    if (!readVcxproj(Path, VO, All, Error))
      return false;
  }
  if (All.empty()) {
    SmallString<256> Json(Path);
    if (sys::fs::is_directory(Json))
      sys::path::append(Json, "compile_commands.json");
    if (!sys::fs::exists(Json)) {
      Error = "no compilation database: " + std::string(Json) +
              " does not exist (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS="
              "ON, or use bear/compiledb for make)";
      return false;
    }
    // Strict JSON and every entry whole, each problem named: CompileDatabase.h.
    std::vector<std::string> Problems = checkCompileDatabase(Json);
    for (const std::string &P : Problems)
      Error += (Error.empty() ? "" : "\nerror: ") +
               ("cannot load " + StringRef(Json) + ": " + P).str();
    if (!Problems.empty())
      return false;
    // Windows paths, cl syntax, --path-map: CompileCommands.h.
    std::unique_ptr<clang::tooling::CompilationDatabase> DB =
        loadCompileCommands(Json, Maps, Error);
    if (!DB)
      return false;
    All = DB->getAllCompileCommands();
    Source = std::string(Json);
  }
  StringSet<> Seen;
  for (CompileCommand &C : All) {
    C.Filename = absolutePath(C.Directory, C.Filename);
    if (!isCOrCxx(C.Filename) || !Seen.insert(C.Filename).second)
      continue;
    Out.push_back(std::move(C));
  }
  llvm::sort(Out, [](const CompileCommand &A, const CompileCommand &B) {
    return A.Filename < B.Filename;
  });
  if (Out.empty())
    Error = (Source + ": none of its " + Twine(All.size()) +
             " entries is a C or C++ file; nothing to analyse")
                .str();
  return !Out.empty();
}

/// `FILE... -- FLAGS`: one command per C/C++ file, sorted like a database.
std::vector<CompileCommand>
fixedCommands(const clang::tooling::FixedCompilationDatabase &Fixed,
              const std::vector<std::string> &Files, StringRef Cwd) {
  std::vector<CompileCommand> Out;
  StringSet<> Seen;
  for (const std::string &F : Files) {
    std::string Abs = absolutePath(Cwd, F);
    if (!Seen.insert(Abs).second)
      continue;
    for (CompileCommand &C : Fixed.getCompileCommands(Abs)) {
      C.Directory = Cwd.str();
      C.Filename = Abs;
      Out.push_back(std::move(C));
    }
  }
  llvm::sort(Out, [](const CompileCommand &A, const CompileCommand &B) {
    return A.Filename < B.Filename;
  });
  return Out;
}

bool parseShard(StringRef Spec, unsigned &K, unsigned &N) {
  auto [KS, NS] = Spec.split('/');
  return !KS.getAsInteger(10, K) && !NS.getAsInteger(10, N) && N >= 1 &&
         K >= 1 && K <= N;
}

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  installInterruptHandlers(); // after LLVM's, which it partly replaces
  CrashRecoveryContext::Enable();
  // As clang does: MS-style inline assembly (__asm blocks in x86 DDK and WDK
  // headers) is parsed by the target's assembly parser.
  InitializeAllTargetInfos();
  InitializeAllTargetMCs();
  InitializeAllAsmParsers();
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  // `condis-check FILE... -- FLAGS`: the flags after -- are the compile
  // command of every FILE (clang-tidy's habit); argc stops before --.
  std::string FixedError;
  std::unique_ptr<clang::tooling::FixedCompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          argc, argv, FixedError);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &errs()))
    return ExitError;
  if (!FixedError.empty())
    return fail("the flags after --: " + FixedError);

  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  Run R;
  R.Root =
      SourceRoot.empty() ? std::string(Cwd) : absolutePath(Cwd, SourceRoot);
  RuleCatalog Rules(DocsUrl);

  if (Merge && (!FactsCacheDir.empty() || !WriteFacts.empty() ||
                !FactsInput.empty()))
    return fail("--merge reads SARIF logs only: --facts-cache, --facts and "
                "--write-facts do not apply to it");
  if (Merge) {
    if (SourceRoot.getNumOccurrences() == 0)
      R.Root.clear();
    if (Inputs.empty())
      return fail("--merge needs the SARIF files to merge");
    if (!prepareOutputs())
      return ExitError;
    return runMerge(R, Rules, Cwd);
  }

  // Options first: a bad option is reported once, not once per file.
  AnalysisOptions Opts;
  std::string Bad;
  if (!Opts.Selection.parse(Checks, Rules, Bad))
    return fail("--checks: '" + Bad +
                "' is not a checker or package; use checker names such as "
                "condis.DropParty or packages such as condis, core");
  Opts.Checkers = Opts.Selection.analyzerCheckers(Rules);
  condis::DriverFacts OptionHandlers;
  // Refuting reports with Z3 removes false positives the range solver
  // cannot see through (bit-flag state, docs/checkers/drop-party.md). A
  // --config entry comes later and wins.
  for (const char *KV : DefaultConfig)
    Opts.Config.push_back(KV);
  for (const std::string &KV : Config) {
    auto [Key, Value] = StringRef(KV).split('=');
    if (!StringRef(KV).contains('=') || Key.empty())
      return fail("--config: expected KEY=VALUE, got '" + KV + "'");
    if (!Rules.isConfigKey(Key))
      return fail("--config: unknown analyzer option '" + Key +
                  "'; see 'clang-22 -cc1 -analyzer-config-help' and the "
                  "options in docs/checkers/");
    if (Key == "condis:Handlers" &&
        !OptionHandlers.addHandlersOption(Value, Bad))
      return fail("--config: invalid value for analyzer option "
                  "'condis:Handlers': expected a ';'-separated list of "
                  "FUNCTION:ROLE_TYPE pairs, got '" +
                  Bad + "'");
    // Checker option values clang's registry cannot judge (a string type).
    if (Key == "condis.Role:DriverRole" &&
        !condis::parseDriverRoleOption(Value))
      return fail("--config: " + condis::driverRoleOptionError(Value));
    Opts.Config.push_back(KV);
  }
  for (const std::string &E : Rules.validateConfig(Opts.Config))
    return fail("--config: " + E);
  if (FileTimeBudget.getNumOccurrences()) {
    if (!(FileTimeBudget > 0))
      return fail("--file-time-budget: expected a positive number of "
                  "seconds");
    Opts.FileTimeBudget = std::chrono::duration_cast<
        std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(FileTimeBudget));
  }
  unsigned ShardK = 1, ShardN = 1;
  if (!Shard.empty() && !parseShard(Shard, ShardK, ShardN))
    return fail("--shard: expected K/N with 1 <= K <= N, got '" + Shard + "'");
  ExcludeFilter Excluded;
  for (const std::string &G : Excludes)
    if (!Excluded.add(G, Bad))
      return fail(Bad);
  if (BuildPath.empty() && !Fixed)
    return fail("no build directory: give -p BUILD_DIR (the directory of "
                "compile_commands.json), or the compile flags after --; see "
                "--help");
  if (!BuildPath.empty() && Fixed)
    return fail("give either -p BUILD_DIR or the compile flags after --, "
                "not both");
  if (!WriteFacts.empty() && !FactsInput.empty())
    return fail("give --write-facts or --facts, not both");
  if (!WriteFacts.empty() &&
      (writesOutput() || !BaselineFile.empty() ||
       !WriteBaselineFile.empty()))
    return fail("--write-facts writes only the facts file: -o, --baseline "
                "and --write-baseline do not apply to it");
  FactsCache Cache;
  if (!FactsCacheDir.empty() &&
      !Cache.open(FactsCacheDir, toolStamp(argv[0]), Bad))
    return fail(Bad);
  condis::cli::OutputFile FactsOutput;
  if (!WriteFacts.empty() && WriteFacts != "-" &&
      !FactsOutput.open(WriteFacts, Bad, "facts file "))
    return fail(Bad);
  if (WriteFacts == "-")
    return fail("--write-facts: give a file, not standard output");
  if (WriteFacts.empty() && !prepareOutputs())
    return ExitError;

  std::vector<CompileCommand> Database;
  std::string Err;
  if (Fixed) {
    if (Inputs.empty())
      return fail("the flags after -- need the files to analyse before it");
    Database = fixedCommands(*Fixed, Inputs, Cwd);
  } else if (!loadDatabase(absolutePath(Cwd, BuildPath), Database, Err)) {
    return fail(Err);
  }
  for (CompileCommand &C : Database)
    addExtraArgs(C, ExtraArgsBefore, ExtraArgs);
  if (!ExportDatabase.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(ExportDatabase, EC);
    if (EC)
      return fail("cannot write " + ExportDatabase + ": " + EC.message());
    OS << toCompileCommandsJson(Database);
    return ExitClean;
  }
  unsigned Threads =
      Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());
  bool ShowProgress =
      Progress || (!Quiet && sys::Process::StandardErrIsDisplayed());

  // The project facts: from --facts, checked before anything else is done,
  // or from the pre-pass over the whole database (facts span files and
  // shards). Without --config's condis:Handlers, which each run adds.
  ProjectFacts Scanned;
  std::vector<FileResult> ScanResults;
  std::string Digest = databaseDigest(Database);
  if (!FactsInput.empty()) {
    size_t Files = 0;
    if (!readFactsFile(FactsInput, Digest, Scanned, Files, Err))
      return fail(Err);
    if (ShowProgress)
      errs() << "condis-check: project facts of " << Files << " files from "
             << FactsInput << '\n';
  } else {
    prePass(Database, Opts, Threads,
            FactsCacheDir.empty() ? nullptr : &Cache, FactsCacheDir,
            ShowProgress, Scanned, ScanResults);
  }
  auto IsCrash = [](const FileResult &F) { return F.Crashed; };
  // Crash recovery leaves the crashed frames without running destructors,
  // so what they registered globally stays registered: clang's "#pragma
  // clang __debug crash" leaves an llvm::Timer of its frame in the default
  // TimerGroup, which llvm_shutdown then reads at exit (a segmentation fault
  // or a hang). After a crash, exit without that clean-up.
  auto Exit = [&](int Code, ArrayRef<FileResult> More) {
    if (any_of(ScanResults, IsCrash) || any_of(More, IsCrash)) {
      outs().flush();
      errs().flush();
      sys::Process::Exit(Code, /*NoCleanup=*/true);
    }
    return Code;
  };

  if (!WriteFacts.empty()) {
    // The pre-pass's own errors: every file it could not read or parse.
    for (size_t I = 0; I < Database.size(); ++I) {
      const std::string &File = Database[I].Filename;
      std::string Why = unreadable(File);
      if (!Why.empty())
        R.Errors.push_back({File, Why, {}});
      else if (ScanResults[I].Crashed)
        R.Errors.push_back({File, CrashMessage, {}});
      else if (!ScanResults[I].Ok)
        R.Errors.push_back(
            {File, "does not compile; its facts are what clang could parse",
             ScanResults[I].Errors});
    }
    writeFactsFile(FactsOutput.os(), Scanned, Digest, Database.size());
    if (!FactsOutput.commit(Err))
      return Exit(fail(Err), {});
    for (const ToolError &E : R.Errors)
      printError(errs(), E, R.Root);
    if (!Quiet)
      errs() << "condis-check: project facts of " << Database.size()
             << " files written to " << WriteFacts
             << (R.Errors.empty() ? "" : ", with errors") << '\n';
    return Exit(R.Errors.empty() ? ExitClean : ExitError, {});
  }

  // The files to analyse, in database order (sorted).
  std::vector<size_t> Picked;
  {
    StringMap<size_t> Index;
    for (size_t I = 0; I < Database.size(); ++I)
      Index[Database[I].Filename] = I;
    if (Inputs.empty()) {
      for (size_t I = 0; I < Database.size(); ++I)
        Picked.push_back(I);
    } else {
      std::set<size_t> Chosen;
      for (const std::string &In : Inputs) {
        std::string Abs = absolutePath(Cwd, In);
        std::string Why = unreadable(Abs);
        if (!Why.empty()) {
          R.Errors.push_back({Abs, Why, {}});
          continue;
        }
        auto It = Index.find(Abs);
        if (It == Index.end()) {
          R.Errors.push_back(
              {Abs, "no entry for this file in the compilation database", {}});
          continue;
        }
        Chosen.insert(It->second);
      }
      Picked.assign(Chosen.begin(), Chosen.end());
    }
  }
  if (!Excluded.empty())
    llvm::erase_if(Picked, [&](size_t I) {
      return Excluded.excludes(Database[I].Filename, R.Root);
    });
  std::vector<size_t> Mine;
  for (size_t I = 0; I < Picked.size(); ++I)
    if (I % ShardN == ShardK - 1)
      Mine.push_back(Picked[I]);
  StringSet<> Analysed;
  for (size_t I : Mine)
    Analysed.insert(Database[I].Filename);

  // --config's handlers first: they win over what the files say.
  ProjectFacts Project;
  Project.Facts.merge(OptionHandlers, /*KeepLocations=*/false);
  Project.Facts.merge(Scanned.Facts, /*KeepLocations=*/false);
  Project.Pending = std::move(Scanned.Pending);
  Project.CompletionsReferenced = std::move(Scanned.CompletionsReferenced);
  condis::setProjectFacts(&Project.Facts);

  // Files that cannot be read or compiled are reported, not analysed. With
  // --facts nothing was parsed yet: the analysis finds out.
  std::vector<size_t> ToAnalyse;
  for (size_t I : Mine) {
    std::string Why = unreadable(Database[I].Filename);
    if (!Why.empty())
      R.Errors.push_back({Database[I].Filename, Why, {}});
    else if (ScanResults.empty())
      ToAnalyse.push_back(I);
    else if (ScanResults[I].Crashed)
      R.Errors.push_back({Database[I].Filename, CrashMessage, {}});
    else if (!ScanResults[I].Ok)
      R.Errors.push_back({Database[I].Filename,
                          "does not compile; it was not analysed",
                          ScanResults[I].Errors});
    else
      ToAnalyse.push_back(I);
  }

  // Worker processes, not threads: see Workers.h. Progress is printed here,
  // as files finish (Progress.h).
  ProgressReporter Reporter(errs(), ToAnalyse.size(),
                            std::min<size_t>(Threads, ToAnalyse.size()));
  auto Finished = [&](const Completion &Done) {
    const std::string &File = Database[ToAnalyse[Done.Index]].Filename;
    std::string Rel = relativeTo(R.Root, File);
    Reporter.finished(Rel.empty() ? File : Rel, Done);
  };
  std::vector<FileResult> Results = analyseInWorkers(
      ToAnalyse.size(), Threads,
      [&](size_t N) { return analyseFile(Database[ToAnalyse[N]], Opts); },
      ShowProgress ? function_ref<void(const Completion &)>(Finished) : nullptr);
  condis::setProjectFacts(nullptr);

  for (size_t N = 0; N < ToAnalyse.size(); ++N) {
    FileResult &FR = Results[N];
    if (!FR.Ok) {
      // Without a pre-pass (--facts), the analysis is the file's first
      // parse: say what the pre-pass would have said.
      const char *Failed = ScanResults.empty()
                               ? "does not compile; it was not analysed"
                               : "the analysis failed";
      R.Errors.push_back({Database[ToAnalyse[N]].Filename,
                          FR.Crashed ? CrashMessage : Failed, FR.Errors});
      continue;
    }
    append_range(R.Findings, FR.Findings);
    if (FR.FindingsCut || FR.PathsStopped)
      R.Errors.push_back({Database[ToAnalyse[N]].Filename,
                          budgetCutMessage(FR),
                          {},
                          /*Warning=*/true});
  }
  // The project-level findings carry their row's checker; --checks decides.
  for (Finding &F : pendingNeverCompleted(Project, Analysed))
    if (Opts.Selection.selects(F.RuleId))
      R.Findings.push_back(std::move(F));

  llvm::stable_sort(R.Errors, [](const ToolError &A, const ToolError &B) {
    return A.File < B.File;
  });
  return Exit(finish(R, Rules), Results);
}
