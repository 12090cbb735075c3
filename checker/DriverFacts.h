//===-- DriverFacts.h - What a translation unit says about a driver -*- C++ -*-//
//
// Part of condis-check. Facts gathered from the AST before path analysis:
// which functions implement which CoNDIS role type, and which registration
// calls tell the driver's role. The analyzer checkers read them through
// condis.core.Modeling; condis-check can gather them across a whole
// compilation database and merge them.
//
// A function implements a role type when
//   - one of its redeclarations is typed by the role typedef
//       PROTOCOL_CM_DROP_PARTY MyCmDropParty;
//   - it is stored into a registration field of rules/handlers.def
//       Handlers.CmDropPartyHandler = MyCmDropParty;
//       NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H = {.CmDropPartyHandler = ...};
//     (NDIS 5's NDIS_CALL_MANAGER_CHARACTERISTICS has the same field names);
//   - the analyzer option condis:Handlers names it.
// A function stored into a CONDIS_IRQL_FIELD of rules/handlers.def (NDIS 5's
// NDIS_MINIPORT_CHARACTERISTICS.ISRHandler, ...) is a stored routine: it
// runs as a non-CoNDIS role of rules/irql.def. NDIS 5 has no role typedefs,
// so this is how condis.Irql knows an NDIS 5 ISR.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_DRIVERFACTS_H
#define CONDIS_CHECKER_DRIVERFACTS_H

#include "Api.h"
#include "CompletionMarks.h"
#include "Irql.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class TypedefNameDecl;
} // namespace clang

namespace condis {

/// The function an initialiser or right-hand side names, through casts,
/// parentheses and '&' (a handler stored into a registration field).
const clang::FunctionDecl *namedFunction(const clang::Expr *E);

/// Calls \p Visit with each typedef the written type of \p FD's
/// declaration goes through, outermost first (PROTOCOL_CM_DROP_PARTY, then
/// what it is a typedef of, ...), until \p Visit returns true. Role types
/// and SAL-annotated function typedefs are found this way.
void forEachWrittenTypedef(
    const clang::FunctionDecl *FD,
    llvm::function_ref<bool(const clang::TypedefNameDecl *)> Visit);

/// Evidence for the driver's role: a registration call and where it is.
/// Loc is valid only in the translation unit that gathered it; evidence
/// merged in from other files of the project (condis-check's pre-pass, see
/// setProjectFacts in ModelingChecker.h) has an invalid Loc and names its
/// place through File, Line and Column, which gather() always fills.
struct RoleEvidence {
  ApiRole Role; ///< ApiRole::Cm or ApiRole::Mcm.
  std::string Callee;
  clang::SourceLocation Loc;
  std::string File;  ///< The file of the call's expansion location.
  unsigned Line = 0; ///< 1-based; 0 when unknown.
  unsigned Column = 0;

  /// Same call at the same place, whichever translation unit saw it.
  bool samePlace(const RoleEvidence &O) const {
    return Callee == O.Callee && File == O.File && Line == O.Line &&
           Column == O.Column;
  }
};

/// A function stored into a registration field that runs at a fixed IRQL.
struct StoredRoutine {
  IrqlRoleId Role;
  /// Where it was stored, as the driver wrote the structure:
  /// "NDIS_MINIPORT_CHARACTERISTICS.ISRHandler" (or the field alone when the
  /// structure's type has no typedef name).
  std::string Field;
};

class DriverFacts {
public:
  /// Scans every declaration of \p Ctx's translation unit.
  static DriverFacts gather(clang::ASTContext &Ctx);

  /// Parses the condis:Handlers option ("Fn:ROLE_TYPE;Fn2:ROLE_TYPE").
  /// On a malformed value returns false and sets \p Error to the bad part.
  bool addHandlersOption(llvm::StringRef Value, std::string &Error);

  /// The role type \p FD implements, if any (by name, so any redeclaration
  /// and any translation unit that saw the registration agree).
  std::optional<ApiId> roleTypeOf(const clang::FunctionDecl *FD) const;
  std::optional<ApiId> roleTypeOf(llvm::StringRef FunctionName) const;

  /// Registration calls seen, in source order.
  const std::vector<RoleEvidence> &roleEvidence() const { return Evidence; }

  /// Every function known to implement a role type.
  const llvm::StringMap<ApiId> &handlers() const { return Handlers; }

  /// The stored routine named \p FunctionName or \p FD, if any.
  const StoredRoutine *storedRoutineOf(llvm::StringRef FunctionName) const;
  const StoredRoutine *storedRoutineOf(const clang::FunctionDecl *FD) const;
  const llvm::StringMap<StoredRoutine> &storedRoutines() const {
    return Routines;
  }

  /// Completion marks other files of the project test (CompletionMarks.h);
  /// a translation unit's own are found by the completion engine itself.
  const std::vector<NamedMark> &marks() const { return Marks; }
  void addMark(NamedMark M);

  /// Records that \p Function implements \p RoleType (first one wins).
  void addHandler(llvm::StringRef Function, ApiId RoleType);
  /// Records a stored routine (first one wins).
  void addStoredRoutine(llvm::StringRef Function, StoredRoutine R);
  void addEvidence(RoleEvidence E) { Evidence.push_back(std::move(E)); }

  /// Adds \p Other's handlers and stored routines (ours win on a conflict),
  /// and the marks and evidence we do not already hold (evidence compared
  /// by samePlace).
  /// Merged-in evidence keeps \p Other's Loc only when \p KeepLocations is
  /// true: locations are meaningful only within the translation unit that
  /// produced them.
  void merge(const DriverFacts &Other, bool KeepLocations);

private:
  llvm::StringMap<ApiId> Handlers;
  llvm::StringMap<StoredRoutine> Routines;
  std::vector<RoleEvidence> Evidence;
  std::vector<NamedMark> Marks;
};

} // namespace condis

#endif
