//===-- CompletionNotes.h - Path notes of the completion engine -*- C++ -*-===//
//
// Part of condis-check. Each note states a fact at the event, and only in
// reports that concern the value it is about. The words come from the rows
// of rules/operations.def and rules/handle-ends.def.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_COMPLETIONNOTES_H
#define CONDIS_CHECKER_COMPLETIONNOTES_H

#include "CallFacts.h"
#include "Operations.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/SymExpr.h"
#include <map>
#include <string>

namespace clang::ento {
class BugType;
class CheckerContext;
class MemRegion;
class NoteTag;
} // namespace clang::ento

namespace condis {

/// "Drop completed here (...)", on reports about \p Handle; when the
/// completion ends the handle (\p Ends), says that too.
const clang::ento::NoteTag *completionNote(clang::ento::CheckerContext &C,
                                           const OperationInfo &Op,
                                           clang::ento::SymbolRef Handle,
                                           std::string Spelled, Truth Success,
                                           const HandleEndInfo *Ends);

/// The row's own note ("Party handle invalidated here (NdisClDropParty)"),
/// on reports about \p Handle.
const clang::ento::NoteTag *handleEndNote(clang::ento::CheckerContext &C,
                                          const HandleEndInfo &Row,
                                          clang::ento::SymbolRef Handle);

/// "'Callee' returned without completing the drop or handing the party
/// off", on reports of bug type \p Pending.
const clang::ento::NoteTag *
notHandedOffNote(clang::ento::CheckerContext &C, const OperationInfo &Op,
                 std::string Callee, const clang::ento::BugType *Pending);

/// "Party state freed here (Routine)", on reports about \p Base; the
/// object ("Party") is the one \p Objects gives the report's bug type.
const clang::ento::NoteTag *
freedNote(clang::ento::CheckerContext &C, const clang::ento::MemRegion *Base,
          const std::map<const clang::ento::BugType *, std::string> *Objects,
          std::string Routine);

} // namespace condis

#endif
