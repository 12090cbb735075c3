/*
 * A drop-party handler with no branch: its finding is reported during the
 * exploration before any branch could stop it, so a spent --file-time-budget
 * can only cut the finding's path (test/condis-check/file-time-budget.test).
 */
#include <ndis.h>

PROTOCOL_CM_DROP_PARTY StraightDropParty;

_Use_decl_annotations_
NDIS_STATUS StraightDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                              UINT Size) {
  UNREFERENCED_PARAMETER(CallMgrPartyContext);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  return NDIS_STATUS_PENDING;
}

/* Where the driver would complete a pended drop (so that the project-level
 * rule, "no file completes it", stays quiet). */
VOID StraightFinishDrop(NDIS_HANDLE NdisPartyHandle) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, NdisPartyHandle);
}
