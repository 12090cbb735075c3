/*
 * handlers.c - drop-party handlers in the shapes the pre-pass must
 * recognise as "can return NDIS_STATUS_PENDING", and one that cannot.
 * The driver registers as a stand-alone call manager and never completes a
 * drop (see pending.json.in; with.json.in adds completes.c).
 */
#include <ndis.h>

PROTOCOL_CM_DROP_PARTY PendingViaConditional01;
PROTOCOL_CM_DROP_PARTY PendingViaVariableChain02;
PROTOCOL_CM_DROP_PARTY PendingAsNtStatus03;
PROTOCOL_CM_DROP_PARTY NoWarnSyncOnly04;

NDIS_STATUS PendingViaConditional01(NDIS_HANDLE Ctx, PVOID Data, UINT Size) {
  return Size ? NDIS_STATUS_PENDING : NDIS_STATUS_SUCCESS;
}

NDIS_STATUS PendingViaVariableChain02(NDIS_HANDLE Ctx, PVOID Data, UINT Size) {
  NDIS_STATUS Status;
  NDIS_STATUS Result = NDIS_STATUS_SUCCESS;
  Status = NDIS_STATUS_PENDING;
  if (Size)
    Result = Status;
  return Result;
}

NDIS_STATUS PendingAsNtStatus03(NDIS_HANDLE Ctx, PVOID Data, UINT Size) {
  return (NDIS_STATUS)STATUS_PENDING;
}

NDIS_STATUS NoWarnSyncOnly04(NDIS_HANDLE Ctx, PVOID Data, UINT Size) {
  NDIS_STATUS Status = NDIS_STATUS_FAILURE;
  if (Size)
    Status = NDIS_STATUS_SUCCESS;
  return Status;
}

/* Not a drop handler: returning PENDING here is no drop-party business. */
NDIS_STATUS NoWarnNotAHandler05(void) { return NDIS_STATUS_PENDING; }

NDIS_STATUS RegisterAsCallManager(NDIS_HANDLE Binding) {
  CO_ADDRESS_FAMILY Af = {0};
  return NdisCmRegisterAddressFamilyEx(Binding, &Af);
}
