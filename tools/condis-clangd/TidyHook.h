//===-- TidyHook.h - condis-analyzer on by default in clangd ----*- C++ -*-===//
//
// Part of condis-check. The name under which the condis check is registered
// with clang-tidy, and which condis-clangd enables by default (TidyHook.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CLANGD_TIDYHOOK_H
#define CONDIS_CLANGD_TIDYHOOK_H

#include "llvm/ADT/StringRef.h"

namespace condis {

inline constexpr llvm::StringLiteral AnalyzerCheckName = "condis-analyzer";

} // namespace condis

#endif
