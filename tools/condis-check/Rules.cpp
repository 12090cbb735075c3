//===-- Rules.cpp - Checkers, rule metadata and check selection -----------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "Registration.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/CheckerRegistryData.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;
using namespace clang::ento;

namespace condis::cli {

namespace {
/// Rules the pre-pass reports (ProjectScan.cpp), with the metadata used when
/// their checker is not registered in this build.
struct ProjectRule {
  const char *Id, *Description, *DocPage;
};
const ProjectRule ProjectRules[] = {
    {"condis.DropParty",
     "Pended drop-party requests must be completed with the completion "
     "function of the driver's role",
     "checkers/drop-party.md"},
};
} // namespace

struct RuleCatalog::Impl {
  std::string DocsUrl;
  DiagnosticOptions DiagOpts;
  DiagnosticsEngine Diags;
  AnalyzerOptions AnOpts;
  CheckerRegistryData Data;

  Impl(StringRef Url)
      : DocsUrl(Url.str()),
        Diags(DiagnosticIDs::create(), DiagOpts, new IgnoringDiagConsumer()) {
    std::function<void(CheckerRegistry &)> Fn = [](CheckerRegistry &R) {
      condis::registerCheckers(R);
    };
    CheckerRegistry Registry(Data, /*Plugins=*/{}, Diags, AnOpts, {Fn});
  }

  const CheckerInfo *checker(StringRef Name) const {
    for (const CheckerInfo &C : Data.Checkers)
      if (C.FullName == Name)
        return &C;
    return nullptr;
  }

  std::string helpUri(StringRef DocUri) const {
    if (DocUri.empty() || DocUri.contains("://"))
      return DocUri.str();
    return DocsUrl + DocUri.str();
  }
};

RuleCatalog::RuleCatalog(StringRef DocsUrl)
    : P(std::make_unique<Impl>(DocsUrl)) {}
RuleCatalog::~RuleCatalog() = default;

bool RuleCatalog::isChecker(StringRef Name) const {
  return P->checker(Name) || isProjectRule(Name);
}

bool RuleCatalog::isRegistered(StringRef Name) const {
  return P->checker(Name) || isPackage(Name);
}

bool RuleCatalog::isPackage(StringRef Name) const {
  return llvm::any_of(P->Data.Packages, [&](const PackageInfo &Pkg) {
    return Pkg.FullName == Name;
  });
}

bool RuleCatalog::isConfigKey(StringRef Key) const {
  auto [Owner, Option] = Key.split(':');
  if (Option.empty())
    return !P->AnOpts.isUnknownAnalyzerConfig(Key);
  auto HasOption = [&](const CmdLineOptionList &L) {
    return llvm::any_of(
        L, [&](const CmdLineOption &O) { return O.OptionName == Option; });
  };
  if (const CheckerInfo *C = P->checker(Owner))
    return HasOption(C->CmdLineOptions);
  for (const PackageInfo &Pkg : P->Data.Packages)
    if (Pkg.FullName == Owner)
      return HasOption(Pkg.CmdLineOptions);
  return false;
}

namespace {
/// Keeps the text of every error.
class ErrorText : public DiagnosticConsumer {
public:
  std::vector<std::string> Errors;
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error)
      return;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    Errors.push_back(std::string(Text));
  }
};
} // namespace

std::vector<std::string>
RuleCatalog::validateConfig(const std::vector<std::string> &Config) const {
  std::vector<std::string> Storage{"-analyzer-config-compatibility-mode=false"};
  for (const std::string &KV : Config) {
    Storage.push_back("-analyzer-config");
    Storage.push_back(KV);
  }
  std::vector<const char *> Args;
  for (const std::string &A : Storage)
    Args.push_back(A.c_str());
  ErrorText Errors;
  DiagnosticOptions DiagOpts;
  DiagnosticsEngine Diags(DiagnosticIDs::create(), DiagOpts, &Errors,
                          /*ShouldOwnClient=*/false);
  auto Inv = std::make_shared<CompilerInvocation>();
  CompilerInvocation::CreateFromArgs(*Inv, Args, Diags);
  // Checker and package options are checked where the registry is built.
  CheckerRegistryData Data;
  std::function<void(CheckerRegistry &)> Fn = [](CheckerRegistry &R) {
    condis::registerCheckers(R);
  };
  CheckerRegistry Registry(Data, /*Plugins=*/{}, Diags, Inv->getAnalyzerOpts(),
                           {Fn});
  return Errors.Errors;
}

bool RuleCatalog::isProjectRule(StringRef Id) {
  return llvm::any_of(ProjectRules,
                      [&](const ProjectRule &R) { return Id == R.Id; });
}

RuleInfo RuleCatalog::rule(StringRef Id) const {
  RuleInfo R;
  R.Id = Id.str();
  StringRef Desc, Doc;
  if (const CheckerInfo *C = P->checker(Id)) {
    Desc = C->Desc;
    Doc = C->DocumentationUri;
  } else {
    for (const ProjectRule &PR : ProjectRules)
      if (Id == PR.Id) {
        Desc = PR.Description;
        Doc = PR.DocPage;
      }
  }
  std::string Text = Desc.empty() ? "Finding of analyzer checker " + R.Id
                                  : Desc.rtrim('.').str();
  Text += ".";
  R.ShortDescription = Text;
  R.HelpUri = P->helpUri(Doc);
  R.FullDescription = Text + " Reported by the " + R.Id +
                      " checker of the Clang Static Analyzer";
  R.FullDescription += Id.starts_with("condis.")
                           ? " (condis-check); the help page lists what it "
                             "reports, examples and options."
                           : ".";
  return R;
}

std::string RuleCatalog::docsPage(StringRef Page) const {
  return P->helpUri(Page);
}

std::vector<std::string> RuleCatalog::condisRuleIds() const {
  std::vector<std::string> Ids;
  for (const CheckerInfo &C : P->Data.Checkers)
    if (!C.IsHidden && C.FullName.starts_with("condis."))
      Ids.push_back(C.FullName.str());
  for (const ProjectRule &R : ProjectRules)
    Ids.push_back(R.Id);
  llvm::sort(Ids);
  Ids.erase(std::unique(Ids.begin(), Ids.end()), Ids.end());
  return Ids;
}

bool CheckSelection::parse(StringRef Spec, const RuleCatalog &Rules,
                           std::string &Error) {
  Entries.clear();
  llvm::SmallVector<StringRef, 8> Parts;
  Spec.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Part : Parts) {
    Part = Part.trim();
    bool Enable = !Part.consume_front("-");
    if (Part.empty())
      continue;
    if (!Rules.isChecker(Part) && !Rules.isPackage(Part)) {
      Error = Part.str();
      return false;
    }
    Entries.push_back({Part.str(), Enable});
  }
  if (Entries.empty()) {
    Error = Spec.str();
    return false;
  }
  return true;
}

static bool covers(StringRef Entry, StringRef Rule) {
  return Rule == Entry ||
         (Rule.starts_with(Entry) && Rule.size() > Entry.size() &&
          Rule[Entry.size()] == '.');
}

bool CheckSelection::selects(StringRef Rule) const {
  bool On = false;
  for (const auto &[Entry, Enable] : Entries)
    if (covers(Entry, Rule))
      On = Enable;
  return On;
}

std::vector<std::pair<std::string, bool>>
CheckSelection::analyzerCheckers(const RuleCatalog &Rules) const {
  std::vector<std::pair<std::string, bool>> Out{{"core", true}};
  for (const auto &[Entry, Enable] : Entries) {
    // A project-only rule has no analyzer checker to switch.
    if (!Rules.isRegistered(Entry))
      continue;
    // Disabling a core checker would change the modelling every other
    // checker relies on (another core checker would report the same bug);
    // its reports are filtered by selects() instead.
    if (!Enable && (Entry == "core" || StringRef(Entry).starts_with("core.")))
      continue;
    Out.push_back({Entry, Enable});
  }
  return Out;
}

} // namespace condis::cli
