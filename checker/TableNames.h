//===-- TableNames.h - One lookup over every rule table ----------*- C++ -*-===//
//
// Part of condis-check. An identifier a driver writes (a function, a macro,
// a role typedef, a registration field) may be a row of several tables:
// NdisMCmNotifyCloseAddressFamily is a row of rules/condis.def and of
// rules/irql.def. One index, built once from every table, answers what all
// of them say about a name; the per-table lookups (lookupApi,
// lookupIrqlApi, lookupSupport, ...) are views of it. Each table's file
// fills its own part (indexApiTables in Api.cpp, indexIrqlTables in
// IrqlTable.cpp); where a table names an identifier twice, its first row
// wins.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_TABLENAMES_H
#define CONDIS_CHECKER_TABLENAMES_H

#include "Api.h"
#include "Irql.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace condis {

/// Everything the rule tables say about one identifier.
struct TableName {
  std::optional<ApiId> Api;      ///< its row of rules/condis.def
  std::optional<ApiId> RoleType; ///< the condis.def role type it names,
                                 ///< itself or through a handlers.def alias
  std::optional<ApiId> FieldRoleType; ///< the role type of the handlers
                                      ///< stored in the field of this name
  std::optional<IrqlApiId> IrqlApi;   ///< its row of rules/irql.def
  std::optional<IrqlRoleId> IrqlRole; ///< its role-type row of irql.def
  const IrqlFieldInfo *IrqlField = nullptr; ///< CONDIS_IRQL_FIELD row
  const SupportInfo *Support = nullptr;     ///< its rules/support.def row

  /// Whether it names a call a table describes (a condis.def or irql.def
  /// row): what counts as the driver's spelling of a call (Spelling.h).
  bool isCallRow() const { return Api || IrqlApi; }
};

/// What the tables say about \p Name; nullptr when no table names it.
const TableName *lookupName(llvm::StringRef Name);

/// Fill the index with the rows of rules/condis.def, handlers.def and
/// support.def (Api.cpp), and of rules/irql.def (IrqlTable.cpp). Called once,
/// by lookupName.
void indexApiTables(llvm::StringMap<TableName> &Index);
void indexIrqlTables(llvm::StringMap<TableName> &Index);

} // namespace condis

#endif
