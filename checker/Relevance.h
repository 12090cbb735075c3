//===-- Relevance.h - Does a translation unit concern the checkers -*- C++ -*-//
//
// Part of condis-check. Plain C that never touches NDIS (the bulk of what a
// build analyses besides the driver) pays for every callback of the condis
// checkers on every call and function entry. Nothing there can reach a
// condis report: every report needs a routine or role type of the rule
// tables, a SAL annotation, or a handler named by the user. So the checkers
// ask once per translation unit whether it has any of those, and skip their
// per-path work when it has none.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_RELEVANCE_H
#define CONDIS_CHECKER_RELEVANCE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class ASTContext;
}

namespace condis {

/// Whether some file-scope declaration of \p Ctx's translation unit (looking
/// into extern "C" blocks) is named after a routine or role type of
/// rules/condis.def, handlers.def or irql.def, or is a
/// function \p IsHandler accepts (handlers configured by name), or whether
/// the SAL recorder saw an IRQL or lock annotation in it.
bool concernsCondis(clang::ASTContext &Ctx,
                    llvm::function_ref<bool(llvm::StringRef)> IsHandler);

} // namespace condis

#endif
