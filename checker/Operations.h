//===-- Operations.h - CoNDIS operations and handle ends, from rules/ -*- C++ -*-===//
//
// Part of condis-check. The completion engine (CompletionChecker.cpp) knows
// no operation by name: every request -> handler -> completion pair is a row
// of rules/operations.def, and every call after which a handle is dead is a
// row of rules/handle-ends.def. This file expands both.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_OPERATIONS_H
#define CONDIS_CHECKER_OPERATIONS_H

#include "Api.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace condis {

/// The checker name a row's findings are reported under.
enum class Frontend { DropParty, Completion };

/// Which statuses the completion of an operation accepts.
enum class StatusRule {
  AnyFinal,    ///< NDIS_STATUS_SUCCESS or a failure code; never PENDING.
  SuccessOnly, ///< NDIS_STATUS_SUCCESS only.
};

enum class OperationId : unsigned {
#define CONDIS_OPERATION(Name, ...) Name,
#include "operations.def"
  NumOperations
};

struct OperationInfo {
  OperationId Id;
  Frontend Checker;
  llvm::StringRef Title;  ///< "Drop-party", as in "Drop-party handler".
  llvm::StringRef Noun;   ///< "drop": what the handler is asked to do.
  llvm::StringRef Object; ///< "party": what the handler must keep to complete.
  ApiId Request;    ///< The requester's call (NdisClDropParty).
  ApiId Handler;    ///< The handler role type (PROTOCOL_CM_DROP_PARTY).
  int ContextArg;   ///< The handler parameter a later completion needs.
  ApiId Completion; ///< The completion function (MCM forms are macros over it).
  int StatusArg;    ///< The completion's status argument.
  int HandleArg;    ///< The completion's argument naming the request.
  StatusRule Rule;
  ApiId RequesterCompletion; ///< The handler NDIS calls in the requester.

  /// Noun with a capital first letter ("Drop", "Make-call request").
  std::string nounCapitalised() const;
  /// Object with a capital first letter ("Party", "Address family").
  std::string objectCapitalised() const;
};

/// The kinds of CoNDIS handles a row can end; CallParameters is the
/// CO_CALL_PARAMETERS block an incoming call offered.
enum class HandleKind { Party, Af, Sap, Vc, CallParameters };
/// "Party handle", "AF handle", "SAP handle", "VC handle", "Call parameters".
llvm::StringRef handleKindName(HandleKind K);

/// When a handle-end row's call leaves the handle dead.
enum class EndWhen {
  Always,               ///< whatever the call does.
  StatusSuccess,        ///< its status argument (a handler's: its status
                        ///< parameter) is NDIS_STATUS_SUCCESS.
  StatusFailure,        ///< its status argument is not NDIS_STATUS_SUCCESS.
  UnlessReturnsFailure, ///< unless it returns NDIS_STATUS_FAILURE.
  UnlessReturnFails,    ///< unless it returns other than NDIS_STATUS_SUCCESS.
};

struct HandleEndInfo {
  ApiId Api; ///< The call (a function row), or the handler (a role-type row)
             ///< inside which the party handle of its own context is dead.
  int Arg;   ///< The argument holding the handle; for a handler, its party
             ///< context parameter.
  HandleKind Handle;
  EndWhen When;
  /// Calls that may still take the dead handle (None: no call).
  ApiId Except[2];
  bool excepts(ApiId Callee) const {
    return Callee != ApiId::None &&
           (Callee == Except[0] || Callee == Except[1]);
  }
  Frontend Checker;
  llvm::StringRef BugName; ///< "Party handle used after drop".
  llvm::StringRef Reason;  ///< Completes "<Handle> handle passed to F after ".
  llvm::StringRef Note;    ///< The note at the call; empty for completions,
                           ///< whose own note says it.
};

const OperationInfo &operationInfo(OperationId Id);
llvm::ArrayRef<OperationInfo> allOperations();

/// The operation whose handler implements role type \p RoleType, if any.
const OperationInfo *operationOfHandler(ApiId RoleType);
/// The operation \p Fn (a function row) completes, if any.
const OperationInfo *operationOfCompletion(ApiId Fn);

llvm::ArrayRef<HandleEndInfo> allHandleEnds();
/// The handle-end row of function or role-type row \p Api, if it has one.
const HandleEndInfo *handleEndOf(ApiId Api);

} // namespace condis

#endif
