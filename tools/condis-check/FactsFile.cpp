//===-- FactsFile.cpp - Project facts as JSON -----------------------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "FactsFile.h"
#include "ContentHash.h"
#include "JsonInput.h"

#include "Api.h"
#include "Irql.h"
#include "Operations.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace condis::cli {
namespace {

constexpr StringLiteral FormatName = "condis-check project facts";

/// Row names of rules/operations.def, by OperationId.
const char *const OperationNames[] = {
#define CONDIS_OPERATION(Name, ...) #Name,
#include "operations.def"
};

std::optional<OperationId> operationNamed(StringRef Name) {
  for (size_t I = 0; I < std::size(OperationNames); ++I)
    if (Name == OperationNames[I])
      return static_cast<OperationId>(I);
  return std::nullopt;
}

StringRef evidenceRoleName(ApiRole R) { return R == ApiRole::Cm ? "cm" : "mcm"; }

json::Value encodePosition(const Position &P) {
  return json::Object{{"file", P.File},
                      {"line", P.Line},
                      {"column", P.Column},
                      {"endLine", P.EndLine},
                      {"endColumn", P.EndColumn}};
}

json::Value encodeParts(const DriverFacts &Facts,
                        const std::vector<PendingFunction> &Pending,
                        const std::set<OperationId> &Completions) {
  // Handlers and stored routines are maps: written sorted, so the same
  // facts always give the same bytes.
  std::vector<std::pair<StringRef, ApiId>> Handlers;
  for (const auto &H : Facts.handlers())
    Handlers.push_back({H.getKey(), H.getValue()});
  llvm::sort(Handlers);
  json::Array HandlersJ;
  for (const auto &[Fn, Id] : Handlers)
    HandlersJ.push_back(
        json::Object{{"function", Fn}, {"roleType", apiInfo(Id).Name}});

  std::vector<StringRef> Routines;
  for (const auto &R : Facts.storedRoutines())
    Routines.push_back(R.getKey());
  llvm::sort(Routines);
  json::Array RoutinesJ;
  for (StringRef Fn : Routines) {
    const StoredRoutine *R = Facts.storedRoutineOf(Fn);
    RoutinesJ.push_back(json::Object{{"function", Fn},
                                     {"role", irqlRoleInfo(R->Role).RoleType},
                                     {"field", R->Field}});
  }

  json::Array EvidenceJ;
  for (const RoleEvidence &E : Facts.roleEvidence())
    EvidenceJ.push_back(json::Object{{"role", evidenceRoleName(E.Role)},
                                     {"callee", E.Callee},
                                     {"file", E.File},
                                     {"line", E.Line},
                                     {"column", E.Column}});

  json::Array MarksJ;
  for (const NamedMark &M : Facts.marks())
    MarksJ.push_back(json::Object{
        {"field", M.Field},
        {"test", markTestName(M.Reader.Test.K)},
        {"value", M.Reader.Test.Value},
        {"operation", OperationNames[static_cast<size_t>(M.Reader.Op)]},
        {"completer", M.Reader.Completer}});

  json::Array PendingJ;
  for (const PendingFunction &P : Pending)
    PendingJ.push_back(json::Object{{"name", P.Name},
                                    {"definition", encodePosition(P.Definition)},
                                    {"return", encodePosition(P.Return)},
                                    {"ownerTU", P.OwnerTU}});

  json::Array CompletionsJ;
  for (OperationId Op : Completions)
    CompletionsJ.push_back(OperationNames[static_cast<size_t>(Op)]);

  return json::Object{{"handlers", std::move(HandlersJ)},
                      {"storedRoutines", std::move(RoutinesJ)},
                      {"roleEvidence", std::move(EvidenceJ)},
                      {"marks", std::move(MarksJ)},
                      {"pending", std::move(PendingJ)},
                      {"completionsReferenced", std::move(CompletionsJ)}};
}

/// Reads values out of a document, keeping the first problem and where.
class Reader {
public:
  std::string Error;

  bool fail(const JsonPath &At, const Twine &Why) {
    if (Error.empty())
      Error = At.str() + ": " + Why.str();
    return false;
  }

  const json::Object *object(const json::Value *V, const JsonPath &At) {
    const json::Object *O = V ? V->getAsObject() : nullptr;
    if (!O)
      fail(At, V ? Twine("expected an object, got ") + jsonKindName(*V)
                 : Twine("missing"));
    return O;
  }
  const json::Array *array(const json::Object &O, const JsonPath &At,
                           StringRef Key) {
    const json::Value *V = O.get(Key);
    const json::Array *A = V ? V->getAsArray() : nullptr;
    if (!A)
      fail(At.field(Key), V ? Twine("expected an array, got ") +
                                  jsonKindName(*V)
                            : Twine("missing"));
    return A;
  }
  bool string(const json::Object &O, const JsonPath &At, StringRef Key,
              std::string &Out) {
    const json::Value *V = O.get(Key);
    std::optional<StringRef> S = V ? V->getAsString() : std::nullopt;
    if (!S)
      return fail(At.field(Key), V ? Twine("expected a string, got ") +
                                         jsonKindName(*V)
                                   : Twine("missing"));
    Out = S->str();
    return true;
  }
  bool number(const json::Object &O, const JsonPath &At, StringRef Key,
              unsigned &Out) {
    const json::Value *V = O.get(Key);
    std::optional<int64_t> I = V ? V->getAsInteger() : std::nullopt;
    if (!I || *I < 0 || *I > INT32_MAX)
      return fail(At.field(Key), "expected an integer from 0 to 2147483647");
    Out = static_cast<unsigned>(*I);
    return true;
  }
  bool position(const json::Object &O, const JsonPath &At, StringRef Key,
                Position &P) {
    const json::Object *PO = object(O.get(Key), At.field(Key));
    JsonPath Here = At.field(Key);
    return PO && string(*PO, Here, "file", P.File) &&
           number(*PO, Here, "line", P.Line) &&
           number(*PO, Here, "column", P.Column) &&
           number(*PO, Here, "endLine", P.EndLine) &&
           number(*PO, Here, "endColumn", P.EndColumn);
  }
};

bool decodeParts(const json::Value &V, DriverFacts &Facts,
                 std::vector<PendingFunction> &Pending,
                 std::set<OperationId> &Completions, std::string &Error) {
  Reader R;
  JsonPath Root;
  auto Done = [&](bool Ok) {
    if (!Ok)
      Error = R.Error;
    return Ok;
  };
  const json::Object *O = R.object(&V, Root);
  if (!O)
    return Done(false);
  const json::Array *Handlers = R.array(*O, Root, "handlers");
  const json::Array *Routines = R.array(*O, Root, "storedRoutines");
  const json::Array *Evidence = R.array(*O, Root, "roleEvidence");
  const json::Array *MarksJ = R.array(*O, Root, "marks");
  const json::Array *PendingJ = R.array(*O, Root, "pending");
  const json::Array *CompletionsJ = R.array(*O, Root, "completionsReferenced");
  if (!Handlers || !Routines || !Evidence || !MarksJ || !PendingJ ||
      !CompletionsJ)
    return Done(false);

  for (size_t I = 0; I < Handlers->size(); ++I) {
    JsonPath At = Root.field("handlers").index(I);
    const json::Object *H = R.object(&(*Handlers)[I], At);
    std::string Fn, Type;
    if (!H || !R.string(*H, At, "function", Fn) ||
        !R.string(*H, At, "roleType", Type))
      return Done(false);
    std::optional<ApiId> Id = lookupApi(Type);
    if (!Id || apiInfo(*Id).Spelling != SpellingKind::RoleType)
      return Done(R.fail(At.field("roleType"),
                         "'" + Type + "' is not a role type of this tool"));
    Facts.addHandler(Fn, *Id);
  }
  for (size_t I = 0; I < Routines->size(); ++I) {
    JsonPath At = Root.field("storedRoutines").index(I);
    const json::Object *SR = R.object(&(*Routines)[I], At);
    std::string Fn, Role, Field;
    if (!SR || !R.string(*SR, At, "function", Fn) ||
        !R.string(*SR, At, "role", Role) || !R.string(*SR, At, "field", Field))
      return Done(false);
    std::optional<IrqlRoleId> Id = lookupIrqlRole(Role);
    if (!Id)
      return Done(R.fail(At.field("role"),
                         "'" + Role + "' is not a routine role of this tool"));
    Facts.addStoredRoutine(Fn, {*Id, Field});
  }
  for (size_t I = 0; I < Evidence->size(); ++I) {
    JsonPath At = Root.field("roleEvidence").index(I);
    const json::Object *EO = R.object(&(*Evidence)[I], At);
    RoleEvidence E{ApiRole::Cm, "", {}};
    std::string Role;
    if (!EO || !R.string(*EO, At, "role", Role) ||
        !R.string(*EO, At, "callee", E.Callee) ||
        !R.string(*EO, At, "file", E.File) ||
        !R.number(*EO, At, "line", E.Line) ||
        !R.number(*EO, At, "column", E.Column))
      return Done(false);
    if (Role != "cm" && Role != "mcm")
      return Done(R.fail(At.field("role"), "expected \"cm\" or \"mcm\""));
    E.Role = Role == "cm" ? ApiRole::Cm : ApiRole::Mcm;
    Facts.addEvidence(std::move(E));
  }
  for (size_t I = 0; I < MarksJ->size(); ++I) {
    JsonPath At = Root.field("marks").index(I);
    const json::Object *MO = R.object(&(*MarksJ)[I], At);
    NamedMark M{"", {{MarkTest::Equals, 0}, OperationId::NumOperations, ""}};
    std::string Test, Op;
    if (!MO || !R.string(*MO, At, "field", M.Field) ||
        !R.string(*MO, At, "test", Test) ||
        !R.string(*MO, At, "operation", Op) ||
        !R.string(*MO, At, "completer", M.Reader.Completer))
      return Done(false);
    std::optional<MarkTest::Kind> K = markTestNamed(Test);
    if (!K)
      return Done(R.fail(At.field("test"),
                         "expected \"equals\", \"anyBit\" or \"nonZero\""));
    M.Reader.Test.K = *K;
    std::optional<int64_t> Value = MO->getInteger("value");
    if (!Value)
      return Done(R.fail(At.field("value"), "expected an integer"));
    M.Reader.Test.Value = *Value;
    std::optional<OperationId> Id = operationNamed(Op);
    if (!Id)
      return Done(R.fail(At.field("operation"),
                         "expected the name of a rules/operations.def row"));
    M.Reader.Op = *Id;
    Facts.addMark(std::move(M));
  }
  for (size_t I = 0; I < PendingJ->size(); ++I) {
    JsonPath At = Root.field("pending").index(I);
    const json::Object *PO = R.object(&(*PendingJ)[I], At);
    PendingFunction P;
    if (!PO || !R.string(*PO, At, "name", P.Name) ||
        !R.position(*PO, At, "definition", P.Definition) ||
        !R.position(*PO, At, "return", P.Return) ||
        !R.string(*PO, At, "ownerTU", P.OwnerTU))
      return Done(false);
    Pending.push_back(std::move(P));
  }
  for (size_t I = 0; I < CompletionsJ->size(); ++I) {
    JsonPath At = Root.field("completionsReferenced").index(I);
    std::optional<StringRef> S = (*CompletionsJ)[I].getAsString();
    std::optional<OperationId> Op = S ? operationNamed(*S) : std::nullopt;
    if (!Op)
      return Done(R.fail(At, "expected the name of a rules/operations.def "
                             "row of this tool"));
    Completions.insert(*Op);
  }
  return true;
}

} // namespace

json::Value encodeScan(const TUScan &Scan) {
  return encodeParts(Scan.Facts, Scan.Pending, Scan.CompletionsReferenced);
}

json::Value encodeProject(const ProjectFacts &Project) {
  return encodeParts(Project.Facts, Project.Pending,
                     Project.CompletionsReferenced);
}

bool decodeScan(const json::Value &V, TUScan &Scan, std::string &Error) {
  return decodeParts(V, Scan.Facts, Scan.Pending, Scan.CompletionsReferenced,
                     Error);
}

bool decodeProject(const json::Value &V, ProjectFacts &Project,
                   std::string &Error) {
  return decodeParts(V, Project.Facts, Project.Pending,
                     Project.CompletionsReferenced, Error);
}

std::string
databaseDigest(ArrayRef<clang::tooling::CompileCommand> Database) {
  Digest D;
  D.add(FormatName);
  for (const clang::tooling::CompileCommand &C : Database) {
    D.add(C.Filename).add(C.Directory);
    D.add(std::to_string(C.CommandLine.size()));
    for (const std::string &A : C.CommandLine)
      D.add(A);
  }
  return D.hex();
}

/// The digest of the facts as JSON prints them (object keys sorted): a
/// file edited or damaged into other valid facts no longer matches it.
std::string factsDigest(const json::Value &Facts) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << Facts;
  return hashBytes(OS.str());
}

void writeFactsFile(raw_ostream &OS, const ProjectFacts &Project,
                    StringRef DatabaseDigest, size_t Files) {
  json::Value Facts = encodeProject(Project);
  std::string Digest = factsDigest(Facts);
  json::Object Doc{{"format", FormatName},
                   {"version", FactsFileVersion},
                   {"condisCheck", CONDIS_CHECK_VERSION},
                   {"database", DatabaseDigest},
                   {"files", static_cast<int64_t>(Files)},
                   {"factsDigest", Digest},
                   {"facts", std::move(Facts)}};
  OS << formatv("{0:1}", json::Value(std::move(Doc))) << '\n';
}

bool readFactsFile(StringRef Path, StringRef DatabaseDigest,
                   ProjectFacts &Project, size_t &Files, std::string &Error) {
  auto Fail = [&](const Twine &Why) {
    Error = ("--facts " + Path + ": " + Why).str();
    return false;
  };
  const char Again[] = "; write it again with --write-facts";
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return Fail("cannot read it: " + Buffer.getError().message());
  std::string Why;
  std::optional<json::Value> Doc =
      parseJsonInput((*Buffer)->getBuffer(), Why);
  if (!Doc)
    return Fail(Why);
  const json::Object *O = Doc->getAsObject();
  if (!O || O->getString("format") != std::optional<StringRef>(FormatName))
    return Fail("not a facts file written by condis-check --write-facts");
  std::optional<int64_t> Version = O->getInteger("version");
  if (Version != FactsFileVersion)
    return Fail("facts file version " +
                (Version ? Twine(*Version) : Twine("(none)")) +
                ", this condis-check reads version " +
                Twine(FactsFileVersion) + Again);
  std::optional<StringRef> Tool = O->getString("condisCheck");
  if (Tool != std::optional<StringRef>(CONDIS_CHECK_VERSION))
    return Fail("written by condis-check " + Tool.value_or("(unknown)") +
                ", this is " CONDIS_CHECK_VERSION + Again);
  if (O->getString("database") != std::optional<StringRef>(DatabaseDigest))
    return Fail(Twine("gathered from other compile commands than this run's "
                      "(the database, --path-map or --extra-arg differ)") +
                Again);
  std::optional<int64_t> N = O->getInteger("files");
  const json::Value *Facts = O->get("facts");
  if (!N || *N < 0 || !Facts)
    return Fail("no \"files\" count or no \"facts\"");
  ProjectFacts Read;
  if (!decodeProject(*Facts, Read, Why))
    return Fail("$.facts" + StringRef(Why).drop_front(1));
  if (O->getString("factsDigest") !=
      std::optional<StringRef>(factsDigest(*Facts)))
    return Fail(Twine("its facts do not match their digest (the file was "
                      "damaged or edited)") +
                Again);
  Project = std::move(Read);
  Files = static_cast<size_t>(*N);
  return true;
}

} // namespace condis::cli
