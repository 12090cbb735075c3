/*
 * cm_proto_init.c - the same drop-party handler registered by a stand-alone
 * call manager: a protocol driver (NdisRegisterProtocolDriver) that
 * registers its address family with NdisCmRegisterAddressFamilyEx.
 */
#include "mcm.h"

static NDIS_HANDLE ProtocolHandle;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars = {0};
  return NdisRegisterProtocolDriver(NULL, &Chars, &ProtocolHandle);
}

NDIS_STATUS MyBindAdapter(NDIS_HANDLE BindingHandle) {
  NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Handlers = {
      .CmDropPartyHandler = MyCmDropParty,
  };
  CO_ADDRESS_FAMILY Af = {0};
  NdisSetOptionalHandlers(ProtocolHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Handlers);
  return NdisCmRegisterAddressFamilyEx(BindingHandle, &Af);
}
