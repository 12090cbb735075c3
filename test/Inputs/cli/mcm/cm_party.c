/*
 * cm_party.c - the drop-party handler. It pends the drop and hands the
 * party to a work item, but nothing in this driver ever completes it.
 */
#include "mcm.h"

NDIS_STATUS MyCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                          UINT Size) {
  PPARTY_CONTEXT Party = (PPARTY_CONTEXT)CallMgrPartyContext;
  NDIS_STATUS Status = NDIS_STATUS_PENDING;

  if (Size != 0 && CloseData == NULL)
    return NDIS_STATUS_INVALID_DATA;
  Party->DropsPending++;
  NdisQueueIoWorkItem(Party->WorkItem, MyDropPartyWorker, Party);
  return Status;
}

VOID MyDropPartyWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle) {
  PPARTY_CONTEXT Party = (PPARTY_CONTEXT)WorkItemContext;
  Party->DropsPending--;
}
