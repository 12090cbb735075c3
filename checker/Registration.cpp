//===-- Registration.cpp - Register the condis checkers ---------*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Registration.h"

#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/StringRef.h"

using namespace clang::ento;

namespace condis {

#define CONDIS_CHECKER(FullName, Class, DocPage, Description, Hidden)                  \
  void register##Class(CheckerManager &Mgr);                                   \
  bool shouldRegister##Class(const CheckerManager &Mgr);
#include "Checkers.def"

const char *docsUriFor(const char *FullName) {
  llvm::StringRef Name(FullName);
#define CONDIS_CHECKER(FullName, Class, DocPage, Description, Hidden)                  \
  if (Name == FullName)                                                        \
    return DocPage;
#include "Checkers.def"
  return "";
}

void registerCheckers(CheckerRegistry &Registry) {
  Registry.addPackage("condis");
#define CONDIS_CHECKER(FullName, Class, DocPage, Description, Hidden)                  \
  Registry.addChecker(register##Class, shouldRegister##Class, FullName,        \
                      Description, docsUriFor(FullName), Hidden);
#include "Checkers.def"
#define CONDIS_DEPENDENCY(FullName, DependsOn)                                 \
  Registry.addDependency(FullName, DependsOn);
#include "Checkers.def"
#define CONDIS_OPTION(FullName, Type, Option, Default, Description)           \
  Registry.addCheckerOption(Type, FullName, Option, Default, Description,      \
                            "released");
#define CONDIS_PACKAGE_OPTION(Package, Type, Option, Default, Description)    \
  Registry.addPackageOption(Type, Package, Option, Default, Description,       \
                            "released");
#include "Checkers.def"
}

void registerClangTidyBridge(CheckerRegistry &Registry) {
#define CONDIS_CHECKER(FullName, Class, DocPage, Description, Hidden)          \
  if (!(Hidden) && llvm::StringRef(FullName).starts_with("condis."))           \
    Registry.addDependency(TidyAnchorChecker, FullName);
#include "Checkers.def"
}

} // namespace condis
