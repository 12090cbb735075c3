/*
 * cm_init.c - registration: the driver is a miniport call manager
 * (NdisMRegisterMiniportDriver, NdisMCmRegisterAddressFamilyEx) and its
 * drop-party handler is MyCmDropParty.
 */
#include "mcm.h"

static NDIS_HANDLE MiniportDriverHandle;
static NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {0};
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars,
                                     &MiniportDriverHandle);
}

NDIS_STATUS MyMiniportInitialize(NDIS_HANDLE MiniportAdapterHandle) {
  CO_ADDRESS_FAMILY Af = {0};
  CmHandlers.CmDropPartyHandler = MyCmDropParty;
  return NdisMCmRegisterAddressFamilyEx(MiniportAdapterHandle, &Af);
}
