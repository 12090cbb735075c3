/*
 * mcm_party.c - the drop-party handler pends the drop; no file of CoMcm
 * completes it. The release build completes it here instead.
 */
#include "comcm.h"

NDIS_STATUS CoMcmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                           UINT Size) {
  PCOMCM_PARTY Party = (PCOMCM_PARTY)CallMgrPartyContext;

  if (Size != 0 && CloseData == NULL)
    return NDIS_STATUS_INVALID_DATA;
#ifdef COMCM_RELEASE
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  return NDIS_STATUS_SUCCESS;
#else
  Party->DropsPending++;
  NdisQueueIoWorkItem(Party->WorkItem, CoMcmDropWorker, Party);
  return NDIS_STATUS_PENDING;
#endif
}

VOID CoMcmDropWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle) {
  PCOMCM_PARTY Party = (PCOMCM_PARTY)WorkItemContext;
  Party->DropsPending--;
}
