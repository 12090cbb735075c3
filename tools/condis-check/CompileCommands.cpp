//===-- CompileCommands.cpp - Compile commands from any build -------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "CompileCommands.h"

#include "clang/Options/Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;
using clang::tooling::CompilationDatabase;
using clang::tooling::CompileCommand;

namespace condis::cli {
namespace {

std::string slashes(StringRef Path) {
  std::string S = Path.str();
  std::replace(S.begin(), S.end(), '\\', '/');
  return S;
}

std::string withoutTrailingSlash(std::string S) {
  while (S.size() > 1 && S.back() == '/' && !StringRef(S).ends_with(":/"))
    S.pop_back();
  return S;
}

/// Applies the first map whose root occurs in \p Arg (any case, at a path
/// boundary) to every occurrence of it.
std::string applyMaps(std::string Arg, const std::vector<PathMap> &Maps) {
  for (const PathMap &M : Maps) {
    std::string Lower = StringRef(Arg).lower();
    std::string From = StringRef(M.From).lower();
    std::string Out;
    size_t Pos = 0, Hit;
    bool Mapped = false;
    while ((Hit = Lower.find(From, Pos)) != std::string::npos) {
      size_t End = Hit + From.size();
      bool Boundary = End == Lower.size() || Lower[End] == '/' ||
                      Lower[End] == '"' || Lower[End] == ';';
      Out += Arg.substr(Pos, Hit - Pos);
      Out += Boundary ? M.To : Arg.substr(Hit, From.size());
      Mapped |= Boundary;
      Pos = End;
    }
    if (Mapped)
      return Out + Arg.substr(Pos);
  }
  return Arg;
}

/// Options whose value is a macro definition: their backslashes are C's.
bool isDefineOption(StringRef Arg) {
  return Arg.starts_with("-D") || Arg.starts_with("/D") ||
         Arg.starts_with("-U") || Arg.starts_with("/U");
}

/// Passes the clang options clang-cl does not take with /clang:, token by
/// token (clang-cl parses what /clang: carries in clang's own syntax).
void wrapClangOnlyOptions(std::vector<std::string> &Args) {
  const opt::OptTable &Table = clang::getDriverOptTable();
  std::vector<const char *> Ptrs;
  for (const std::string &A : Args)
    Ptrs.push_back(A.c_str());
  opt::InputArgList List(Ptrs.data(), Ptrs.data() + Ptrs.size());
  std::vector<std::string> Out{Args[0]};
  for (unsigned I = 1; I < Args.size();) {
    StringRef A = Args[I];
    if (A == "--") {
      Out.insert(Out.end(), Args.begin() + I, Args.end());
      break;
    }
    unsigned Next = I;
    std::unique_ptr<opt::Arg> Cl =
        Table.ParseOneArg(List, Next, opt::Visibility(clang::options::CLOption));
    if (Cl && Cl->getOption().getKind() == opt::Option::UnknownClass &&
        A.starts_with("-")) {
      unsigned ClangNext = I;
      std::unique_ptr<opt::Arg> Clang = Table.ParseOneArg(
          List, ClangNext, opt::Visibility(clang::options::ClangOption));
      if (Clang && Clang->getOption().getKind() != opt::Option::UnknownClass) {
        for (unsigned J = I; J < ClangNext; ++J)
          Out.push_back("/clang:" + Args[J]);
        I = ClangNext;
        continue;
      }
    }
    if (Next <= I)
      Next = I + 1;
    Out.insert(Out.end(), Args.begin() + I, Args.begin() + Next);
    I = Next;
  }
  Args = std::move(Out);
}

/// A database of the commands already adapted.
class AdaptedDatabase : public CompilationDatabase {
public:
  explicit AdaptedDatabase(std::vector<CompileCommand> Commands)
      : Commands(std::move(Commands)) {}

  std::vector<CompileCommand>
  getCompileCommands(StringRef File) const override {
    std::vector<CompileCommand> Out;
    for (const CompileCommand &C : Commands)
      if (C.Filename == File)
        Out.push_back(C);
    return Out;
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Out;
    for (const CompileCommand &C : Commands)
      Out.push_back(C.Filename);
    return Out;
  }
  std::vector<CompileCommand> getAllCompileCommands() const override {
    return Commands;
  }

private:
  std::vector<CompileCommand> Commands;
};

} // namespace

bool parsePathMap(StringRef Spec, PathMap &Out, std::string &Error) {
  auto [From, To] = Spec.split('=');
  if (!Spec.contains('=') || From.empty() || To.empty()) {
    Error = "--path-map: expected WINDOWS_ROOT=LINUX_ROOT (for example "
            "'C:\\src\\driver=/home/ci/driver'), got '" +
            Spec.str() + "'";
    return false;
  }
  Out.From = withoutTrailingSlash(slashes(From));
  Out.To = withoutTrailingSlash(To.str());
  return true;
}

bool isWindowsPath(StringRef Path) {
  if (Path.size() >= 2 && isAlpha(Path[0]) && Path[1] == ':')
    return true;
  return Path.starts_with("\\\\") || Path.contains('\\');
}

std::string mapWindowsPath(StringRef Path, const std::vector<PathMap> &Maps) {
  return applyMaps(slashes(Path), Maps);
}

bool isClCompiler(StringRef Argv0) {
  StringRef Name = sys::path::filename(slashes(Argv0));
  std::string Lower = Name.lower();
  StringRef L = Lower;
  L.consume_back(".exe");
  return L == "cl" || L == "clang-cl" || L.ends_with("-clang-cl") ||
         (L.starts_with("clang-cl-") && L.size() > 9);
}

void adaptCommand(CompileCommand &C, bool WrittenOnWindows,
                  const std::vector<PathMap> &Maps) {
  std::vector<std::string> &Args = C.CommandLine;
  if (WrittenOnWindows) {
    C.Directory = mapWindowsPath(C.Directory, Maps);
    C.Filename = mapWindowsPath(C.Filename, Maps);
    if (!C.Output.empty())
      C.Output = mapWindowsPath(C.Output, Maps);
    bool DefineValue = false;
    for (std::string &A : Args) {
      bool Define = DefineValue || isDefineOption(A);
      DefineValue = A == "-D" || A == "/D" || A == "-U" || A == "/U";
      if (!Define)
        A = mapWindowsPath(A, Maps);
    }
  } else if (!Maps.empty()) {
    C.Directory = applyMaps(C.Directory, Maps);
    C.Filename = applyMaps(C.Filename, Maps);
    for (std::string &A : Args)
      A = applyMaps(A, Maps);
  }
  if (Args.empty() || !isClCompiler(Args[0]))
    return;
  if (none_of(Args, [](StringRef A) { return A.starts_with("--driver-mode="); }))
    Args.insert(Args.begin() + 1, "--driver-mode=cl");
  // clang-cl reads "/work/x.c" as options (/w, ...): an input that is an
  // absolute Unix path (a mapped C:\ path) goes after "--".
  auto Dashes = std::find(Args.begin(), Args.end(), "--");
  auto IsFile = [&](const std::string &A) {
    return StringRef(A).starts_with("/") && A == C.Filename;
  };
  if (std::any_of(Args.begin() + 1, Dashes, IsFile)) {
    Args.erase(std::remove_if(Args.begin() + 1, Dashes, IsFile), Dashes);
    if (std::find(Args.begin(), Args.end(), "--") == Args.end())
      Args.push_back("--");
    Args.push_back(C.Filename);
  }
  wrapClangOnlyOptions(Args);
}

void addExtraArgs(CompileCommand &C, const std::vector<std::string> &Before,
                  const std::vector<std::string> &After) {
  std::vector<std::string> &Args = C.CommandLine;
  if (Args.empty())
    return;
  Args.insert(Args.begin() + 1, Before.begin(), Before.end());
  auto End = std::find(Args.begin() + 1, Args.end(), "--");
  Args.insert(End, After.begin(), After.end());
}

std::unique_ptr<CompilationDatabase>
loadCompileCommands(StringRef Json, const std::vector<PathMap> &Maps,
                    std::string &Error) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Json);
  if (!Buf) {
    Error = "cannot read " + Json.str() + ": " + Buf.getError().message();
    return nullptr;
  }
  Expected<json::Value> Root = json::parse((*Buf)->getBuffer());
  if (!Root) {
    Error = "cannot load " + Json.str() + ": " + toString(Root.takeError());
    return nullptr;
  }
  const json::Array *Entries = Root->getAsArray();
  if (!Entries) {
    Error = "cannot load " + Json.str() + ": expected an array of entries";
    return nullptr;
  }
  std::vector<CompileCommand> Commands;
  for (size_t I = 0; I < Entries->size(); ++I) {
    auto Bad = [&](const Twine &Why) {
      Error = ("cannot load " + Json + ": entry " + Twine(I + 1) + ": " + Why)
                  .str();
      return nullptr;
    };
    const json::Object *E = (*Entries)[I].getAsObject();
    if (!E)
      return Bad("expected an object");
    std::optional<StringRef> Dir = E->getString("directory");
    std::optional<StringRef> File = E->getString("file");
    if (!Dir || !File)
      return Bad("needs \"directory\" and \"file\" strings");
    bool Windows = isWindowsPath(*Dir) || isWindowsPath(*File);
    CompileCommand C;
    C.Directory = Dir->str();
    C.Filename = File->str();
    if (std::optional<StringRef> Out = E->getString("output"))
      C.Output = Out->str();
    if (const json::Array *Args = E->getArray("arguments")) {
      for (const json::Value &A : *Args) {
        std::optional<StringRef> S = A.getAsString();
        if (!S)
          return Bad("\"arguments\" must hold strings");
        C.CommandLine.push_back(S->str());
      }
    } else if (std::optional<StringRef> Cmd = E->getString("command")) {
      BumpPtrAllocator Alloc;
      StringSaver Saver(Alloc);
      SmallVector<const char *, 32> Argv;
      // Split the way the build's own tools split it.
      if (Windows)
        cl::TokenizeWindowsCommandLineFull(*Cmd, Saver, Argv);
      else
        cl::TokenizeGNUCommandLine(*Cmd, Saver, Argv);
      for (const char *A : Argv)
        if (A)
          C.CommandLine.push_back(A);
    } else {
      return Bad("needs \"arguments\" or \"command\"");
    }
    if (C.CommandLine.empty())
      return Bad("the command is empty");
    adaptCommand(C, Windows, Maps);
    // After mapping a Windows path that is still a drive or UNC path names
    // nothing here.
    if (Windows && isWindowsPath(C.Directory))
      return Bad("it was written on Windows (directory '" + Dir->str() +
                 "'); map that checkout onto this one with --path-map " +
                 "WINDOWS_ROOT=LINUX_ROOT (docs/condis-check.md, \"From a "
                 "Windows build\")");
    if (sys::path::is_relative(C.Filename)) {
      SmallString<256> Abs(C.Directory);
      sys::path::append(Abs, C.Filename);
      sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      C.Filename = std::string(Abs);
    }
    Commands.push_back(std::move(C));
  }
  return clang::tooling::expandResponseFiles(
      std::make_unique<AdaptedDatabase>(std::move(Commands)),
      vfs::getRealFileSystem());
}

} // namespace condis::cli
