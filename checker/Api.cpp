//===-- Api.cpp - The CoNDIS API table, expanded from rules/ ----*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Api.h"

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

template <typename Row, size_t N, typename KeyFn, typename ValFn>
StringMap<decltype(std::declval<ValFn>()(std::declval<const Row &>()))>
index(const Row (&Rows)[N], KeyFn Key, ValFn Val) {
  StringMap<decltype(Val(Rows[0]))> M;
  for (const Row &R : Rows)
    M.try_emplace(Key(R), Val(R));
  return M;
}

} // namespace

const ApiInfo &apiInfo(ApiId Id) {
  assert(Id != ApiId::None && Id != ApiId::NumApis && "not a table row");
  return Table[static_cast<unsigned>(Id) - 1];
}

std::optional<ApiId> lookupApi(StringRef Name) {
  static const auto ByName =
      index(Table, [](const ApiInfo &I) { return I.Name; },
            [](const ApiInfo &I) {
              return static_cast<ApiId>(&I - Table + 1);
            });
  auto It = ByName.find(Name);
  if (It == ByName.end())
    return std::nullopt;
  return It->second;
}

std::optional<ApiId> roleTypeForField(StringRef Field) {
  static const auto ByField =
      index(Fields, [](const FieldRow &R) { return R.Field; },
            [](const FieldRow &R) { return R.RoleType; });
  auto It = ByField.find(Field);
  if (It == ByField.end())
    return std::nullopt;
  return It->second;
}

std::optional<ApiId> lookupRoleType(StringRef Name) {
  for (const AliasRow &A : Aliases)
    if (A.Alias == Name)
      return A.RoleType;
  std::optional<ApiId> Id = lookupApi(Name);
  if (Id && apiInfo(*Id).Spelling == SpellingKind::RoleType)
    return Id;
  return std::nullopt;
}

const SupportInfo *lookupSupport(StringRef Name) {
  static const auto ByName =
      index(Support, [](const SupportInfo &S) { return S.Name; },
            [](const SupportInfo &S) { return &S; });
  auto It = ByName.find(Name);
  return It == ByName.end() ? nullptr : It->second;
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
