/*
 * protocol.c - a protocol edge that registers an address family with the
 * stand-alone call manager's function. Listed with miniport.c, in the same
 * directory, it leaves callmgr.c's driver without one role.
 */
#include <ndis.h>

static CO_ADDRESS_FAMILY ProtoAf;

NDIS_STATUS ProtoBindAdapterEx(NDIS_HANDLE BindingHandle) {
  return NdisCmRegisterAddressFamilyEx(BindingHandle, &ProtoAf);
}
