/*
 * init.c - registration: a stand-alone call manager whose drop-party
 * handler is named by reg.h. No file of the driver completes a drop.
 */
#include <ndis.h>
#include "reg.h"

NDIS_STATUS PendingDrop(NDIS_HANDLE Ctx, PVOID Data, UINT Size);
NDIS_STATUS OtherDrop(NDIS_HANDLE Ctx, PVOID Data, UINT Size);

static NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;

NDIS_STATUS RegisterAsCallManager(NDIS_HANDLE Binding) {
  CO_ADDRESS_FAMILY Af = {0};
  CmHandlers.CmDropPartyHandler = DROP_HANDLER;
  return NdisCmRegisterAddressFamilyEx(Binding, &Af);
}
