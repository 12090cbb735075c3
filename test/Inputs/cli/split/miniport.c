/*
 * miniport.c - registration of a miniport call manager: the miniport edge
 * (NdisMRegisterMiniportDriver) and, per adapter, its address family
 * (NdisMCmRegisterAddressFamilyEx). Its CoNDIS calls are in callmgr.c.
 */
#include <ndis.h>

static NDIS_HANDLE MiniportDriverHandle;
static CO_ADDRESS_FAMILY AtmAf;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {0};
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars,
                                     &MiniportDriverHandle);
}

NDIS_STATUS MpInitializeEx(NDIS_HANDLE MiniportAdapterHandle) {
  return NdisMCmRegisterAddressFamilyEx(MiniportAdapterHandle, &AtmAf);
}
