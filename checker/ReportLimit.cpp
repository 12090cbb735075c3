//===-- ReportLimit.cpp - Few reports per finding -------------------------===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "ReportLimit.h"

namespace condis {

bool ReportLimit::admit(const clang::ento::BugType &BT,
                        clang::SourceLocation Where,
                        llvm::StringRef Msg) const {
  if (Where.isInvalid())
    return true;
  unsigned &N = Counts[{&BT, Where.getRawEncoding(), Msg.str()}];
  if (N >= MaxReportsPerFinding)
    return false;
  ++N;
  return true;
}

} // namespace condis
