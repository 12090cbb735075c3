/*
 * callmgr.c - the drop-party handler pends the drop and completes it from
 * nowhere: no file of this driver calls NdisMCmDropPartyComplete.
 */
#include "adapter.h"

NDIS_STATUS ProtocolCmDropParty(NDIS_HANDLE CallMgrPartyContext,
                                PVOID CloseData, UINT Size) {
  PADAPTER Adapter = (PADAPTER)CallMgrPartyContext;
  Adapter->PendingDrops++;
  return NDIS_STATUS_PENDING;
}
