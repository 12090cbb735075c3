//===-- PartyOrigin.cpp - Where a value was read from -----------*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "PartyOrigin.h"

#include "clang/AST/Decl.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SymbolManager.h"

using namespace clang;
using namespace clang::ento;

namespace condis {
namespace {

/// The region a symbol was read from, if it stands for a stored value.
const MemRegion *regionOfSymbol(SymbolRef Sym) {
  if (const auto *RV = dyn_cast_or_null<SymbolRegionValue>(Sym))
    return RV->getRegion();
  if (const auto *D = dyn_cast_or_null<SymbolDerived>(Sym))
    return D->getRegion();
  return nullptr;
}

// Deep enough for Adapter->Vc->Party->NdisPartyHandle; bounded so that
// self-referential structures cannot loop.
constexpr unsigned MaxDepth = 6;

} // namespace

bool anyOrigin(SVal V, llvm::function_ref<bool(const MemRegion *)> Fn) {
  const MemRegion *R = V.getAsRegion();
  SymbolRef Sym = R ? nullptr : V.getAsSymbol();
  for (unsigned Depth = 0; Depth < MaxDepth; ++Depth) {
    if (R) {
      const MemRegion *Base = R->getBaseRegion();
      if (Fn(Base))
        return true;
      const auto *SR = dyn_cast<SymbolicRegion>(Base);
      if (!SR)
        return false;
      Sym = SR->getSymbol();
    }
    R = regionOfSymbol(Sym);
    if (!R)
      return false;
  }
  return false;
}

const MemRegion *loadedFrom(SVal V) {
  const MemRegion *R = regionOfSymbol(V.getAsSymbol());
  return R ? R->getBaseRegion() : nullptr;
}

bool isDerivedFrom(SVal V, const MemRegion *Base) {
  if (!Base)
    return false;
  return anyOrigin(V, [Base](const MemRegion *R) { return R == Base; });
}

bool isListLink(SVal V) {
  const auto *FR =
      dyn_cast_or_null<FieldRegion>(regionOfSymbol(V.getAsSymbol()));
  if (!FR)
    return false;
  const FieldDecl *Field = FR->getDecl();
  QualType Pointee = Field->getType()->getPointeeType();
  const RecordDecl *Target =
      Pointee.isNull() ? nullptr : Pointee->getAsRecordDecl();
  return Target &&
         Target->getCanonicalDecl() == Field->getParent()->getCanonicalDecl();
}

bool isReadFromOwnField(SVal V, const MemRegion *Base) {
  return Base && loadedFrom(V) == Base;
}

} // namespace condis
