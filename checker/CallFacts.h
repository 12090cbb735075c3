//===-- CallFacts.h - What a call says, in the driver's terms ----*- C++ -*-===//
//
// Part of condis-check. Small questions the checkers ask of a call and its
// values: is this status known to be NDIS_STATUS_PENDING, which name did the
// driver write, is the callee part of NDIS.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_CALLFACTS_H
#define CONDIS_CHECKER_CALLFACTS_H

#include "Api.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState_Fwd.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include <cstdint>
#include <string>

namespace clang {
class Expr;
}

namespace clang::ento {
class CallEvent;
class CheckerContext;
} // namespace clang::ento

namespace condis {

/// NDIS_STATUS values the rules compare against (ndis.h).
constexpr int64_t StatusSuccess = 0x00000000;
constexpr int64_t StatusPending = 0x00000103;
constexpr int64_t StatusFailure = static_cast<int32_t>(0xC0000001u);

/// Whether a value is known to equal a constant on the current path.
enum class Truth { Yes, No, Maybe };

/// Is \p Status equal to \p Value under \p State's constraints? Compared
/// in the value's own width and signedness; non-integers are Maybe.
Truth statusIs(clang::ento::ProgramStateRef State, clang::ento::SVal Status,
               int64_t Value, clang::ento::CheckerContext &C);

/// Argument \p Index of \p Call, or UnknownVal when the call has fewer
/// arguments (a K&R declaration accepts any number).
clang::ento::SVal argSVal(const clang::ento::CallEvent &Call, int Index);

/// The expression of argument \p Index, or null when there is none.
const clang::Expr *argExpr(const clang::ento::CallEvent &Call, int Index);

/// The name the driver wrote for a call to table row \p Row: the
/// NdisMCm* macro when it used one, else the function (Spelling.h).
std::string spelledRowName(const clang::ento::CallEvent &Call, ApiId Row,
                           clang::ento::CheckerContext &C);

/// The callee's name for messages (the spelled form for table rows).
std::string calleeName(const clang::ento::CallEvent &Call,
                       clang::ento::CheckerContext &C);

/// True for calls into NDIS that may use a handle they are given: table
/// rows, support routines other than those that only print their arguments
/// (LogsValues), and anything spelled Ndis*. Only these count as "using" a
/// party handle; a driver routine without a row does not.
bool isNdisCall(const clang::ento::CallEvent &Call);

} // namespace condis

#endif
