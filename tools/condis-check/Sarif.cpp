//===-- Sarif.cpp - SARIF 2.1.0 output, baselines and merging -------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Sarif.h"
#include "JsonInput.h"
#include "SarifInput.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace llvm;

namespace condis::cli {
namespace {

constexpr StringLiteral SrcRoot = "%SRCROOT%";

/// Percent-encodes what may not appear in a URI path.
std::string encodePath(StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("/-._~:@!$&'()*+,;=").contains(C)) {
      Out += C;
    } else {
      Out += '%';
      Out += hexdigit(C >> 4, /*LowerCase=*/false);
      Out += hexdigit(C & 15, /*LowerCase=*/false);
    }
  }
  return Out;
}

std::string decodePath(StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Hi, Lo;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        (Hi = hexDigitValue(Uri[I + 1])) != -1U &&
        (Lo = hexDigitValue(Uri[I + 2])) != -1U) {
      Out += char(Hi * 16 + Lo);
      I += 2;
    } else {
      Out += Uri[I];
    }
  }
  return Out;
}

std::string fileUri(StringRef AbsPath) {
  return "file://" + encodePath(AbsPath);
}

json::Object artifactLocation(StringRef Root, StringRef File) {
  std::string Rel = relativeTo(Root, File);
  if (!Rel.empty())
    return json::Object{{"uri", encodePath(Rel)}, {"uriBaseId", SrcRoot.str()}};
  return json::Object{{"uri", fileUri(File)}};
}

/// A full region, as GitHub code scanning wants it: start and end. A place
/// whose end is not known (a registration another file made) is one
/// character wide.
json::Object region(const Position &P) {
  json::Object Region;
  if (!P.Line)
    return Region;
  Region["startLine"] = P.Line;
  Region["endLine"] = P.EndLine ? P.EndLine : P.Line;
  if (P.Column) {
    Region["startColumn"] = P.Column;
    Region["endColumn"] = P.EndColumn ? P.EndColumn : P.Column + 1;
  }
  return Region;
}

json::Object physicalLocation(StringRef Root, const Position &P) {
  json::Object Region = region(P);
  json::Object Phys{{"artifactLocation", artifactLocation(Root, P.File)}};
  if (!Region.empty())
    Phys["region"] = std::move(Region);
  return Phys;
}

json::Object location(StringRef Root, const Position &P) {
  return json::Object{{"physicalLocation", physicalLocation(Root, P)}};
}

// json::Value keeps a StringRef without copying it: every string that goes
// into the log is handed over as a std::string.
json::Object message(StringRef Text) {
  return json::Object{{"text", Text.str()}};
}

json::Object ruleObject(const RuleInfo &R) {
  StringRef Name = StringRef(R.Id).rsplit('.').second;
  if (Name.empty())
    Name = R.Id;
  json::Object O{
      {"id", R.Id},
      {"name", Name.str()},
      {"shortDescription", message(R.ShortDescription)},
      {"fullDescription", message(R.FullDescription)},
      {"defaultConfiguration", json::Object{{"level", "warning"}}},
  };
  if (!R.HelpMarkdown.empty()) {
    // The rule's docs page itself: what it reports, examples, options.
    O["helpUri"] = std::string(R.HelpUri);
    O["help"] = json::Object{{"text", R.HelpMarkdown},
                             {"markdown", R.HelpMarkdown}};
  } else if (!R.HelpUri.empty()) {
    O["helpUri"] = std::string(R.HelpUri);
    O["help"] = json::Object{
        {"text", R.FullDescription + " Documentation: " + R.HelpUri},
        {"markdown",
         R.FullDescription + " See [the documentation](" + R.HelpUri + ")."}};
  }
  return O;
}

} // namespace

std::string sarifUri(StringRef Root, StringRef File) {
  std::string Rel = relativeTo(Root, File);
  return Rel.empty() ? fileUri(File) : encodePath(Rel);
}

void writeSarif(raw_ostream &OS, const std::vector<Finding> &Findings,
                const std::vector<ToolError> &Errors, const RuleCatalog &Rules,
                StringRef Root) {
  // Every condis rule, then whatever else a result names; sorted by id so
  // ruleIndex does not depend on the order findings arrived in.
  std::map<std::string, unsigned> RuleIndex;
  for (const std::string &Id : Rules.condisRuleIds())
    RuleIndex[Id] = 0;
  for (const Finding &F : Findings)
    RuleIndex[F.RuleId] = 0;
  json::Array RuleArray;
  for (auto &[Id, Index] : RuleIndex) {
    Index = RuleArray.size();
    RuleArray.push_back(ruleObject(Rules.rule(Id)));
  }

  json::Array Results;
  for (const Finding &F : Findings) {
    json::Object Result{
        {"ruleId", std::string(F.RuleId)},
        {"ruleIndex", RuleIndex[F.RuleId]},
        {"level", "warning"},
        {"message", message(F.Message)},
        {"locations", json::Array{location(Root, F.Where)}},
    };
    if (!F.Fingerprint.empty())
      Result["partialFingerprints"] =
          json::Object{{FingerprintKey, std::string(F.Fingerprint)}};
    // Notes about other places (the registration deciding the role, clang's
    // extra notes) are related locations too; the path keeps them in order.
    json::Array Related;
    for (const Note &N : F.Path)
      if (N.Related) {
        json::Object Loc = location(Root, N.Where);
        Loc["id"] = static_cast<int64_t>(Related.size());
        Loc["message"] = message(N.Message);
        Related.push_back(std::move(Loc));
      }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!F.Fixes.empty()) {
      // One fix of every replacement the checker proposed, by file.
      std::map<std::string, json::Array> ByFile;
      for (const Fix &X : F.Fixes)
        ByFile[X.Where.File].push_back(json::Object{
            {"deletedRegion", region(X.Where)},
            {"insertedContent", message(X.Replacement)}});
      json::Array Changes;
      for (auto &[File, Replacements] : ByFile)
        Changes.push_back(
            json::Object{{"artifactLocation", artifactLocation(Root, File)},
                         {"replacements", std::move(Replacements)}});
      std::string What = F.Fixes.size() == 1 && !F.Fixes[0].Replacement.empty()
                             ? "Replace with '" + F.Fixes[0].Replacement + "'"
                             : "Apply the checker's fix-it";
      Result["fixes"] = json::Array{json::Object{
          {"description", message(What)},
          {"artifactChanges", std::move(Changes)}}};
    }
    if (!F.Path.empty()) {
      json::Array Steps;
      for (const Note &N : F.Path) {
        json::Object Loc = location(Root, N.Where);
        Loc["message"] = message(N.Message);
        Steps.push_back(json::Object{{"location", std::move(Loc)}});
      }
      Result["codeFlows"] = json::Array{json::Object{
          {"threadFlows",
           json::Array{json::Object{{"locations", std::move(Steps)}}}}}};
    }
    Results.push_back(std::move(Result));
  }

  json::Array Notifications;
  for (const ToolError &E : Errors) {
    std::string Text = E.Message;
    std::string Prefix = Root.rtrim('/').str() + "/";
    for (StringRef D : E.Details) {
      D.consume_front(Prefix);
      Text += "\n" + D.str();
    }
    json::Object N{{"level", E.Warning ? "warning" : "error"},
                   {"message", message(Text)}};
    if (!E.File.empty())
      N["locations"] = json::Array{location(Root, Position{E.File})};
    Notifications.push_back(std::move(N));
  }

  std::string RootUri = fileUri(Root);
  if (!StringRef(RootUri).ends_with("/"))
    RootUri += '/';
  json::Object Run{
      {"tool",
       json::Object{{"driver", json::Object{{"name", "condis-check"},
                                            {"version", CONDIS_CHECK_VERSION},
                                            {"semanticVersion",
                                             CONDIS_CHECK_VERSION},
                                            {"informationUri",
                                             Rules.docsPage("condis-check.md")},
                                            {"rules", std::move(RuleArray)}}}}},
      {"originalUriBaseIds",
       json::Object{{SrcRoot, json::Object{{"uri", RootUri}}}}},
      {"invocations",
       json::Array{json::Object{
           {"executionSuccessful", !hasError(Errors)},
           {"toolExecutionNotifications", std::move(Notifications)}}}},
      {"results", std::move(Results)},
  };
  json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::Array{std::move(Run)}},
  };
  OS << formatv("{0:2}", json::Value(std::move(Log))) << '\n';
}

namespace {

/// Turns a SARIF artifactLocation back into an absolute path.
std::string pathOf(const json::Object *ArtLoc,
                   const StringMap<std::string> &Bases, std::string &RawUri) {
  if (!ArtLoc)
    return "";
  std::optional<StringRef> Uri = ArtLoc->getString("uri");
  if (!Uri)
    return "";
  RawUri = Uri->str();
  StringRef U = *Uri;
  if (U.consume_front("file://"))
    return decodePath(U);
  std::string Base;
  if (std::optional<StringRef> Id = ArtLoc->getString("uriBaseId")) {
    auto It = Bases.find(*Id);
    if (It != Bases.end())
      Base = It->second;
  }
  return absolutePath(Base.empty() ? "/" : Base, decodePath(U));
}

Position positionOf(const json::Object *Loc,
                    const StringMap<std::string> &Bases, std::string &RawUri) {
  Position P;
  if (!Loc)
    return P;
  const json::Object *Phys = Loc->getObject("physicalLocation");
  if (!Phys)
    return P;
  P.File = pathOf(Phys->getObject("artifactLocation"), Bases, RawUri);
  if (const json::Object *Region = Phys->getObject("region")) {
    P.Line = Region->getInteger("startLine").value_or(0);
    P.Column = Region->getInteger("startColumn").value_or(0);
    P.EndLine = Region->getInteger("endLine").value_or(0);
    P.EndColumn = Region->getInteger("endColumn").value_or(0);
  }
  return P;
}

} // namespace

bool readSarif(StringRef Path, SarifLog &Log, std::string &Error) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = "cannot read " + Path.str() + ": " + Buf.getError().message();
    return false;
  }
  // Depth-bounded parse and validation first (JsonInput.h, SarifInput.h):
  // what the code below reads is there and of the right type and range.
  std::string Why;
  std::optional<json::Value> V = parseJsonInput((*Buf)->getBuffer(), Why);
  if (!V) {
    StringRef W(Why);
    Error = W.consume_front("not valid JSON ")
                ? Path.str() + " is not JSON: " + W.str()
                : Path.str() + " cannot be read: " + Why;
    return false;
  }
  if (!validateSarif(*V, Why)) {
    Error =
        Path.str() + " is not a SARIF 2.1.0 log condis-check can read: " + Why;
    return false;
  }
  const json::Object *Top = V->getAsObject();
  const json::Array *Runs = Top->getArray("runs");
  for (const json::Value &RunV : *Runs) {
    const json::Object *Run = RunV.getAsObject();
    if (!Run)
      continue;
    StringMap<std::string> Bases;
    if (const json::Object *B = Run->getObject("originalUriBaseIds"))
      for (const auto &[Id, Val] : *B)
        if (const json::Object *BO = Val.getAsObject())
          if (std::optional<StringRef> U = BO->getString("uri")) {
            StringRef S = *U;
            if (S.consume_front("file://")) {
              Bases[Id.str()] = decodePath(S.rtrim('/'));
              if (StringRef(Id) == SrcRoot && Log.Root.empty())
                Log.Root = Bases[Id.str()];
            }
          }
    if (const json::Array *Results = Run->getArray("results"))
      for (const json::Value &RV : *Results) {
        const json::Object *R = RV.getAsObject();
        if (!R)
          continue;
        Finding F;
        F.RuleId = R->getString("ruleId").value_or("").str();
        if (const json::Object *M = R->getObject("message"))
          F.Message = M->getString("text").value_or("").str();
        std::string Uri;
        if (const json::Array *Locs = R->getArray("locations"))
          if (!Locs->empty())
            F.Where = positionOf((*Locs)[0].getAsObject(), Bases, Uri);
        if (const json::Object *FP = R->getObject("partialFingerprints"))
          F.Fingerprint = FP->getString(FingerprintKey).value_or("").str();
        if (const json::Array *Flows = R->getArray("codeFlows"))
          for (const json::Value &Flow : *Flows)
            if (const json::Object *FO = Flow.getAsObject())
              if (const json::Array *TFs = FO->getArray("threadFlows"))
                for (const json::Value &TF : *TFs)
                  if (const json::Object *TFO = TF.getAsObject())
                    if (const json::Array *Steps = TFO->getArray("locations"))
                      for (const json::Value &S : *Steps)
                        if (const json::Object *SO = S.getAsObject()) {
                          const json::Object *L = SO->getObject("location");
                          std::string Ignored;
                          Note N;
                          N.Where = positionOf(L, Bases, Ignored);
                          if (L)
                            if (const json::Object *M = L->getObject("message"))
                              N.Message =
                                  M->getString("text").value_or("").str();
                          F.Path.push_back(std::move(N));
                        }
        if (const json::Array *Rel = R->getArray("relatedLocations"))
          for (const json::Value &RL : *Rel) {
            const json::Object *RO = RL.getAsObject();
            std::string Ignored, Text;
            Position At = positionOf(RO, Bases, Ignored);
            if (const json::Object *M = RO ? RO->getObject("message") : nullptr)
              Text = M->getString("text").value_or("").str();
            for (Note &N : F.Path)
              if (!N.Related && N.Message == Text && N.Where.File == At.File &&
                  N.Where.Line == At.Line && N.Where.Column == At.Column) {
                N.Related = true;
                break;
              }
          }
        if (const json::Array *Fixes = R->getArray("fixes"))
          for (const json::Value &FV : *Fixes)
            if (const json::Object *FO = FV.getAsObject())
              if (const json::Array *Changes = FO->getArray("artifactChanges"))
                for (const json::Value &CV : *Changes) {
                  const json::Object *CO = CV.getAsObject();
                  const json::Array *Reps =
                      CO ? CO->getArray("replacements") : nullptr;
                  if (!Reps)
                    continue;
                  std::string Ignored;
                  std::string File =
                      pathOf(CO->getObject("artifactLocation"), Bases, Ignored);
                  for (const json::Value &RV2 : *Reps) {
                    const json::Object *RO = RV2.getAsObject();
                    if (!RO)
                      continue;
                    Fix X;
                    X.Where.File = File;
                    if (const json::Object *D = RO->getObject("deletedRegion")) {
                      X.Where.Line = D->getInteger("startLine").value_or(0);
                      X.Where.Column = D->getInteger("startColumn").value_or(0);
                      X.Where.EndLine = D->getInteger("endLine").value_or(0);
                      X.Where.EndColumn = D->getInteger("endColumn").value_or(0);
                    }
                    if (const json::Object *I = RO->getObject("insertedContent"))
                      X.Replacement = I->getString("text").value_or("").str();
                    F.Fixes.push_back(std::move(X));
                  }
                }
        Log.Keys.push_back({F.RuleId, Uri, F.Fingerprint});
        Log.Findings.push_back(std::move(F));
      }
    if (const json::Array *Invs = Run->getArray("invocations"))
      for (const json::Value &IV : *Invs)
        if (const json::Object *I = IV.getAsObject())
          if (const json::Array *Ns = I->getArray("toolExecutionNotifications"))
            for (const json::Value &NV : *Ns)
              if (const json::Object *N = NV.getAsObject()) {
                ToolError E;
                E.Warning = N->getString("level").value_or("") == "warning";
                if (const json::Object *M = N->getObject("message")) {
                  StringRef Text = M->getString("text").value_or("");
                  auto [First, Rest] = Text.split('\n');
                  E.Message = First.str();
                  SmallVector<StringRef, 4> Lines;
                  Rest.split(Lines, '\n', -1, false);
                  for (StringRef L : Lines)
                    E.Details.push_back(L.str());
                }
                if (const json::Array *Locs = N->getArray("locations"))
                  if (!Locs->empty()) {
                    std::string Ignored;
                    E.File =
                        positionOf((*Locs)[0].getAsObject(), Bases, Ignored)
                            .File;
                  }
                Log.Errors.push_back(std::move(E));
              }
  }
  return true;
}

} // namespace condis::cli
