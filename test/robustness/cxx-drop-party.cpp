// Drivers written in C++: classes holding party handles, extern "C" NDIS
// declarations (test/Inputs/ndis.h wraps itself in extern "C"), handlers with
// C++ and C linkage, a captureless lambda passed to NdisQueueIoWorkItem as
// the work item. The findings are those of the C tests they mirror
// (test/drop-party-pending.c, -completion.c, -handles.c).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -I %condis_inputs -std=c++20 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -I %condis_inputs -std=c++20 -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility

#include "cm-party.h"
#include "cl-party.h"

// A call manager's party as a class: the handle is a member.
class CmParty {
public:
  explicit CmParty(NDIS_HANDLE Handle) : Handle(Handle) {}

  VOID complete(NDIS_STATUS Status) {
    NdisCmDropPartyComplete(Status, this->Handle); // expected-warning{{Drop for this party completed a second time by NdisCmDropPartyComplete}}
  }
  VOID dispatchDrop() {
    NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Handle, NULL, 0); // expected-warning{{Party handle passed to NdisCmDispatchIncomingDropParty after the drop completed with NDIS_STATUS_SUCCESS}}
  }
  VOID markDropping() { Flags |= 1; }

  NDIS_HANDLE Handle;
  NDIS_HANDLE WorkItem = nullptr;
  ULONG Flags = 0;
};

// ---- pending without hand-off (pending.c, a) --------------------------------

PROTOCOL_CM_DROP_PARTY pendingWithoutHandOff01;
NDIS_STATUS pendingWithoutHandOff01(NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size) {
  auto *Party = static_cast<CmParty *>(CallMgrPartyContext);
  Party->markDropping();
  return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING but on this path it neither completed the drop nor handed the party}}
}

// C linkage, as a driver exporting its handlers to C code would declare it.
extern "C" PROTOCOL_CM_DROP_PARTY pendingExternC02;
extern "C" NDIS_STATUS pendingExternC02(NDIS_HANDLE CallMgrPartyContext,
                                        PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// The work item is a captureless lambda converted to NDIS_IO_WORKITEM_ROUTINE.
PROTOCOL_CM_DROP_PARTY noWarnLambdaWorkItem03;
NDIS_STATUS noWarnLambdaWorkItem03(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  auto *Party = static_cast<CmParty *>(CallMgrPartyContext);
  NdisQueueIoWorkItem(
      Party->WorkItem,
      [](PVOID Context, NDIS_HANDLE WorkItem) {
        auto *P = static_cast<CmParty *>(Context);
        NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, P->Handle); // no-warning
      },
      Party);
  return NDIS_STATUS_PENDING; // no-warning
}

// The same lambda, but the handler forgets to queue it on one path.
PROTOCOL_CM_DROP_PARTY lambdaNotQueued04;
NDIS_STATUS lambdaNotQueued04(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                              UINT Size) {
  auto *Party = static_cast<CmParty *>(CallMgrPartyContext);
  NDIS_IO_WORKITEM_ROUTINE Worker = [](PVOID Context, NDIS_HANDLE) {
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS,
                            static_cast<CmParty *>(Context)->Handle);
  };
  if (Party->WorkItem != nullptr)
    NdisQueueIoWorkItem(Party->WorkItem, Worker, Party);
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// ---- completion despite a synchronous return (pending.c, b) -----------------

PROTOCOL_CM_DROP_PARTY completedDespiteSync05;
NDIS_STATUS completedDespiteSync05(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  static_cast<CmParty *>(CallMgrPartyContext)->complete(NDIS_STATUS_SUCCESS);
  return NDIS_STATUS_SUCCESS; // expected-warning{{Drop-party handler completed the drop and then returns a final status}}
}

// ---- double completion (completion.c, c) --------------------------------------

VOID doubleCompletionMember06(CmParty &Party) {
  Party.complete(NDIS_STATUS_FAILURE);
  Party.complete(NDIS_STATUS_SUCCESS);
}

VOID noWarnTwoPartiesMember07(CmParty &First, CmParty &Second) {
  First.complete(NDIS_STATUS_SUCCESS);
  Second.complete(NDIS_STATUS_SUCCESS); // no-warning
}

template <typename PARTY> VOID completeTwice(PARTY *Party) {
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{completed a second time by NdisMCmDropPartyComplete}}
}

VOID doubleCompletionTemplate08(PCM_PARTY Party) { completeTwice(Party); }

// ---- pending status and use after drop (completion.c d, handles.c e) ---------

VOID pendingAsStatus09(CmParty *Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_PENDING, Party->Handle); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisCmDropPartyComplete}}
}

VOID useAfterDropMember10(CmParty *Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->Handle);
  Party->dispatchDrop();
}

VOID noWarnFailedCompletionKeepsHandle11(CmParty *Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->Handle);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->Handle, nullptr, 0); // no-warning
}

// ---- client drop (handles.c, f) ----------------------------------------------

class ClParty {
public:
  NDIS_STATUS drop() { return NdisClDropParty(Handle, nullptr, 0); }
  NDIS_STATUS close() {
    return NdisClCloseCall(VcHandle, Handle, nullptr, 0); // expected-warning{{Party handle passed to NdisClCloseCall after NdisClDropParty invalidated it}}
  }
  NDIS_HANDLE VcHandle;
  NDIS_HANDLE Handle;
};

VOID useAfterClientDrop12(ClParty &Party) {
  Party.drop();
  Party.close();
}

VOID noWarnLastPartyClosesCall13(ClParty &Party) {
  if (Party.drop() == NDIS_STATUS_FAILURE)
    NdisClCloseCall(Party.VcHandle, Party.Handle, nullptr, 0); // no-warning
}

// ---- handlers registered from C++ ---------------------------------------------

struct CmDriver {
  static NDIS_STATUS dropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                               UINT Size) {
    return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
  }
};

VOID registerHandlers14(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS &Handlers) {
  Handlers.CmDropPartyHandler = &CmDriver::dropParty;
}

static NDIS_STATUS designatedDrop15(NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS DesignatedHandlers = {
    .CmDropPartyHandler = designatedDrop15,
};
