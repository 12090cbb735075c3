// condis.Role notes with -analyzer-output=text: a call report points at the
// registration the role was inferred from; a conflict report points at the
// first registration. Nothing else: the reports are not path-sensitive.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN:   -I %condis_inputs -analyzer-output=text -verify=call %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN: -I %condis_inputs -analyzer-output=text -verify=call %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN:   -I %condis_inputs -analyzer-output=text -DBOTH_ROLES -verify=both %s

#include <ndis.h>

CO_ADDRESS_FAMILY GlobalAf;

NDIS_STATUS MyBindAdapterEx(NDIS_HANDLE BindingHandle) {
  return NdisCmRegisterAddressFamilyEx(BindingHandle, &GlobalAf);
  // call-note@-1 {{Driver registers as a stand-alone call manager here (NdisCmRegisterAddressFamilyEx)}}
  // both-note@-2 {{Driver registers as a stand-alone call manager here (NdisCmRegisterAddressFamilyEx)}}
}

#ifdef BOTH_ROLES
NDIS_STATUS MyMiniportInitializeEx(NDIS_HANDLE MiniportAdapterHandle) {
  return NdisMCmRegisterAddressFamilyEx(MiniportAdapterHandle, &GlobalAf);
  // both-warning@-1 {{Driver registers as a miniport call manager here (NdisMCmRegisterAddressFamilyEx) but as a stand-alone call manager elsewhere (NdisCmRegisterAddressFamilyEx)}}
  // both-note@-2 {{Driver registers as a miniport call manager here (NdisMCmRegisterAddressFamilyEx) but as a stand-alone call manager elsewhere (NdisCmRegisterAddressFamilyEx)}}
}
#endif

PROTOCOL_CM_DROP_PARTY MyCmDropParty;

NDIS_STATUS MyCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, *(PNDIS_HANDLE)CallMgrPartyContext);
  // call-warning@-1 {{NdisMCmDropPartyComplete is for miniport call managers, but this driver is a stand-alone call manager; call NdisCmDropPartyComplete instead}}
  // call-note@-2 {{NdisMCmDropPartyComplete is for miniport call managers, but this driver is a stand-alone call manager; call NdisCmDropPartyComplete instead}}
  return NDIS_STATUS_PENDING;
}
