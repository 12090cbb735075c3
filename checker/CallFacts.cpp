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

Truth statusIs(ProgramStateRef State, SVal Status, int64_t Value,
               CheckerContext &C) {
  auto DV = Status.getAs<DefinedSVal>();
  if (!DV)
    return Truth::Maybe;
  SValBuilder &SVB = C.getSValBuilder();
  QualType T = C.getASTContext().IntTy;
  SVal Eq = SVB.evalBinOp(State, BO_EQ, *DV, SVB.makeIntVal(Value, T),
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

std::string spelledName(const CallEvent &Call, ApiId Row, CheckerContext &C) {
  if (const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr()))
    Row = spelledCall(CE, Row, C.getSourceManager(), C.getLangOpts()).Id;
  return apiInfo(Row).Name.str();
}

std::string calleeName(const CallEvent &Call, CheckerContext &C) {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  if (!II)
    return "an NDIS call";
  if (std::optional<ApiId> Row = lookupApi(II->getName()))
    return spelledName(Call, *Row, C);
  return II->getName().str();
}

bool isNdisCall(const CallEvent &Call) {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  if (!II)
    return false;
  StringRef Name = II->getName();
  return lookupApi(Name) || lookupSupport(Name) || Name.starts_with("Ndis");
}

} // namespace condis
