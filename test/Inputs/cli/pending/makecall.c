/*
 * makecall.c - a make-call handler that pends in a driver no file of which
 * calls Ndis(M)CmMakeCallComplete: the pre-pass reports it under
 * condis.Completion, as for every operation of rules/operations.def.
 */
#include <ndis.h>

PROTOCOL_CM_MAKE_CALL PendingMakeCall06;

NDIS_STATUS PendingMakeCall06(NDIS_HANDLE VcContext, PCO_CALL_PARAMETERS Params,
                              NDIS_HANDLE PartyHandle, PNDIS_HANDLE PartyContext) {
  return Params ? NDIS_STATUS_PENDING : NDIS_STATUS_FAILURE;
}
