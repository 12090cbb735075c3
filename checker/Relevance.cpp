//===-- Relevance.cpp - Does a translation unit concern the checkers -*- C++ -*-//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "Relevance.h"

#include "Api.h"
#include "Irql.h"
#include "Sal.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;
using llvm::function_ref;

namespace condis {
namespace {

/// rules/support.def is left out: it lists C library routines too (memcpy
/// hands off nothing), and its NDIS rows come with the NDIS header, whose
/// routines are in the other tables.
bool isModelledName(StringRef Name) {
  return lookupApi(Name) || lookupIrqlApi(Name) || lookupIrqlRole(Name) ||
         lookupRoleType(Name);
}

bool declaresModelled(const DeclContext *DC,
                      function_ref<bool(StringRef)> IsHandler) {
  for (const Decl *D : DC->decls()) {
    if (const auto *LS = dyn_cast<LinkageSpecDecl>(D)) {
      if (declaresModelled(LS, IsHandler))
        return true;
      continue;
    }
    const auto *ND = dyn_cast<NamedDecl>(D);
    if (!ND || !ND->getIdentifier())
      continue;
    StringRef Name = ND->getName();
    if ((isa<FunctionDecl>(ND) || isa<TypedefNameDecl>(ND)) &&
        isModelledName(Name))
      return true;
    if (isa<FunctionDecl>(ND) && IsHandler(Name))
      return true;
  }
  return false;
}

} // namespace

bool concernsCondis(ASTContext &Ctx, function_ref<bool(StringRef)> IsHandler) {
  return hasSalAnnotations(Ctx.getSourceManager()) ||
         declaresModelled(Ctx.getTranslationUnitDecl(), IsHandler);
}

} // namespace condis
