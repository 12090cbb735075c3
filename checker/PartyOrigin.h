//===-- PartyOrigin.h - Where a value was read from --------------*- C++ -*-===//
//
// Part of condis-check. A party handle is rarely a parameter: drivers read
// it from their per-party context (Party->NdisPartyHandle), directly or
// through further pointers. The analyzer names such a value by the memory it
// was first read from, so following symbol -> region -> base region ->
// pointer symbol -> ... lists every block of memory the value came through.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_PARTYORIGIN_H
#define CONDIS_CHECKER_PARTYORIGIN_H

#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::ento {
class MemRegion;
}

namespace condis {

/// Calls \p Fn with each base region \p V points into or was loaded from,
/// innermost first (at most a few levels; stops when \p Fn returns true).
/// Returns true if \p Fn did.
bool anyOrigin(clang::ento::SVal V,
               llvm::function_ref<bool(const clang::ento::MemRegion *)> Fn);

/// The base region of the memory \p V was loaded from (for a handle read as
/// Party->NdisPartyHandle: the party), or null for values not loaded from
/// memory.
const clang::ento::MemRegion *loadedFrom(clang::ento::SVal V);

/// True if \p V is \p Base, points into it, or was read from it (directly
/// or through pointers stored in it).
bool isDerivedFrom(clang::ento::SVal V, const clang::ento::MemRegion *Base);

/// True if \p V was read from a field of \p Base itself
/// (Party->NdisPartyHandle, or a local copy of it), not through another pointer
/// stored there (Party->Next->NdisPartyHandle): on a multipoint VC the latter
/// is another party's.
bool isReadFromOwnField(clang::ento::SVal V,
                        const clang::ento::MemRegion *Base);

/// True if \p V is a list link read from memory: a value loaded from a field
/// that points to the kind of structure holding it (LIST_ENTRY's Flink and
/// Blink, a party's Next). Storing it relinks the entry's neighbours, as
/// RemoveEntryList does; it makes nothing reachable that was not already.
bool isListLink(clang::ento::SVal V);

} // namespace condis

#endif
