/*
 * mcm_init.c - CoMcm registers as a miniport call manager; its drop-party
 * handler is CoMcmDropParty (mcm_party.c).
 */
#include "comcm.h"

static NDIS_HANDLE CoMcmDriverHandle;
static NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CoMcmCmHandlers;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {0};
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars,
                                     &CoMcmDriverHandle);
}

NDIS_STATUS CoMcmInitialize(NDIS_HANDLE MiniportAdapterHandle) {
  CO_ADDRESS_FAMILY Af = {0};
  CoMcmCmHandlers.CmDropPartyHandler = CoMcmDropParty;
  return NdisMCmRegisterAddressFamilyEx(MiniportAdapterHandle, &Af);
}
