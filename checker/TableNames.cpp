//===-- TableNames.cpp - One lookup over every rule table -----------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "TableNames.h"

namespace condis {

const TableName *lookupName(llvm::StringRef Name) {
  static const llvm::StringMap<TableName> Index = [] {
    llvm::StringMap<TableName> M;
    indexApiTables(M);
    indexIrqlTables(M);
    return M;
  }();
  auto It = Index.find(Name);
  return It == Index.end() ? nullptr : &It->second;
}

} // namespace condis
