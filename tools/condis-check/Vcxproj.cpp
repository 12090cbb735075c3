//===-- Vcxproj.cpp - Compile commands of a WDK driver project ------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Vcxproj.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <memory>

using namespace llvm;
using clang::tooling::CompileCommand;

namespace condis::cli {
namespace {

/// An element of the project file: MSBuild files use elements, attributes
/// and text only (comments and the XML declaration are skipped).
struct Element {
  std::string Name;
  StringMap<std::string> Attributes;
  std::string Text;
  std::vector<std::unique_ptr<Element>> Children;

  std::string attribute(StringRef Key) const {
    auto It = Attributes.find(Key);
    return It == Attributes.end() ? "" : It->second;
  }
};

std::string unescape(StringRef S) {
  std::string Out;
  while (!S.empty()) {
    size_t Amp = S.find('&');
    Out += S.substr(0, Amp);
    if (Amp == StringRef::npos)
      break;
    S = S.substr(Amp);
    size_t Semi = S.find(';');
    StringRef Entity = S.substr(1, Semi == StringRef::npos ? 0 : Semi - 1);
    if (Entity == "lt")
      Out += '<';
    else if (Entity == "gt")
      Out += '>';
    else if (Entity == "amp")
      Out += '&';
    else if (Entity == "quot")
      Out += '"';
    else if (Entity == "apos")
      Out += '\'';
    else if (Entity.consume_front("#x") || Entity.consume_front("#X")) {
      unsigned V;
      if (!Entity.getAsInteger(16, V) && V < 128)
        Out += char(V);
    } else if (Entity.consume_front("#")) {
      unsigned V;
      if (!Entity.getAsInteger(10, V) && V < 128)
        Out += char(V);
    } else {
      Out += '&';
      S = S.drop_front();
      continue;
    }
    S = Semi == StringRef::npos ? StringRef() : S.drop_front(Semi + 1);
  }
  return Out;
}

/// A small XML reader, enough for MSBuild project files.
class XmlReader {
public:
  explicit XmlReader(StringRef Text) : S(Text) {}

  std::unique_ptr<Element> read(std::string &Error) {
    skipMisc();
    auto Root = element();
    if (!Root)
      Error = "not a well-formed XML file (" + Why + ")";
    return Root;
  }

private:
  void skipSpace() { S = S.ltrim(); }
  /// Comments, processing instructions, DOCTYPE, white space.
  void skipMisc() {
    for (;;) {
      skipSpace();
      if (S.starts_with("<!--")) {
        size_t End = S.find("-->");
        S = End == StringRef::npos ? StringRef() : S.drop_front(End + 3);
      } else if (S.starts_with("<?") || S.starts_with("<!")) {
        size_t End = S.find('>');
        S = End == StringRef::npos ? StringRef() : S.drop_front(End + 1);
      } else {
        return;
      }
    }
  }
  std::unique_ptr<Element> fail(const Twine &W) {
    Why = W.str();
    return nullptr;
  }
  StringRef name() {
    size_t N = 0;
    while (N < S.size() && (isAlnum(S[N]) || StringRef("_:-.").contains(S[N])))
      ++N;
    StringRef Out = S.take_front(N);
    S = S.drop_front(N);
    return Out;
  }

  std::unique_ptr<Element> element() {
    if (!S.consume_front("<"))
      return fail("expected an element");
    auto E = std::make_unique<Element>();
    E->Name = name().str();
    if (E->Name.empty())
      return fail("expected an element name");
    for (;;) {
      skipSpace();
      if (S.consume_front("/>"))
        return E;
      if (S.consume_front(">"))
        break;
      StringRef Key = name();
      skipSpace();
      if (Key.empty() || !S.consume_front("="))
        return fail("bad attribute in <" + E->Name + ">");
      skipSpace();
      if (S.empty() || (S[0] != '"' && S[0] != '\''))
        return fail("unquoted attribute in <" + E->Name + ">");
      char Q = S[0];
      size_t End = S.find(Q, 1);
      if (End == StringRef::npos)
        return fail("unterminated attribute in <" + E->Name + ">");
      E->Attributes[Key] = unescape(S.slice(1, End));
      S = S.drop_front(End + 1);
    }
    for (;;) {
      size_t Lt = S.find('<');
      if (Lt == StringRef::npos)
        return fail("<" + E->Name + "> is not closed");
      E->Text += unescape(S.take_front(Lt));
      S = S.drop_front(Lt);
      if (S.starts_with("<!--") || S.starts_with("<?")) {
        skipMisc();
        continue;
      }
      if (S.consume_front("<![CDATA[")) {
        size_t End = S.find("]]>");
        E->Text += S.take_front(End);
        S = End == StringRef::npos ? StringRef() : S.drop_front(End + 3);
        continue;
      }
      if (S.consume_front("</")) {
        StringRef Close = name();
        skipSpace();
        if (Close != E->Name || !S.consume_front(">"))
          return fail("</" + Close + "> does not close <" + E->Name + ">");
        E->Text = StringRef(E->Text).trim().str();
        return E;
      }
      auto Child = element();
      if (!Child)
        return nullptr;
      E->Children.push_back(std::move(Child));
    }
  }

  StringRef S;
  std::string Why;
};

/// MSBuild properties and the evaluation of $(NAME) and Conditions.
class Properties {
public:
  void set(StringRef Name, StringRef Value) {
    if (!Global.contains(Name.lower()))
      Values[Name.lower()] = Value.str();
  }
  /// A global property (msbuild /p:NAME=VALUE): the project cannot change it.
  void setGlobal(StringRef Name, StringRef Value) {
    Values[Name.lower()] = Value.str();
    Global.insert(Name.lower());
  }
  std::string get(StringRef Name) const {
    auto It = Values.find(Name.lower());
    return It == Values.end() ? "" : It->second;
  }

  /// $(NAME) replaced by the property's value (empty when unset).
  std::string expand(StringRef S) const {
    std::string Out;
    while (!S.empty()) {
      size_t Start = S.find("$(");
      Out += S.substr(0, Start);
      if (Start == StringRef::npos)
        break;
      size_t End = S.find(')', Start);
      if (End == StringRef::npos) {
        Out += S.substr(Start);
        break;
      }
      Out += get(S.slice(Start + 2, End).trim());
      S = S.drop_front(End + 1);
    }
    return Out;
  }

  /// The Conditions MSBuild projects use: comparisons with == and != of
  /// quoted strings, joined with 'and'/'or' (case-insensitive), Exists().
  bool holds(StringRef Condition, StringRef ProjectDir) const {
    Condition = Condition.trim();
    if (Condition.empty())
      return true;
    SmallVector<StringRef, 4> Ors;
    splitWord(Condition, " or ", Ors);
    for (StringRef Or : Ors) {
      SmallVector<StringRef, 4> Ands;
      splitWord(Or, " and ", Ands);
      if (all_of(Ands, [&](StringRef A) { return term(A, ProjectDir); }))
        return true;
    }
    return false;
  }

private:
  static void splitWord(StringRef S, StringRef Word,
                        SmallVectorImpl<StringRef> &Out) {
    std::string Lower = S.lower();
    size_t From = 0, At;
    while ((At = Lower.find(Word.str(), From)) != std::string::npos) {
      Out.push_back(S.slice(From, At));
      From = At + Word.size();
    }
    Out.push_back(S.substr(From));
  }
  static StringRef unquote(StringRef S) {
    S = S.trim();
    S.consume_front("(");
    S.consume_back(")");
    S = S.trim();
    if (S.size() >= 2 && S.front() == '\'' && S.back() == '\'')
      return S.drop_front().drop_back();
    return S;
  }
  bool term(StringRef T, StringRef ProjectDir) const {
    T = T.trim();
    bool Not = T.consume_front("!");
    if (T.starts_with_insensitive("exists(")) {
      std::string P = expand(unquote(T.drop_front(6)));
      std::replace(P.begin(), P.end(), '\\', '/');
      SmallString<256> Abs(ProjectDir);
      if (sys::path::is_absolute(P))
        Abs = P;
      else
        sys::path::append(Abs, P);
      return sys::fs::exists(Abs) != Not;
    }
    size_t Op = T.find("==");
    bool Equal = true;
    if (Op == StringRef::npos) {
      Op = T.find("!=");
      Equal = false;
    }
    if (Op == StringRef::npos)
      return StringRef(expand(unquote(T))).equals_insensitive("true") != Not;
    std::string L = expand(unquote(T.take_front(Op)));
    std::string R = expand(unquote(T.drop_front(Op + 2)));
    return (StringRef(L).equals_insensitive(R) == Equal) != Not;
  }

  StringMap<std::string> Values;
  StringSet<> Global;
};

/// ';'-separated MSBuild list, without %(...) references and empty entries.
std::vector<std::string> list(StringRef S) {
  std::vector<std::string> Out;
  SmallVector<StringRef, 8> Parts;
  S.split(Parts, ';');
  for (StringRef P : Parts) {
    P = P.trim();
    if (P.empty() || (P.starts_with("%(") && P.ends_with(")")))
      continue;
    Out.push_back(P.str());
  }
  return Out;
}

/// The ClCompile metadata that make a command.
struct ClSettings {
  std::vector<std::string> Includes, Defines, Undefines, ForcedIncludes;
  std::string CompileAs;
  bool Excluded = false;
};

/// Applies a <ClCompile> element's metadata (ItemDefinitionGroup or item)
/// to \p S; a list value that does not name %(...) replaces the old one.
void applyMetadata(const Element &ClCompile, const Properties &P,
                   StringRef ProjectDir, ClSettings &S) {
  for (const auto &M : ClCompile.Children) {
    if (!P.holds(M->attribute("Condition"), ProjectDir))
      continue;
    std::string Value = P.expand(M->Text);
    auto Merge = [&](std::vector<std::string> &Into) {
      std::vector<std::string> New = list(Value);
      if (!StringRef(Value).contains("%("))
        Into.clear();
      append_range(Into, New);
    };
    StringRef N = M->Name;
    if (N == "AdditionalIncludeDirectories")
      Merge(S.Includes);
    else if (N == "PreprocessorDefinitions")
      Merge(S.Defines);
    else if (N == "UndefinePreprocessorDefinitions")
      Merge(S.Undefines);
    else if (N == "ForcedIncludeFiles")
      Merge(S.ForcedIncludes);
    else if (N == "CompileAs")
      S.CompileAs = Value;
    else if (N == "ExcludedFromBuild")
      S.Excluded = StringRef(Value).trim().equals_insensitive("true");
  }
}

bool isSource(StringRef File) {
  std::string Ext = sys::path::extension(File).lower();
  return is_contained({".c", ".cc", ".cpp", ".cxx", ".c++"}, Ext);
}

} // namespace

bool isVcxproj(StringRef Path) {
  return StringRef(sys::path::extension(Path)).equals_insensitive(".vcxproj");
}

bool readVcxproj(StringRef Project, const VcxprojOptions &Opts,
                 std::vector<CompileCommand> &Out, std::string &Error) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Project);
  if (!Buf) {
    Error = "cannot read " + Project.str() + ": " + Buf.getError().message();
    return false;
  }
  StringRef Text = (*Buf)->getBuffer();
  Text.consume_front("\xEF\xBB\xBF"); // UTF-8 byte order mark
  XmlReader Reader(Text);
  std::unique_ptr<Element> Root = Reader.read(Error);
  if (!Root || Root->Name != "Project") {
    Error = Project.str() + ": " +
            (Root ? "not an MSBuild project (no <Project>)" : Error);
    return false;
  }
  SmallString<256> Dir(Project);
  sys::path::remove_filename(Dir);
  if (Dir.empty())
    Dir = ".";
  std::string ProjectDir(Dir);

  // The configurations the project declares.
  std::vector<std::string> Configurations;
  for (const auto &Group : Root->Children)
    if (Group->Name == "ItemGroup")
      for (const auto &Item : Group->Children)
        if (Item->Name == "ProjectConfiguration")
          Configurations.push_back(Item->attribute("Include"));
  std::string Chosen = Opts.Configuration;
  if (Chosen.empty() && !Configurations.empty())
    Chosen = Configurations.front();
  if (!Configurations.empty() &&
      none_of(Configurations,
              [&](StringRef C) { return C.equals_insensitive(Chosen); })) {
    Error = Project.str() + " has no configuration '" + Chosen +
            "'; it has " + join(Configurations, ", ");
    return false;
  }
  auto [Configuration, Platform] = StringRef(Chosen).split('|');
  if (Configuration.empty() || Platform.empty()) {
    Error = "--vcxproj-configuration: expected CONFIGURATION|PLATFORM (for "
            "example 'Debug|x64'), got '" +
            Chosen + "'";
    return false;
  }

  Properties P;
  // As msbuild /p:Configuration=... /p:Platform=... sets them: the
  // templates' <Configuration>Debug</Configuration> default does not win.
  P.setGlobal("Configuration", Configuration);
  P.setGlobal("Platform", Platform);
  std::string DirSlash = ProjectDir + "/";
  P.set("ProjectDir", DirSlash);
  P.set("MSBuildProjectDirectory", ProjectDir);
  P.set("MSBuildThisFileDirectory", DirSlash);
  P.set("SolutionDir", DirSlash);
  P.set("ProjectName", sys::path::stem(Project));
  P.set("MSBuildProjectName", sys::path::stem(Project));
  P.set("KMDF_VERSION_MAJOR", "1");
  P.set("KMDF_VERSION_MINOR", "15");

  // Properties, in document order (later wins, as in MSBuild).
  for (const auto &Group : Root->Children) {
    if (Group->Name != "PropertyGroup" ||
        !P.holds(Group->attribute("Condition"), ProjectDir))
      continue;
    for (const auto &Prop : Group->Children)
      if (P.holds(Prop->attribute("Condition"), ProjectDir))
        P.set(Prop->Name, P.expand(Prop->Text));
  }

  // What the WDK's toolset adds (rules/wdk-build.def).
  std::string Arch = StringRef(P.get("Platform")).lower();
  bool X64 = Arch == "x64", X86 = Arch == "win32" || Arch == "x86",
       Arm64 = Arch == "arm64";
  if (!X64 && !X86 && !Arm64) {
    Error = Project.str() + ": platform '" + P.get("Platform") +
            "' is not one condis-check knows (x64, Win32, ARM64)";
    return false;
  }
  bool Always = true;
  bool Debug = StringRef(P.get("UseDebugLibraries")).equals_insensitive("true");
  bool Kmdf = StringRef(P.get("DriverType")).equals_insensitive("KMDF");
  std::vector<std::string> Base{"clang-cl"};
#define CONDIS_WDK_BUILD(When, Argument)                                       \
  if (When)                                                                    \
    Base.push_back(P.expand(Argument));
#include "wdk-build.def"
  (void)Always;
  if (!Opts.WdkInclude.empty())
    for (const char *Sub : {"km/crt", "km", "shared"}) {
      SmallString<256> D(Opts.WdkInclude);
      sys::path::append(D, Sub);
      Base.push_back("/imsvc");
      Base.push_back(std::string(D));
    }

  // The project-wide ClCompile settings.
  ClSettings Defaults;
  for (const auto &Group : Root->Children)
    if (Group->Name == "ItemDefinitionGroup" &&
        P.holds(Group->attribute("Condition"), ProjectDir))
      for (const auto &Def : Group->Children)
        if (Def->Name == "ClCompile" &&
            P.holds(Def->attribute("Condition"), ProjectDir))
          applyMetadata(*Def, P, ProjectDir, Defaults);

  for (const auto &Group : Root->Children) {
    if (Group->Name != "ItemGroup" ||
        !P.holds(Group->attribute("Condition"), ProjectDir))
      continue;
    for (const auto &Item : Group->Children) {
      if (Item->Name != "ClCompile" ||
          !P.holds(Item->attribute("Condition"), ProjectDir))
        continue;
      ClSettings S = Defaults;
      applyMetadata(*Item, P, ProjectDir, S);
      if (S.Excluded)
        continue;
      for (const std::string &File : list(P.expand(Item->attribute("Include")))) {
        if (!isSource(File))
          continue;
        CompileCommand C;
        C.Directory = ProjectDir;
        C.Filename = File;
        C.CommandLine = Base;
        C.CommandLine.push_back("/c");
        for (const std::string &I : S.Includes)
          C.CommandLine.push_back("/I" + I);
        for (const std::string &D : S.Defines)
          C.CommandLine.push_back("/D" + D);
        for (const std::string &U : S.Undefines)
          C.CommandLine.push_back("/U" + U);
        for (const std::string &F : S.ForcedIncludes)
          C.CommandLine.push_back("/FI" + F);
        if (S.CompileAs == "CompileAsC")
          C.CommandLine.push_back("/TC");
        else if (S.CompileAs == "CompileAsCpp")
          C.CommandLine.push_back("/TP");
        C.CommandLine.push_back(File);
        // Project files are written on Windows: backslashes, C:\ paths.
        adaptCommand(C, /*WrittenOnWindows=*/true, Opts.Maps);
        if (sys::path::is_relative(C.Filename)) {
          SmallString<256> Abs(C.Directory);
          sys::path::append(Abs, C.Filename);
          sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
          C.Filename = std::string(Abs);
        }
        Out.push_back(std::move(C));
      }
    }
  }
  if (Out.empty()) {
    Error = Project.str() + " has no C/C++ ClCompile items in '" + Chosen + "'";
    return false;
  }
  return true;
}

std::string toCompileCommandsJson(const std::vector<CompileCommand> &Commands) {
  json::Array Entries;
  for (const CompileCommand &C : Commands) {
    json::Array Args;
    for (const std::string &A : C.CommandLine)
      Args.push_back(A);
    Entries.push_back(json::Object{{"directory", C.Directory},
                                   {"file", C.Filename},
                                   {"arguments", std::move(Args)}});
  }
  std::string Out;
  raw_string_ostream OS(Out);
  OS << formatv("{0:2}", json::Value(std::move(Entries))) << '\n';
  return Out;
}

} // namespace condis::cli
