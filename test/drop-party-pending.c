// condis.DropParty: a pended drop must be completed or handed off (a), and a
// handler that completed must return NDIS_STATUS_PENDING (b).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc -fms-extensions

#include "cm-party.h"

NDIS_IO_WORKITEM_FUNCTION CmDropPartyWorker;

_Use_decl_annotations_
VOID CmDropPartyWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle) {
  PCM_PARTY Party = (PCM_PARTY)WorkItemContext;
  UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // no-warning
}

// ---- (a) pending without hand-off ----------------------------------------

PROTOCOL_CM_DROP_PARTY pendingWithoutHandOff01;
NDIS_STATUS pendingWithoutHandOff01(NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  Party->Flags |= 1;
  return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING but on this path it neither completed the drop nor handed the party to a work item, timer, DPC or list that could}}
}

// Logging the party is not a hand-off.
PROTOCOL_CM_DROP_PARTY pendingAfterLogging02;
NDIS_STATUS pendingAfterLogging02(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  NDIS_STATUS Status = NDIS_STATUS_PENDING;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  DbgPrint("CM: dropping party %p handle %p\n", Party, Party->NdisPartyHandle);
  return Status; // expected-warning{{neither completed the drop nor handed the party}}
}

// A helper that fails to allocate its work item, while the handler returns
// pending anyway.
static BOOLEAN CmQueueDrop(PCM_PARTY Party) {
  Party->WorkItem = NdisAllocateIoWorkItem(Party->Vc->Adapter->MiniportHandle);
  if (Party->WorkItem == NULL)
    return FALSE;
  NdisQueueIoWorkItem(Party->WorkItem, CmDropPartyWorker, Party);
  return TRUE;
}

PROTOCOL_CM_DROP_PARTY pendingHelperFailedToQueue03;
NDIS_STATUS pendingHelperFailedToQueue03(NDIS_HANDLE CallMgrPartyContext,
                                         PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  CmQueueDrop(Party);
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// Only the path where the status stays pending and nothing was queued.
PROTOCOL_CM_DROP_PARTY pendingOnOneBranch04;
NDIS_STATUS pendingOnOneBranch04(NDIS_HANDLE CallMgrPartyContext,
                                 PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  if (Size > 16)
    return NDIS_STATUS_INVALID_DATA; // no-warning
  if (Party->Flags & 2) {
    NdisQueueIoWorkItem(Party->WorkItem, CmDropPartyWorker, Party);
    return NDIS_STATUS_PENDING; // no-warning
  }
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// ---- no report: correct hand-offs and completions ---------------------------

PROTOCOL_CM_DROP_PARTY noWarnQueuedWorkItem01;
NDIS_STATUS noWarnQueuedWorkItem01(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  if (!CmQueueDrop(Party))
    return NDIS_STATUS_RESOURCES; // no-warning
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnSyncSuccess02;
NDIS_STATUS noWarnSyncSuccess02(NDIS_HANDLE CallMgrPartyContext,
                                PVOID CloseData, UINT Size) {
  UNREFERENCED_PARAMETER(CallMgrPartyContext);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  return NDIS_STATUS_SUCCESS; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnCompletedThenPending03;
NDIS_STATUS noWarnCompletedThenPending03(NDIS_HANDLE CallMgrPartyContext,
                                         PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnStoredInGlobal04;
NDIS_STATUS noWarnStoredInGlobal04(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  GlobalPendingParty = (PCM_PARTY)CallMgrPartyContext;
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnInsertedInList05;
NDIS_STATUS noWarnInsertedInList05(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  PCM_ADAPTER Adapter = Party->Vc->Adapter;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisAcquireSpinLock(&Adapter->Lock);
  InsertTailList(&Adapter->PendingDrops, &Party->Link);
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnTimerArmed06;
NDIS_STATUS noWarnTimerArmed06(NDIS_HANDLE CallMgrPartyContext,
                               PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  LARGE_INTEGER Due;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  Due.QuadPart = -10000;
  NdisSetTimerObject(Party->Vc->Adapter->DropTimer, Due, 0, Party);
  return NDIS_STATUS_PENDING; // no-warning
}

// An external function we cannot see into may complete the drop.
NDIS_STATUS CmSignalDropToSwitch(PCM_PARTY Party);
PROTOCOL_CM_DROP_PARTY noWarnUnknownCallee07;
NDIS_STATUS noWarnUnknownCallee07(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  CmSignalDropToSwitch((PCM_PARTY)CallMgrPartyContext);
  return NDIS_STATUS_PENDING; // no-warning
}

// A status that may or may not be pending is never reported.
NDIS_STATUS CmLookupStatus(void);
PROTOCOL_CM_DROP_PARTY noWarnUnknownStatus08;
NDIS_STATUS noWarnUnknownStatus08(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  UNREFERENCED_PARAMETER(CallMgrPartyContext);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  return CmLookupStatus(); // no-warning
}

// ---- (b) completion despite a synchronous return -------------------------

PROTOCOL_CM_DROP_PARTY completedDespiteSync01;
NDIS_STATUS completedDespiteSync01(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  return NDIS_STATUS_SUCCESS; // expected-warning{{Drop-party handler completed the drop and then returns a final status; NDIS completes a synchronous drop itself}}
}

static VOID CmFinishDrop(PCM_PARTY Party, NDIS_STATUS Status) {
  NdisMCmDropPartyComplete(Status, Party->NdisPartyHandle);
}

PROTOCOL_CM_DROP_PARTY completedInHelperDespiteFailure02;
NDIS_STATUS completedInHelperDespiteFailure02(NDIS_HANDLE CallMgrPartyContext,
                                              PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  if (Size != 0) {
    CmFinishDrop(Party, NDIS_STATUS_INVALID_DATA);
    return NDIS_STATUS_INVALID_DATA; // expected-warning{{completed the drop and then returns a final status}}
  }
  return NDIS_STATUS_SUCCESS; // no-warning
}
