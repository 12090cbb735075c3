/*
 * callmgr.c - the call-manager half of the miniport call manager that
 * miniport.c registers. Nothing in this file says which kind of call
 * manager the driver is.
 */
#include <ndis.h>

typedef struct _CM_PARTY {
  NDIS_HANDLE NdisPartyHandle;
} CM_PARTY, *PCM_PARTY;

PROTOCOL_CM_DROP_PARTY CmDropParty;

NDIS_STATUS CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                        UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  return NDIS_STATUS_PENDING;
}

VOID CmCloseCallDone(NDIS_HANDLE VcHandle, NDIS_HANDLE PartyHandle) {
  NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, VcHandle, PartyHandle);
}
