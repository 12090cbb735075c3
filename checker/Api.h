//===-- Api.h - The CoNDIS API table, expanded from rules/ -------*- C++ -*-===//
//
// Part of condis-check. The checkers never spell an API name: they look the
// callee up here and switch on the row's columns. The rows come from
// rules/condis.def (CoNDIS APIs, macros and handler role types),
// rules/handlers.def (registration fields) and rules/support.def (the NDIS
// and kernel support routines the checkers need to know about).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_API_H
#define CONDIS_CHECKER_API_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

namespace condis {

/// How an API reaches the compiler: a real function, a macro over another
/// row, or a handler role type (a function typedef drivers implement).
enum class SpellingKind { Function, Macro, RoleType };

/// Which kind of driver may call an API (or implements a role type).
enum class ApiRole {
  Client,     ///< CoNDIS client (NdisCl*).
  Cm,         ///< stand-alone call manager, a protocol driver (NdisCm*).
  Mcm,        ///< miniport call manager (NdisMCm*).
  ClientOrCm, ///< a CoNDIS protocol driver of either kind (NdisCo*).
  Miniport,   ///< CoNDIS miniport (NdisMCo*, MINIPORT_CO_*).
  CmOrMcm,    ///< any call manager (PROTOCOL_CM_*).
  AnyCoNdis,  ///< client, CM and MCM alike.
};

/// An IRQL bound of a rule table row (rules/condis.def, rules/irql.def);
/// NoIrql where there is none. Device is any device IRQL; High is
/// PROFILE_LEVEL up to HIGH_LEVEL.
enum class IrqlLimit : uint8_t { Passive, Apc, Dispatch, Device, High, NoIrql };

/// What a row does that a checker models beyond rules/operations.def and
/// rules/handle-ends.def (requests, completions and handle ends are theirs).
enum class EffectKind {
  None,
  DispatchesDrop,      ///< Ndis(M)CmDispatchIncomingDropParty.
  RegistersCm,         ///< registration that makes the driver a CM.
  RegistersMcm,        ///< registration that makes the driver an MCM.
};

/// One identifier per row of rules/condis.def; None stands for "no row".
enum class ApiId : unsigned {
  None,
#define CONDIS_API(Name, ...) Name,
#include "condis.def"
  NumApis
};

struct ApiInfo {
  llvm::StringRef Name;
  SpellingKind Spelling;
  ApiId Target; ///< The function a Macro row expands to.
  ApiRole Role;
  IrqlLimit MaxIrql, MinIrql;
  EffectKind Effect;
  int StatusArg; ///< Argument (role types: parameter) holding the status.
  int PartyArg;  ///< Argument (role types: parameter) naming the party.
  ApiId Counterpart; ///< The same operation in the other call-manager role.

  bool hasStatusArg() const { return StatusArg >= 0; }
  bool hasPartyArg() const { return PartyArg >= 0; }
};

/// The row for \p Id; \p Id must not be ApiId::None.
const ApiInfo &apiInfo(ApiId Id);

/// The row named \p Name (function, macro or role type), if any.
std::optional<ApiId> lookupApi(llvm::StringRef Name);

/// The role type whose handlers are stored into registration field \p Field
/// (e.g. "CmDropPartyHandler"), if it is one.
std::optional<ApiId> roleTypeForField(llvm::StringRef Field);

/// The role type named by typedef \p Name, following legacy aliases.
std::optional<ApiId> lookupRoleType(llvm::StringRef Name);

/// The kernel and NDIS support routines of rules/support.def.
enum class SupportEffect {
  HandsOff,     ///< queues its argument for later: work item, timer, DPC, list.
  NoHandOff,    ///< cannot complete a drop: copying, locking, allocation.
  LogsValues,   ///< prints its arguments' values: no hand-off, no handle use.
  FreesMemory,  ///< releases the memory its argument points to.
  RegistersCm,  ///< registration that makes the driver a CM.
  RegistersMcm, ///< registration that makes the driver an MCM.
};

struct SupportInfo {
  llvm::StringRef Name;
  SupportEffect Effect;
  int Arg; ///< The argument the effect applies to (-1: all or none).
};

/// The support routine named \p Name, if rules/support.def lists it.
const SupportInfo *lookupSupport(llvm::StringRef Name);

/// Printable names, for diagnostics and dumps.
llvm::StringRef roleName(ApiRole R);

} // namespace condis

#endif
