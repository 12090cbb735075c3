/*
 * miniport.c - registration: the only file that says which function is the
 * ISR, which the drop-party handler, and that the driver is an MCM.
 */
#include "adapter.h"

static NDIS_HANDLE WrapperHandle;
static CO_ADDRESS_FAMILY AddressFamily;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_CHARACTERISTICS Chars;
  NdisMInitializeWrapper(&WrapperHandle, DriverObject, RegistryPath, NULL);
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
  Chars.HandleInterruptHandler = MiniportHandleInterrupt;
  Chars.ISRHandler = MiniportIsr;
  return NdisMRegisterMiniport(WrapperHandle, &Chars, sizeof(Chars));
}

NDIS_STATUS RegisterCallManager(NDIS_HANDLE MiniportAdapterHandle) {
  NDIS_CALL_MANAGER_CHARACTERISTICS McmChars;
  NdisZeroMemory(&McmChars, sizeof(McmChars));
  McmChars.MajorVersion = 5;
  McmChars.CmDropPartyHandler = ProtocolCmDropParty;
  return NdisMCmRegisterAddressFamily(MiniportAdapterHandle, &AddressFamily,
                                      &McmChars, sizeof(McmChars));
}
