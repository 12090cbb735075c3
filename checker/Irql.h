//===-- Irql.h - IRQL levels, ranges and the rules/irql.def table -*- C++ -*-//
//
// Part of condis-check. The vocabulary condis.Irql reasons in: an ordered
// scale of IRQLs (device IRQL is one step, every DIRQL alike), a range of
// IRQLs a path may be at (exact, bounded, or unknown = the whole scale), and
// the rows of rules/irql.def expanded into a table.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_IRQL_H
#define CONDIS_CHECKER_IRQL_H

#include "Api.h"

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace condis {

/// The IRQLs the checker tells apart, lowest first. Device stands for any
/// device IRQL (DIRQL); High for PROFILE_LEVEL up to HIGH_LEVEL.
enum class Irql : uint8_t { Passive, Apc, Dispatch, Device, High };

/// The level a numeric KIRQL value stands for (0 PASSIVE_LEVEL, 2
/// DISPATCH_LEVEL, 3..26 device IRQL, 27..31 HIGH_LEVEL and friends).
std::optional<Irql> irqlFromValue(uint64_t Value);

/// The numeric value of an exact level, when it has one (not Device).
std::optional<uint64_t> valueOfIrql(Irql L);

/// The KIRQL values level \p L stands for, lowest and highest.
std::pair<uint64_t, uint64_t> valuesOfIrql(Irql L);

/// "PASSIVE_LEVEL", "DISPATCH_LEVEL", "device IRQL", ...
llvm::StringRef irqlSpelling(Irql L);

std::optional<Irql> limitLevel(IrqlLimit L);

/// The IRQLs a path may be at: [Lo, Hi]. The full scale means unknown.
struct IrqlRange {
  Irql Lo = Irql::Passive;
  Irql Hi = Irql::High;

  static IrqlRange unknown() { return {}; }
  static IrqlRange exactly(Irql L) { return {L, L}; }
  static IrqlRange between(Irql Lo, Irql Hi) { return {Lo, Hi}; }

  bool isUnknown() const { return Lo == Irql::Passive && Hi == Irql::High; }
  bool isExact() const { return Lo == Hi; }
  bool contains(Irql L) const { return Lo <= L && L <= Hi; }
  /// No IRQL of this range is in \p O.
  bool disjoint(IrqlRange O) const { return Hi < O.Lo || O.Hi < Lo; }
  /// The IRQLs in both, if any.
  std::optional<IrqlRange> intersect(IrqlRange O) const;

  bool operator==(const IrqlRange &O) const { return Lo == O.Lo && Hi == O.Hi; }
  bool operator!=(const IrqlRange &O) const { return !(*this == O); }

  /// "DISPATCH_LEVEL", "IRQL <= DISPATCH_LEVEL", "IRQL >= DISPATCH_LEVEL",
  /// "an IRQL from APC_LEVEL to device IRQL", "an unknown IRQL".
  std::string describe() const;

  /// Packs the range into a program-state trait value (0 is never used).
  unsigned pack() const;
  static IrqlRange unpack(unsigned V);
};

/// What a row of rules/irql.def does.
enum class IrqlEffect : uint8_t {
  None,
  Raise,        ///< raises to LevelArg (or DISPATCH_LEVEL), saves the old IRQL
  Lower,        ///< lowers to the IRQL in LevelArg
  Acquire,      ///< takes LockArg and raises to DISPATCH_LEVEL
  AcquireAtDpc, ///< takes LockArg, IRQL unchanged
  Release,      ///< frees the lock and lowers to the saved IRQL
  ReleaseAtDpc, ///< frees the lock, IRQL unchanged
  Query,        ///< returns the current IRQL
};

enum class IrqlApiId : unsigned {
  None,
#define CONDIS_IRQL_API(Name, ...) Name,
#include "irql.def"
  NumApis
};

enum class IrqlRoleId : unsigned {
  None,
#define CONDIS_IRQL_ROLE(RoleType, ...) RoleType,
#include "irql.def"
  NumRoles
};

/// SavedArg value meaning "the return value".
constexpr int SavedInReturn = -2;

struct IrqlApiInfo {
  llvm::StringRef Name;
  SpellingKind Spelling;
  IrqlApiId Target;
  IrqlLimit MaxIrql, MinIrql;
  IrqlEffect Effect;
  int LockArg;  ///< The lock (-1: none, or found through SavedArg).
  int LevelArg; ///< The IRQL raised or lowered to (-1: DISPATCH_LEVEL / saved).
  int SavedArg; ///< Where the old IRQL goes (-1: in the lock; -2: returned).
  IrqlApiId Instead; ///< What to call instead when the IRQL is too low.
};

struct IrqlRoleInfo {
  llvm::StringRef RoleType;
  IrqlLimit MinIrql, MaxIrql;
  llvm::StringRef What; ///< "an ISR", "an NDIS I/O work item", ...
};

const IrqlApiInfo &irqlApiInfo(IrqlApiId Id);
const IrqlRoleInfo &irqlRoleInfo(IrqlRoleId Id);

/// The rules/irql.def row named \p Name (function or macro), if any.
std::optional<IrqlApiId> lookupIrqlApi(llvm::StringRef Name);
/// The role type row named \p Name, if any.
std::optional<IrqlRoleId> lookupIrqlRole(llvm::StringRef Name);
/// The role a function passed as argument \p Arg of \p Api runs as.
std::optional<IrqlRoleId> routineRole(IrqlApiId Api, unsigned Arg);

/// A registration field of rules/handlers.def (CONDIS_IRQL_FIELD) whose
/// function runs as a non-CoNDIS role: NDIS 5's ISRHandler, ...
struct IrqlFieldInfo {
  llvm::StringRef Field;
  llvm::StringRef PointerType; ///< The typedef the field is declared with.
  IrqlRoleId Role;
};
/// The CONDIS_IRQL_FIELD row for a field named \p Field, if any.
const IrqlFieldInfo *lookupIrqlField(llvm::StringRef Field);

/// The IRQLs a role runs at.
IrqlRange roleRange(const IrqlRoleInfo &R);
/// The IRQLs a CoNDIS role type of rules/condis.def runs at.
IrqlRange roleRange(const ApiInfo &R);

} // namespace condis

#endif
