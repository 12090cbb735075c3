/*
 * mcm.h - the shared header of a small miniport call manager used by the
 * condis-check tests. The handlers are declared with plain prototypes, not
 * their role types: only cm_init.c's registration says what they are.
 */
#ifndef MCM_H
#define MCM_H

#include <ndis.h>

typedef struct _PARTY_CONTEXT {
  NDIS_HANDLE NdisPartyHandle;
  NDIS_HANDLE WorkItem;
  ULONG DropsPending;
} PARTY_CONTEXT, *PPARTY_CONTEXT;

NDIS_STATUS MyCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                          UINT Size);
VOID MyDropPartyWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);

#endif
