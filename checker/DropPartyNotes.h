//===-- DropPartyNotes.h - Path notes of condis.DropParty -------*- C++ -*-===//
//
// Part of condis-check. Each note states a fact at the event, and only in
// reports that concern the value it is about.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_DROPPARTYNOTES_H
#define CONDIS_CHECKER_DROPPARTYNOTES_H

#include "CallFacts.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/SymExpr.h"
#include <string>

namespace clang::ento {
class BugType;
class CheckerContext;
class MemRegion;
class NoteTag;
} // namespace clang::ento

namespace condis {

/// "Drop completed here (...)", on reports about \p Handle.
const clang::ento::NoteTag *completionNote(clang::ento::CheckerContext &C,
                                           clang::ento::SymbolRef Handle,
                                           std::string Spelled, Truth Success);

/// "Party handle invalidated here (NdisClDropParty)", on reports about
/// \p Handle.
const clang::ento::NoteTag *clientDropNote(clang::ento::CheckerContext &C,
                                           clang::ento::SymbolRef Handle);

/// "'Callee' returned without completing the drop or handing the party
/// off", on reports of bug type \p Pending.
const clang::ento::NoteTag *
notHandedOffNote(clang::ento::CheckerContext &C, std::string Callee,
                 const clang::ento::BugType *Pending);

/// "Party state freed here (Routine)", on reports about \p Base.
const clang::ento::NoteTag *freedNote(clang::ento::CheckerContext &C,
                                      const clang::ento::MemRegion *Base,
                                      std::string Routine);

} // namespace condis

#endif
