/*
 * comcm.h - the shared header of the CoMcm test project (CoMcm.vcxproj).
 * It is found through the project's AdditionalIncludeDirectories only, and
 * the kit's ndis.h through --wdk only.
 */
#ifndef COMCM_H
#define COMCM_H

#include <ndis.h>

typedef struct _COMCM_PARTY {
  NDIS_HANDLE NdisPartyHandle;
  NDIS_HANDLE WorkItem;
  ULONG DropsPending;
} COMCM_PARTY, *PCOMCM_PARTY;

NDIS_STATUS CoMcmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                           UINT Size);
VOID CoMcmDropWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);

#endif
