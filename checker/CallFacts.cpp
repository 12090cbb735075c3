//===-- CallFacts.cpp - What a call says, in the driver's terms -*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "CallFacts.h"
#include "Spelling.h"

#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

using namespace clang;
using namespace clang::ento;

namespace condis {

static bool sameStatus(const llvm::APSInt &V, int64_t Value) {
  // Compare in the value's own width and signedness, so that a ULONG
  // 0xC0000001 is NDIS_STATUS_FAILURE as much as an INT -1073741823.
  llvm::APSInt Expected(llvm::APInt(V.getBitWidth(), static_cast<uint64_t>(Value),
                                    /*isSigned=*/true),
                        V.isUnsigned());
  return V == Expected;
}

// Only integers are statuses: a pointer, structure or floating-point value
// (a handler or API declared with another signature) is always Maybe.
Truth statusIs(ProgramStateRef State, SVal Status, int64_t Value,
               CheckerContext &C) {
  if (auto CI = Status.getAs<nonloc::ConcreteInt>())
    return sameStatus(CI->getValue(), Value) ? Truth::Yes : Truth::No;
  auto SV = Status.getAs<nonloc::SymbolVal>();
  if (!SV)
    return Truth::Maybe;
  QualType T = SV->getSymbol()->getType();
  if (!T->isIntegralOrEnumerationType())
    return Truth::Maybe;
  SValBuilder &SVB = C.getSValBuilder();
  llvm::APSInt V = SVB.getBasicValueFactory().getValue(Value, T);
  SVal Eq = SVB.evalBinOp(State, BO_EQ, *SV, SVB.makeIntVal(V),
                          C.getASTContext().BoolTy);
  auto DEq = Eq.getAs<DefinedOrUnknownSVal>();
  if (!DEq)
    return Truth::Maybe;
  auto [IsTrue, IsFalse] = State->assume(*DEq);
  if (IsTrue && !IsFalse)
    return Truth::Yes;
  if (IsFalse && !IsTrue)
    return Truth::No;
  return Truth::Maybe;
}

SVal argSVal(const CallEvent &Call, int Index) {
  if (Index < 0 || static_cast<unsigned>(Index) >= Call.getNumArgs())
    return UnknownVal();
  return Call.getArgSVal(Index);
}

const Expr *argExpr(const CallEvent &Call, int Index) {
  if (Index < 0 || static_cast<unsigned>(Index) >= Call.getNumArgs())
    return nullptr;
  return Call.getArgExpr(Index);
}


std::string spelledRowName(const CallEvent &Call, ApiId Row,
                           CheckerContext &C) {
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr()))
    Row = spelledRow(CE, Row, C.getSourceManager(), C.getLangOpts()).Id;
  return apiInfo(Row).Name.str();
}

std::string calleeName(const CallEvent &Call, CheckerContext &C) {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  if (!II)
    return "an NDIS call";
  if (std::optional<ApiId> Row = lookupApi(II->getName()))
    return spelledRowName(Call, *Row, C);
  return II->getName().str();
}

bool isNdisCall(const CallEvent &Call) {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  if (!II)
    return false;
  StringRef Name = II->getName();
  if (lookupApi(Name))
    return true;
  if (const SupportInfo *S = lookupSupport(Name))
    return S->Effect != SupportEffect::LogsValues;
  return Name.starts_with("Ndis");
}

} // namespace condis
