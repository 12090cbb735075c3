//===-- CompletionState.h - Program state of the completion engine -*- C++ -*-===//
//
// Part of condis-check. The values CompletionChecker.cpp keeps per path; the
// REGISTER_* traits that hold them live there.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_COMPLETIONSTATE_H
#define CONDIS_CHECKER_COMPLETIONSTATE_H

#include "Operations.h"

#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/Support/raw_ostream.h"
#include <tuple>

namespace clang::ento {
class MemRegion;
}

namespace condis {

using clang::ento::MemRegion;
using clang::ento::SVal;
using clang::ento::SymbolRef;

/// A handle given to a call of rules/handle-ends.def: the row, and the
/// status that decides whether it died (the call's status argument or its
/// return value, as the row's When says).
struct HandleEnd {
  const HandleEndInfo *Row;
  SVal Status;

  bool operator==(const HandleEnd &O) const {
    return Row == O.Row && Status == O.Status;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Row);
    Status.Profile(ID);
  }
};

/// One request: an operation and the handle its completion names.
struct RequestKey {
  OperationId Op;
  SymbolRef Handle;

  bool operator==(const RequestKey &O) const {
    return Op == O.Op && Handle == O.Handle;
  }
  bool operator<(const RequestKey &O) const {
    return std::make_tuple(Op, Handle) < std::make_tuple(O.Op, O.Handle);
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(static_cast<unsigned>(Op));
    ID.AddPointer(Handle);
  }
};

/// A running handler of a role-type row of rules/handle-ends.def
/// (ProtocolClIncomingDropParty): the row, the handler's status parameter
/// (unknown for an Always row) and its party context, whose own handle the
/// row declares dead.
struct HandlerDeadHandle {
  const HandleEndInfo *Row;
  SVal Status;
  const MemRegion *Context;

  bool operator==(const HandlerDeadHandle &O) const {
    return Row == O.Row && Status == O.Status && Context == O.Context;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Row);
    Status.Profile(ID);
    ID.AddPointer(Context);
  }
};

/// Progress of the handler in the top frame on its request (a bit set).
enum HandlerProgressBits : unsigned {
  RequestCompleted = 1u << 0,
  ContextHandedOff = 1u << 1,
};

} // namespace condis

#endif
