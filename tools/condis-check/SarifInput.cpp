//===-- SarifInput.cpp - Check SARIF logs before reading them -------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "SarifInput.h"
#include "JsonInput.h"

#include "llvm/ADT/StringSet.h"

#include <climits>

using namespace llvm;

namespace condis::cli {
namespace {

/// Walks a log; the first problem stops the walk (every check returns
/// false from then on).
class Checker {
public:
  std::string Error;

  bool log(const json::Value &V) {
    const json::Object *Top = object(V, JsonPath());
    if (!Top)
      return false;
    const json::Value *Version = Top->get("version");
    if (!Version || Version->getAsString() != StringRef("2.1.0"))
      return fail(JsonPath().field("version"),
                  "expected \"2.1.0\", got " + shown(Version));
    const json::Array *Runs = array(*Top, "runs", JsonPath(), true);
    if (!Runs)
      return false;
    for (size_t I = 0; I < Runs->size(); ++I)
      if (!run((*Runs)[I], JsonPath().field("runs").index(I)))
        return false;
    return Error.empty();
  }

private:
  StringSet<> BaseIds; ///< originalUriBaseIds of the run being checked.

  bool fail(const JsonPath &P, const Twine &What) {
    if (Error.empty())
      Error = P.str() + ": " + What.str();
    return false;
  }

  static std::string shown(const json::Value *V) {
    if (!V)
      return "nothing";
    if (V->kind() == json::Value::Object || V->kind() == json::Value::Array)
      return jsonKindName(*V);
    std::string S;
    raw_string_ostream OS(S);
    OS << *V;
    if (S.size() > 40)
      S = S.substr(0, 40) + "...";
    return S;
  }

  const json::Object *object(const json::Value &V, const JsonPath &P) {
    const json::Object *O = V.getAsObject();
    if (!O)
      fail(P, std::string("expected an object, got ") + jsonKindName(V));
    return O;
  }

  /// O[Key] as an array; nullptr (and, when Required or of the wrong type,
  /// an error) otherwise. Absent and optional is not an error.
  const json::Array *array(const json::Object &O, StringRef Key,
                           const JsonPath &P, bool Required = false) {
    const json::Value *V = O.get(Key);
    if (!V) {
      if (Required)
        fail(P.field(Key), "missing (expected an array)");
      return nullptr;
    }
    const json::Array *A = V->getAsArray();
    if (!A)
      fail(P.field(Key),
           std::string("expected an array, got ") + jsonKindName(*V));
    return A;
  }

  bool string(const json::Object &O, StringRef Key, const JsonPath &P,
              bool Required, bool NonEmpty = false) {
    const json::Value *V = O.get(Key);
    if (!V)
      return Required ? fail(P.field(Key), "missing (expected a string)")
                      : true;
    std::optional<StringRef> S = V->getAsString();
    if (!S)
      return fail(P.field(Key), "expected a string, got " + shown(V));
    if (NonEmpty && S->empty())
      return fail(P.field(Key), "expected a non-empty string");
    return true;
  }

  /// A message object: {"text": string}.
  bool message(const json::Object &O, const JsonPath &P, bool Required) {
    const json::Value *V = O.get("message");
    if (!V)
      return Required ? fail(P.field("message"), "missing (expected an object "
                                                 "with a text)")
                      : true;
    const json::Object *M = object(*V, P.field("message"));
    return M && string(*M, "text", P.field("message"), true);
  }

  bool lineOrColumn(const json::Object &Region, StringRef Key,
                    const JsonPath &P, std::optional<int64_t> &Out) {
    const json::Value *V = Region.get(Key);
    if (!V)
      return true;
    Out = V->getAsInteger();
    if (!Out || *Out < 1 || *Out > INT_MAX)
      return fail(P.field(Key), "expected an integer from 1 to " +
                                    Twine(INT_MAX) + ", got " + shown(V));
    return true;
  }

  bool location(const json::Value &V, const JsonPath &P, bool NeedsFile) {
    const json::Object *L = object(V, P);
    if (!L)
      return false;
    if (!message(*L, P, false))
      return false;
    const json::Value *PhysV = L->get("physicalLocation");
    if (!PhysV)
      return NeedsFile ? fail(P.field("physicalLocation"),
                              "missing (a result needs a file)")
                       : true;
    JsonPath PP = P.field("physicalLocation");
    const json::Object *Phys = object(*PhysV, PP);
    if (!Phys)
      return false;
    const json::Value *ArtV = Phys->get("artifactLocation");
    if (!ArtV)
      return fail(PP.field("artifactLocation"), "missing (expected an object "
                                                "with a uri)");
    JsonPath AP = PP.field("artifactLocation");
    const json::Object *Art = object(*ArtV, AP);
    if (!Art || !string(*Art, "uri", AP, true, true) ||
        !string(*Art, "uriBaseId", AP, false))
      return false;
    if (std::optional<StringRef> Base = Art->getString("uriBaseId"))
      if (!BaseIds.contains(*Base))
        return fail(AP.field("uriBaseId"), "\"" + *Base +
                                               "\" is not one of the run's "
                                               "originalUriBaseIds");
    if (const json::Value *RegionV = Phys->get("region")) {
      JsonPath RP = PP.field("region");
      const json::Object *Region = object(*RegionV, RP);
      if (!Region)
        return false;
      std::optional<int64_t> StartLine, StartColumn, EndLine, EndColumn;
      if (!lineOrColumn(*Region, "startLine", RP, StartLine) ||
          !lineOrColumn(*Region, "startColumn", RP, StartColumn) ||
          !lineOrColumn(*Region, "endLine", RP, EndLine) ||
          !lineOrColumn(*Region, "endColumn", RP, EndColumn))
        return false;
      if (StartLine && EndLine && *EndLine < *StartLine)
        return fail(RP.field("endLine"), "ends (" + Twine(*EndLine) +
                                             ") before startLine (" +
                                             Twine(*StartLine) + ")");
    }
    return true;
  }

  bool locations(const json::Object &O, StringRef Key, const JsonPath &P,
                 bool NeedsFile) {
    const json::Array *Locs = array(O, Key, P, NeedsFile);
    if (!Locs)
      return Error.empty();
    if (NeedsFile && Locs->empty())
      return fail(P.field(Key), "empty (a result needs a file)");
    for (size_t I = 0; I < Locs->size(); ++I)
      if (!location((*Locs)[I], P.field(Key).index(I), NeedsFile && I == 0))
        return false;
    return true;
  }

  bool result(const json::Value &V, const JsonPath &P) {
    const json::Object *R = object(V, P);
    if (!R || !string(*R, "ruleId", P, true, true) || !message(*R, P, true) ||
        !locations(*R, "locations", P, true) ||
        !locations(*R, "relatedLocations", P, false))
      return false;
    if (const json::Value *FPV = R->get("partialFingerprints")) {
      JsonPath FP = P.field("partialFingerprints");
      const json::Object *Prints = object(*FPV, FP);
      if (!Prints)
        return false;
      for (const auto &[Key, Value] : *Prints)
        if (!Value.getAsString())
          return fail(FP.field(Key), "expected a string, got " + shown(&Value));
    }
    const json::Array *Flows = array(*R, "codeFlows", P);
    if (!Flows)
      return Error.empty();
    for (size_t F = 0; F < Flows->size(); ++F) {
      JsonPath FlowP = P.field("codeFlows").index(F);
      const json::Object *Flow = object((*Flows)[F], FlowP);
      if (!Flow)
        return false;
      const json::Array *Threads = array(*Flow, "threadFlows", FlowP, true);
      if (!Threads)
        return false;
      for (size_t T = 0; T < Threads->size(); ++T) {
        JsonPath TP = FlowP.field("threadFlows").index(T);
        const json::Object *Thread = object((*Threads)[T], TP);
        if (!Thread)
          return false;
        const json::Array *Steps = array(*Thread, "locations", TP, true);
        if (!Steps)
          return false;
        for (size_t S = 0; S < Steps->size(); ++S) {
          JsonPath SP = TP.field("locations").index(S);
          const json::Object *Step = object((*Steps)[S], SP);
          if (!Step)
            return false;
          if (const json::Value *L = Step->get("location"))
            if (!location(*L, SP.field("location"), false))
              return false;
        }
      }
    }
    return true;
  }

  bool run(const json::Value &V, const JsonPath &P) {
    const json::Object *Run = object(V, P);
    if (!Run)
      return false;
    BaseIds.clear();
    if (const json::Value *BV = Run->get("originalUriBaseIds")) {
      JsonPath BP = P.field("originalUriBaseIds");
      const json::Object *Bases = object(*BV, BP);
      if (!Bases)
        return false;
      for (const auto &[Id, Base] : *Bases) {
        const json::Object *B = object(Base, BP.field(Id));
        if (!B || !string(*B, "uri", BP.field(Id), false))
          return false;
        BaseIds.insert(Id);
      }
    }
    if (const json::Array *Results = array(*Run, "results", P)) {
      for (size_t I = 0; I < Results->size(); ++I)
        if (!result((*Results)[I], P.field("results").index(I)))
          return false;
    } else if (!Error.empty()) {
      return false;
    }
    const json::Array *Invs = array(*Run, "invocations", P);
    if (!Invs)
      return Error.empty();
    for (size_t I = 0; I < Invs->size(); ++I) {
      JsonPath IP = P.field("invocations").index(I);
      const json::Object *Inv = object((*Invs)[I], IP);
      if (!Inv)
        return false;
      const json::Array *Notes = array(*Inv, "toolExecutionNotifications", IP);
      if (!Notes) {
        if (!Error.empty())
          return false;
        continue;
      }
      for (size_t N = 0; N < Notes->size(); ++N) {
        JsonPath NP = IP.field("toolExecutionNotifications").index(N);
        const json::Object *Note = object((*Notes)[N], NP);
        if (!Note || !message(*Note, NP, true) ||
            !locations(*Note, "locations", NP, false))
          return false;
      }
    }
    return true;
  }
};

} // namespace

bool validateSarif(const json::Value &Log, std::string &Error) {
  Checker C;
  bool Ok = C.log(Log);
  Error = C.Error;
  return Ok;
}

} // namespace condis::cli
