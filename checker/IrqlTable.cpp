//===-- IrqlTable.cpp - IRQL levels and the rules/irql.def table -*- C++
//-*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Irql.h"
#include "TableNames.h"

#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <cassert>

using namespace llvm;

namespace condis {
namespace {

// The second expansion: Target and Instead name IrqlApiId enumerators, so a
// misspelt partner does not compile.
const IrqlApiInfo ApiTable[] = {
#define CONDIS_IRQL_API(Name, Sp, Target, Max, Min, Eff, LockArg, LevelArg,    \
                        SavedArg, Instead)                                     \
  {#Name,          SpellingKind::Sp,  IrqlApiId::Target, IrqlLimit::Max,       \
   IrqlLimit::Min, IrqlEffect::Eff,   LockArg,           LevelArg,             \
   SavedArg,       IrqlApiId::Instead},
#include "irql.def"
};
static_assert(sizeof(ApiTable) / sizeof(ApiTable[0]) ==
                  static_cast<unsigned>(IrqlApiId::NumApis) - 1,
              "rules/irql.def and IrqlApiId disagree");

const IrqlRoleInfo RoleTable[] = {
#define CONDIS_IRQL_ROLE(RoleType, Min, Max, What)                             \
  {#RoleType, IrqlLimit::Min, IrqlLimit::Max, What},
#include "irql.def"
};

struct RoutineRow {
  IrqlApiId Api;
  unsigned Arg;
  IrqlRoleId Role;
};
const RoutineRow Routines[] = {
#define CONDIS_IRQL_ROUTINE(Api, Arg, RoleType)                                \
  {IrqlApiId::Api, Arg, IrqlRoleId::RoleType},
#include "irql.def"
};

// RoleType names an IrqlRoleId enumerator: a field row naming a role that
// rules/irql.def does not have does not compile.
const IrqlFieldInfo FieldTable[] = {
#define CONDIS_IRQL_FIELD(RoleType, Field, PointerType)                        \
  {#Field, #PointerType, IrqlRoleId::RoleType},
#include "handlers.def"
};

} // namespace

std::optional<Irql> irqlFromValue(uint64_t Value) {
  if (Value == 0)
    return Irql::Passive;
  if (Value == 1)
    return Irql::Apc;
  if (Value == 2)
    return Irql::Dispatch;
  if (Value <= 26)
    return Irql::Device;
  if (Value <= 31)
    return Irql::High;
  return std::nullopt;
}

std::optional<uint64_t> valueOfIrql(Irql L) {
  switch (L) {
  case Irql::Passive:
    return 0;
  case Irql::Apc:
    return 1;
  case Irql::Dispatch:
    return 2;
  case Irql::Device:
    return std::nullopt;
  case Irql::High:
    return 31;
  }
  return std::nullopt;
}

std::pair<uint64_t, uint64_t> valuesOfIrql(Irql L) {
  switch (L) {
  case Irql::Passive:
    return {0, 0};
  case Irql::Apc:
    return {1, 1};
  case Irql::Dispatch:
    return {2, 2};
  case Irql::Device:
    return {3, 26};
  case Irql::High:
    return {27, 255};
  }
  return {0, 255};
}

StringRef irqlSpelling(Irql L) {
  switch (L) {
  case Irql::Passive:
    return "PASSIVE_LEVEL";
  case Irql::Apc:
    return "APC_LEVEL";
  case Irql::Dispatch:
    return "DISPATCH_LEVEL";
  case Irql::Device:
    return "device IRQL";
  case Irql::High:
    return "HIGH_LEVEL";
  }
  return "?";
}

std::optional<Irql> limitLevel(IrqlLimit L) {
  if (L == IrqlLimit::NoIrql)
    return std::nullopt;
  return static_cast<Irql>(L);
}

std::optional<IrqlRange> IrqlRange::intersect(IrqlRange O) const {
  if (disjoint(O))
    return std::nullopt;
  return between(std::max(Lo, O.Lo), std::min(Hi, O.Hi));
}

std::string IrqlRange::describe() const {
  if (isUnknown())
    return "an unknown IRQL";
  if (isExact())
    return irqlSpelling(Lo).str();
  if (Lo == Irql::Passive)
    return "IRQL <= " + irqlSpelling(Hi).str();
  if (Hi == Irql::High)
    return "IRQL >= " + irqlSpelling(Lo).str();
  return "an IRQL from " + irqlSpelling(Lo).str() + " to " +
         irqlSpelling(Hi).str();
}

unsigned IrqlRange::pack() const {
  return 0x100u | (static_cast<unsigned>(Lo) << 4) | static_cast<unsigned>(Hi);
}

IrqlRange IrqlRange::unpack(unsigned V) {
  if (!(V & 0x100u))
    return unknown();
  unsigned Lo = (V >> 4) & 0xF, Hi = V & 0xF;
  if (Lo > Hi || Hi > static_cast<unsigned>(Irql::High))
    return unknown();
  return between(static_cast<Irql>(Lo), static_cast<Irql>(Hi));
}

const IrqlApiInfo &irqlApiInfo(IrqlApiId Id) {
  assert(Id != IrqlApiId::None && Id != IrqlApiId::NumApis && "not a row");
  return ApiTable[static_cast<unsigned>(Id) - 1];
}

const IrqlRoleInfo &irqlRoleInfo(IrqlRoleId Id) {
  assert(Id != IrqlRoleId::None && Id != IrqlRoleId::NumRoles && "not a row");
  return RoleTable[static_cast<unsigned>(Id) - 1];
}

void indexIrqlTables(StringMap<TableName> &Index) {
  for (const IrqlApiInfo &I : ApiTable) {
    TableName &N = Index[I.Name];
    if (!N.IrqlApi)
      N.IrqlApi = static_cast<IrqlApiId>(&I - ApiTable + 1);
  }
  for (const IrqlRoleInfo &R : RoleTable) {
    TableName &N = Index[R.RoleType];
    if (!N.IrqlRole)
      N.IrqlRole = static_cast<IrqlRoleId>(&R - RoleTable + 1);
  }
  for (const IrqlFieldInfo &F : FieldTable) {
    TableName &N = Index[F.Field];
    if (!N.IrqlField)
      N.IrqlField = &F;
  }
}

std::optional<IrqlApiId> lookupIrqlApi(StringRef Name) {
  const TableName *N = lookupName(Name);
  return N ? N->IrqlApi : std::nullopt;
}

std::optional<IrqlRoleId> lookupIrqlRole(StringRef Name) {
  const TableName *N = lookupName(Name);
  return N ? N->IrqlRole : std::nullopt;
}

std::optional<IrqlRoleId> routineRole(IrqlApiId Api, unsigned Arg) {
  for (const RoutineRow &R : Routines)
    if (R.Api == Api && R.Arg == Arg)
      return R.Role;
  return std::nullopt;
}

const IrqlFieldInfo *lookupIrqlField(StringRef Field) {
  const TableName *N = lookupName(Field);
  return N ? N->IrqlField : nullptr;
}

IrqlRange roleRange(const IrqlRoleInfo &R) {
  Irql Lo = limitLevel(R.MinIrql).value_or(Irql::Passive);
  Irql Hi = limitLevel(R.MaxIrql).value_or(Irql::High);
  return Lo <= Hi ? IrqlRange::between(Lo, Hi) : IrqlRange::unknown();
}

IrqlRange roleRange(const ApiInfo &R) {
  Irql Lo = limitLevel(R.MinIrql).value_or(Irql::Passive);
  Irql Hi = limitLevel(R.MaxIrql).value_or(Irql::High);
  return Lo <= Hi ? IrqlRange::between(Lo, Hi) : IrqlRange::unknown();
}

} // namespace condis
