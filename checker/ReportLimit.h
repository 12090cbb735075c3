//===-- ReportLimit.h - Few reports per finding -----------------*- C++ -*-===//
//
// Part of condis-check. Clang keeps every report of one finding (one bug
// type, place and message: a BugReport equivalence class) until the
// analysis of the top-level function ends, then trims the exploded graph to
// the paths of all of them to show the shortest. A finding inside a loop of
// a long, inlined function is reached on hundreds of paths, and that trimmed
// graph costs more memory than the analysis itself: on samples/mcm/mcm.c,
// whose drop timer reaches one use-after-drop on every path through its
// party list, it was 50 MB of a 190 MB peak (docs/performance.md, "Peak
// memory"). A checker asks before it reports; a finding already reported
// MaxReportsPerFinding times in this top-level analysis is not reported
// again (the path goes on as if it had been). Clang still picks the shortest
// of the reports kept, and Z3's refutation still has more than one to try.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_REPORTLIMIT_H
#define CONDIS_CHECKER_REPORTLIMIT_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <tuple>

namespace clang::ento {
class BugType;
} // namespace clang::ento

namespace condis {

class ReportLimit {
public:
  static constexpr unsigned MaxReportsPerFinding = 4;

  /// Whether one more report of bug type \p BT at \p Where with \p Msg may
  /// be emitted in the current top-level analysis; counts it if so. An
  /// invalid \p Where is always admitted.
  bool admit(const clang::ento::BugType &BT, clang::SourceLocation Where,
             llvm::StringRef Msg) const;

  /// Forget the counts: at the end of each top-level analysis
  /// (check::EndAnalysis).
  void reset() const { Counts.clear(); }

private:
  mutable std::map<std::tuple<const void *, unsigned, std::string>, unsigned>
      Counts;
};

} // namespace condis

#endif
