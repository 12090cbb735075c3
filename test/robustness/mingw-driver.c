// A call manager built against the real mingw-w64 DDK headers from Debian
// (mingw-w64-common), with test/Inputs/mingw-compat/condis-compat.h supplying
// what those NDIS 5 era headers lack. It must analyse without errors and
// give the DropParty findings its C twin gives with our header simulators.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -triple x86_64-w64-mingw32 -fgnuc-version=4.2.1 -fms-extensions \
// RUN:   -isystem /usr/share/mingw-w64/include -isystem /usr/share/mingw-w64/include/ddk \
// RUN:   -I %condis_inputs/mingw-compat -verify %s
//
// The headers alone do not compile: the NDIS_REQUEST_TYPE clash and the
// missing comma are what condis-compat.h works around.
// RUN: not %clang_cc1 -fsyntax-only -triple x86_64-w64-mingw32 -fgnuc-version=4.2.1 \
// RUN:   -fms-extensions -isystem /usr/share/mingw-w64/include \
// RUN:   -isystem /usr/share/mingw-w64/include/ddk -DCONDIS_HEADERS_ALONE %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALONE
// ALONE: ndis.h:{{[0-9]+}}:{{[0-9]+}}: error: redefinition of '_NDIS_REQUEST_TYPE'
// ALONE: ndis.h:{{[0-9]+}}:{{[0-9]+}}: error: expected ')'

#ifdef CONDIS_HEADERS_ALONE
#include <ntddk.h>
#include <ndis.h>
#else
#include <condis-compat.h>

typedef struct _CM_ADAPTER {
  NDIS_HANDLE MiniportHandle;
  NDIS_HANDLE BindingHandle;
} CM_ADAPTER, *PCM_ADAPTER;

typedef struct _CM_PARTY {
  PCM_ADAPTER Adapter;
  NDIS_HANDLE NdisVcHandle;
  NDIS_HANDLE NdisPartyHandle;
  NDIS_HANDLE WorkItem;
  ULONG Flags;
} CM_PARTY, *PCM_PARTY;

typedef struct _CL_PARTY {
  NDIS_HANDLE NdisVcHandle;
  NDIS_HANDLE NdisPartyHandle;
} CL_PARTY, *PCL_PARTY;

NDIS_IO_WORKITEM_FUNCTION CmDropPartyWorker;
PROTOCOL_CM_DROP_PARTY CmDropParty;
PROTOCOL_CM_DROP_PARTY CmDropPartyForgetful;
PROTOCOL_CM_DROP_PARTY CmDropPartyTooEager;
PROTOCOL_CL_DROP_PARTY_COMPLETE ClDropPartyComplete;

VOID NTAPI CmDropPartyWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle) {
  PCM_PARTY Party = (PCM_PARTY)WorkItemContext;
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // no-warning
  NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Party->NdisVcHandle, Party->NdisPartyHandle); // expected-warning{{Party handle passed to NdisMCmCloseCallComplete after the drop completed with NDIS_STATUS_SUCCESS}}
  NdisFreeIoWorkItem(NdisIoWorkItemHandle);
}

NDIS_STATUS NTAPI CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  Party->WorkItem = NdisAllocateIoWorkItem(Party->Adapter->MiniportHandle);
  if (Party->WorkItem == NULL)
    return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING but on this path it neither completed the drop nor handed the party}}
  NdisQueueIoWorkItem(Party->WorkItem, CmDropPartyWorker, Party);
  return NDIS_STATUS_PENDING; // no-warning
}

NDIS_STATUS NTAPI CmDropPartyForgetful(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  Party->Flags |= 1;
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

NDIS_STATUS NTAPI CmDropPartyTooEager(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  return NDIS_STATUS_SUCCESS; // expected-warning{{Drop-party handler completed the drop and then returns a final status}}
}

// Registered through the NDIS 5 characteristics rather than declared.
static NDIS_STATUS NTAPI CmDropPartyRegistered(NDIS_HANDLE CallMgrPartyContext,
                                               PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

VOID CmFillCharacteristics(PNDIS_CALL_MANAGER_CHARACTERISTICS Chars) {
  NdisZeroMemory(Chars, sizeof(*Chars));
  Chars->MajorVersion = 5;
  Chars->CmDropPartyHandler = CmDropPartyRegistered;
}

VOID CmCompleteTwice(PCM_PARTY Party) {
  NdisMCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{Drop for this party completed a second time by NdisMCmDropPartyComplete}}
}

VOID CmCompletePending(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_PENDING, Party->NdisPartyHandle); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisCmDropPartyComplete}}
}

VOID CmDispatchNullBuffer(PCM_PARTY Party) {
  NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 8); // expected-warning{{NdisMCmDispatchIncomingDropParty called with a NULL buffer and a non-zero size}}
}

VOID CmFreeBeforeCompletion(PCM_PARTY Party) {
  NdisFreeMemory(Party, sizeof(*Party), 0);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{Per-party state released before NdisCmDropPartyComplete}}
}

VOID ClDropThenClose(PCL_PARTY Party) {
  NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  NdisClCloseCall(Party->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisClCloseCall after NdisClDropParty invalidated it}}
}

VOID NTAPI ClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  if (Status == NDIS_STATUS_SUCCESS)
    NdisClCloseCall(Party->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisClCloseCall after the drop completed with NDIS_STATUS_SUCCESS}}
}
#endif
