//===-- DropPartyState.h - Program state of condis.DropParty ----*- C++ -*-===//
//
// Part of condis-check. The values condis.DropParty keeps per path; the
// REGISTER_* traits that hold them live in DropPartyChecker.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef CONDIS_CHECKER_DROPPARTYSTATE_H
#define CONDIS_CHECKER_DROPPARTYSTATE_H

#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::ento {
class MemRegion;
}

namespace condis {

using clang::ento::MemRegion;
using clang::ento::SVal;

/// What happened to a party handle on this path.
class HandleState {
public:
  enum Kind {
    Completed,     ///< Ndis(M)CmDropPartyComplete was called with it.
    ClientDropped, ///< NdisClDropParty was called with it.
  };

  static HandleState completed(SVal Status) { return {Completed, Status}; }
  static HandleState clientDropped(SVal Ret) { return {ClientDropped, Ret}; }

  bool isCompleted() const { return K == Completed; }
  bool isClientDropped() const { return K == ClientDropped; }
  /// The completion's status, or NdisClDropParty's return value.
  SVal status() const { return Status; }

  bool operator==(const HandleState &O) const {
    return K == O.K && Status == O.Status;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(K);
    Status.Profile(ID);
  }
  void dump(llvm::raw_ostream &OS) const {
    OS << (K == Completed ? "completed, status " : "client-dropped, returned ");
    Status.dumpToStream(OS);
  }

private:
  HandleState(Kind K, SVal Status) : K(K), Status(Status) {}
  Kind K;
  SVal Status;
};

/// A running ProtocolClDropPartyComplete: its Status and its party context.
struct ClientDropCompletion {
  SVal Status;
  const MemRegion *Party;

  bool operator==(const ClientDropCompletion &O) const {
    return Status == O.Status && Party == O.Party;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    Status.Profile(ID);
    ID.AddPointer(Party);
  }
};

/// Progress of the drop-party handler in the top frame (a bit set).
enum HandlerProgress : unsigned {
  DropCompleted = 1u << 0,
  PartyHandedOff = 1u << 1,
};

} // namespace condis

#endif
