//===-- Api.cpp - The CoNDIS API table, expanded from rules/ ----*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Api.h"
#include "TableNames.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <cassert>

using namespace llvm;

namespace condis {
namespace {

// The second expansion: every Target and Counterpart names an
// ApiId enumerator, so a misspelt partner does not compile.
const ApiInfo Table[] = {
#define CONDIS_API(Name, Sp, Target, Role, Max, Min, Eff, StatusArg, PartyArg, \
                   Counterpart)                                                \
  {#Name,          SpellingKind::Sp, ApiId::Target,   ApiRole::Role,             \
   IrqlLimit::Max, IrqlLimit::Min,   EffectKind::Eff, StatusArg,                 \
   PartyArg,       ApiId::Counterpart},
#include "condis.def"
};
static_assert(sizeof(Table) / sizeof(Table[0]) ==
                  static_cast<unsigned>(ApiId::NumApis) - 1,
              "rules/condis.def and ApiId disagree");

struct FieldRow {
  StringRef Field;
  ApiId RoleType;
};
const FieldRow Fields[] = {
#define CONDIS_HANDLER_FIELD(RoleType, Field) {#Field, ApiId::RoleType},
#include "handlers.def"
};

struct AliasRow {
  StringRef Alias;
  ApiId RoleType;
};
const AliasRow Aliases[] = {
#define CONDIS_ROLE_ALIAS(Alias, RoleType) {#Alias, ApiId::RoleType},
#include "handlers.def"
};

const SupportInfo Support[] = {
#define CONDIS_SUPPORT(Name, Eff, Arg) {#Name, SupportEffect::Eff, Arg},
#include "support.def"
};

} // namespace

const ApiInfo &apiInfo(ApiId Id) {
  assert(Id != ApiId::None && Id != ApiId::NumApis && "not a table row");
  return Table[static_cast<unsigned>(Id) - 1];
}

void indexApiTables(StringMap<TableName> &Index) {
  for (const ApiInfo &I : Table) {
    TableName &N = Index[I.Name];
    ApiId Id = static_cast<ApiId>(&I - Table + 1);
    if (!N.Api)
      N.Api = Id;
    if (I.Spelling == SpellingKind::RoleType && !N.RoleType)
      N.RoleType = Id;
  }
  // A legacy alias names its role type ahead of any row of that name.
  for (const AliasRow &A : llvm::reverse(Aliases))
    Index[A.Alias].RoleType = A.RoleType;
  for (const FieldRow &F : Fields) {
    TableName &N = Index[F.Field];
    if (!N.FieldRoleType)
      N.FieldRoleType = F.RoleType;
  }
  for (const SupportInfo &S : Support) {
    TableName &N = Index[S.Name];
    if (!N.Support)
      N.Support = &S;
  }
}

std::optional<ApiId> lookupApi(StringRef Name) {
  const TableName *N = lookupName(Name);
  return N ? N->Api : std::nullopt;
}

std::optional<ApiId> roleTypeForField(StringRef Field) {
  const TableName *N = lookupName(Field);
  return N ? N->FieldRoleType : std::nullopt;
}

std::optional<ApiId> lookupRoleType(StringRef Name) {
  const TableName *N = lookupName(Name);
  return N ? N->RoleType : std::nullopt;
}

const SupportInfo *lookupSupport(StringRef Name) {
  const TableName *N = lookupName(Name);
  return N ? N->Support : nullptr;
}

StringRef roleName(ApiRole R) {
  switch (R) {
  case ApiRole::Client:
    return "CoNDIS client";
  case ApiRole::Cm:
    return "stand-alone call manager";
  case ApiRole::Mcm:
    return "miniport call manager";
  case ApiRole::ClientOrCm:
    return "CoNDIS protocol driver";
  case ApiRole::Miniport:
    return "CoNDIS miniport";
  case ApiRole::CmOrMcm:
    return "call manager";
  case ApiRole::AnyCoNdis:
    return "CoNDIS driver";
  }
  return "?";
}

} // namespace condis
