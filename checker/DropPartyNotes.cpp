//===-- DropPartyNotes.cpp - Path notes of condis.DropParty -----*- C++ -*-===//
//
// Part of condis-check.
//
//===----------------------------------------------------------------------===//

#include "DropPartyNotes.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

using namespace clang;
using namespace clang::ento;

namespace condis {

const NoteTag *completionNote(CheckerContext &C, SymbolRef Handle,
                              std::string Spelled, Truth Success) {
  return C.getNoteTag([Handle, Spelled,
                       Success](PathSensitiveBugReport &BR) -> std::string {
    if (!Handle || !BR.isInteresting(Handle))
      return "";
    if (Success == Truth::Yes)
      return "Drop completed here with NDIS_STATUS_SUCCESS (" + Spelled +
             "); the party handle is invalid from now on";
    return "Drop completed here (" + Spelled + ")";
  });
}

const NoteTag *clientDropNote(CheckerContext &C, SymbolRef Handle) {
  return C.getNoteTag([Handle](PathSensitiveBugReport &BR) -> std::string {
    if (!Handle || !BR.isInteresting(Handle))
      return "";
    return "Party handle invalidated here (NdisClDropParty); only a drop that "
           "returns NDIS_STATUS_FAILURE leaves it usable";
  });
}

const NoteTag *notHandedOffNote(CheckerContext &C, std::string Callee,
                                const BugType *Pending) {
  return C.getNoteTag([Callee,
                       Pending](PathSensitiveBugReport &BR) -> std::string {
    if (&BR.getBugType() != Pending)
      return "";
    return "'" + Callee + "' returned without completing the drop or "
           "handing the party off";
  });
}

const NoteTag *freedNote(CheckerContext &C, const MemRegion *Base,
                         std::string Routine) {
  return C.getNoteTag([Base, Routine](PathSensitiveBugReport &BR) -> std::string {
    if (!BR.isInteresting(Base))
      return "";
    return "Party state freed here (" + Routine + ")";
  });
}

} // namespace condis
