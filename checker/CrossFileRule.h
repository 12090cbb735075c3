//===-- CrossFileRule.h - "Pended, and no file completes it" ----*- C++ -*-===//
//
// Part of condis-check. The one rule that needs the whole driver: a handler
// of a rules/operations.def row that can return NDIS_STATUS_PENDING, in a
// driver no file of which references the row's completion. condis-check's
// pre-pass (tools/condis-check/ProjectScan.cpp) gathers the facts and calls
// this; the rule itself - which handlers, which completion, under which
// checker and in which words - lives here, beside the checkers.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_CROSSFILERULE_H
#define CONDIS_CHECKER_CROSSFILERULE_H

#include "Operations.h"

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <set>
#include <string>

namespace condis {

/// A finding of the rule, before it gets a place.
struct UncompletedHandler {
  std::string Checker; ///< "condis.DropParty" or "condis.Completion".
  std::string Message;
  /// Whether the driver's role decided which completion the message names
  /// (so a note should point at the registration that tells the role).
  bool RoleDecides;
};

/// The finding for \p Function, implementing role type \p RoleType and able
/// to return NDIS_STATUS_PENDING, in a driver whose files reference the
/// completions of \p Referenced and register as \p Roles; none if the rule
/// does not apply.
std::optional<UncompletedHandler>
uncompletedHandler(ApiId RoleType, llvm::StringRef Function,
                   const std::set<OperationId> &Referenced,
                   const std::set<ApiRole> &Roles);

} // namespace condis

#endif
