// condis.Role, stand-alone call manager: the role is inferred from the
// translation unit's registration calls. A stand-alone call manager is a
// protocol driver and must not call any NdisMCm* form, whether the WDK
// writes it as a macro or as a function.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <ndis.h>

NDIS_HANDLE GlobalProtocolHandle;
CO_ADDRESS_FAMILY GlobalAf;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars = {0};
  return NdisRegisterProtocolDriver(NULL, &Chars, &GlobalProtocolHandle); // #registration
}

NDIS_STATUS MyBindAdapterEx(NDIS_HANDLE BindingHandle) {
  return NdisCmRegisterAddressFamilyEx(BindingHandle, &GlobalAf); // no-warning
}

// expected-note@#registration 26 {{Driver registers as a stand-alone call manager here (NdisRegisterProtocolDriver)}}

// ---- every NdisMCm* macro ----

void cmCallsMcmMacro01(NDIS_STATUS S, NDIS_HANDLE Af, NDIS_HANDLE Vc, NDIS_HANDLE Party, PNDIS_REQUEST Req) {
  NdisMCmRequestComplete(S, Af, Vc, Party, Req); // expected-warning {{NdisMCmRequestComplete is for miniport call managers, but this driver is a stand-alone call manager; call NdisCoRequestComplete instead}}
}
void cmCallsMcmMacro02(NDIS_STATUS S, NDIS_HANDLE Af, NDIS_HANDLE Vc, NDIS_HANDLE Party, PNDIS_OID_REQUEST Req) {
  NdisMCmOidRequestComplete(Af, Vc, Party, Req, S); // expected-warning {{call NdisCoOidRequestComplete instead}}
}
void cmCallsMcmMacro03(NDIS_STATUS S, NDIS_HANDLE Af) {
  NdisMCmOpenAddressFamilyComplete(S, Af, NULL); // expected-warning {{call NdisCmOpenAddressFamilyComplete instead}}
}
NDIS_STATUS cmCallsMcmMacro04(NDIS_HANDLE Af) {
  return NdisMCmNotifyCloseAddressFamily(Af); // expected-warning {{call NdisCmNotifyCloseAddressFamily instead}}
}
void cmCallsMcmMacro05(NDIS_STATUS S, NDIS_HANDLE Af) {
  NdisMCmCloseAddressFamilyComplete(S, Af); // expected-warning {{call NdisCmCloseAddressFamilyComplete instead}}
}
void cmCallsMcmMacro06(NDIS_STATUS S, NDIS_HANDLE Sap) {
  NdisMCmRegisterSapComplete(S, Sap, NULL); // expected-warning {{call NdisCmRegisterSapComplete instead}}
}
void cmCallsMcmMacro07(NDIS_STATUS S, NDIS_HANDLE Sap) {
  NdisMCmDeregisterSapComplete(S, Sap); // expected-warning {{call NdisCmDeregisterSapComplete instead}}
}
void cmCallsMcmMacro08(NDIS_STATUS S, NDIS_HANDLE Vc, NDIS_HANDLE Party, PCO_CALL_PARAMETERS Params) {
  NdisMCmMakeCallComplete(S, Vc, Party, NULL, Params); // expected-warning {{call NdisCmMakeCallComplete instead}}
}
void cmCallsMcmMacro09(NDIS_STATUS S, NDIS_HANDLE Vc, NDIS_HANDLE Party) {
  NdisMCmCloseCallComplete(S, Vc, Party); // expected-warning {{call NdisCmCloseCallComplete instead}}
}
void cmCallsMcmMacro10(NDIS_STATUS S, NDIS_HANDLE Party, PCO_CALL_PARAMETERS Params) {
  NdisMCmAddPartyComplete(S, Party, NULL, Params); // expected-warning {{call NdisCmAddPartyComplete instead}}
}
void cmCallsMcmMacro11(NDIS_STATUS S, NDIS_HANDLE Party) {
  NdisMCmDropPartyComplete(S, Party); // expected-warning {{NdisMCmDropPartyComplete is for miniport call managers, but this driver is a stand-alone call manager; call NdisCmDropPartyComplete instead}}
}
void cmCallsMcmMacro12(NDIS_HANDLE Sap, NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisMCmDispatchIncomingCall(Sap, Vc, Params); // expected-warning {{call NdisCmDispatchIncomingCall instead}}
}
void cmCallsMcmMacro13(NDIS_HANDLE Vc) {
  NdisMCmDispatchCallConnected(Vc); // expected-warning {{call NdisCmDispatchCallConnected instead}}
}
void cmCallsMcmMacro14(NDIS_STATUS S, NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisMCmModifyCallQoSComplete(S, Vc, Params); // expected-warning {{call NdisCmModifyCallQoSComplete instead}}
}
void cmCallsMcmMacro15(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisMCmDispatchIncomingCallQoSChange(Vc, Params); // expected-warning {{call NdisCmDispatchIncomingCallQoSChange instead}}
}
void cmCallsMcmMacro16(NDIS_STATUS S, NDIS_HANDLE Vc) {
  NdisMCmDispatchIncomingCloseCall(S, Vc, NULL, 0); // expected-warning {{call NdisCmDispatchIncomingCloseCall instead}}
}
void cmCallsMcmMacro17(NDIS_STATUS S, NDIS_HANDLE Party) {
  NdisMCmDispatchIncomingDropParty(S, Party, NULL, 0); // expected-warning {{call NdisCmDispatchIncomingDropParty instead}}
}

// ---- the MCM's real functions ----

NDIS_STATUS cmCallsMcmFunction01(NDIS_HANDLE Binding, NDIS_HANDLE Af, PNDIS_HANDLE Vc) {
  return NdisMCmCreateVc(Binding, Af, NULL, Vc); // expected-warning {{NdisMCmCreateVc is for miniport call managers, but this driver is a stand-alone call manager; call NdisCoCreateVc instead}}
}
NDIS_STATUS cmCallsMcmFunction02(NDIS_HANDLE Vc) {
  return NdisMCmDeleteVc(Vc); // expected-warning {{call NdisCoDeleteVc instead}}
}
NDIS_STATUS cmCallsMcmFunction03(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  return NdisMCmActivateVc(Vc, Params); // expected-warning {{call NdisCmActivateVc instead}}
}
NDIS_STATUS cmCallsMcmFunction04(NDIS_HANDLE Vc) {
  return NdisMCmDeactivateVc(Vc); // expected-warning {{call NdisCmDeactivateVc instead}}
}
NDIS_STATUS cmCallsMcmFunction05(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_OID_REQUEST Req) {
  return NdisMCmOidRequest(Af, Vc, NULL, Req); // expected-warning {{call NdisCoOidRequest instead (it takes 5 arguments, not 4)}}
}
NDIS_STATUS cmCallsMcmFunction06(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_REQUEST Req) {
  return NdisMCmRequest(Af, Vc, NULL, Req); // expected-warning {{call NdisCoRequest instead (it takes 5 arguments, not 4)}}
}

// ---- macros around the call ----

VOID MyLogFailure(ULONG Line);
#define MY_VERIFY(_e_) ((_e_) ? (void)0 : MyLogFailure(__LINE__))
#define MY_COMPLETE_DROP(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
#define MY_MCM_COMPLETE_DROP(_S_, _H_) NdisMCmDropPartyComplete(_S_, _H_)

void cmCallsMcmMacroInMacroArgument01(NDIS_HANDLE Af) {
  MY_VERIFY(NdisMCmNotifyCloseAddressFamily(Af) != NDIS_STATUS_FAILURE); // expected-warning {{call NdisCmNotifyCloseAddressFamily instead}}
}
void cmCallsMcmMacroThroughOwnMacro01(NDIS_HANDLE Party) {
  MY_MCM_COMPLETE_DROP(NDIS_STATUS_SUCCESS, Party); // expected-warning {{call NdisCmDropPartyComplete instead}}
}
// A CM call written as an argument of an MCM macro is still the CM's own.
void cmCallsMcmMacroAroundCmCall01(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_OID_REQUEST Req, PCO_CALL_PARAMETERS Params) {
  NdisMCmOidRequestComplete(Af, Vc, NULL, Req, NdisCmActivateVc(Vc, Params)); // expected-warning {{call NdisCoOidRequestComplete instead}}
}

void noWarnCmFormInMacroArgument01(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  MY_VERIFY(NdisCmActivateVc(Vc, Params) == NDIS_STATUS_SUCCESS); // no-warning
}
void noWarnCmFormThroughOwnMacro01(NDIS_HANDLE Party) {
  MY_COMPLETE_DROP(NDIS_STATUS_SUCCESS, Party); // no-warning
}

// ---- every CM and protocol-driver form is right for a CM ----

void noWarnCmForms01(NDIS_STATUS S, NDIS_HANDLE Binding, NDIS_HANDLE Af,
                     NDIS_HANDLE Sap, NDIS_HANDLE Vc, NDIS_HANDLE Party,
                     PCO_CALL_PARAMETERS Params, PNDIS_OID_REQUEST OidReq,
                     PNDIS_REQUEST Req) {
  NDIS_HANDLE NewVc;
  NdisCoCreateVc(Binding, Af, NULL, &NewVc);            // no-warning
  NdisCmActivateVc(NewVc, Params);                      // no-warning
  NdisCmDeactivateVc(NewVc);                            // no-warning
  NdisCoDeleteVc(NewVc);                                // no-warning
  NdisCoOidRequest(Binding, Af, Vc, Party, OidReq);     // no-warning
  NdisCoOidRequestComplete(Af, Vc, Party, OidReq, S);   // no-warning
  NdisCoRequest(Binding, Af, Vc, Party, Req);           // no-warning
  NdisCoRequestComplete(S, Af, Vc, Party, Req);         // no-warning
  NdisCmOpenAddressFamilyComplete(S, Af, NULL);         // no-warning
  NdisCmNotifyCloseAddressFamily(Af);                   // no-warning
  NdisCmCloseAddressFamilyComplete(S, Af);              // no-warning
  NdisCmRegisterSapComplete(S, Sap, NULL);              // no-warning
  NdisCmDeregisterSapComplete(S, Sap);                  // no-warning
  NdisCmMakeCallComplete(S, Vc, Party, NULL, Params);   // no-warning
  NdisCmCloseCallComplete(S, Vc, Party);                // no-warning
  NdisCmAddPartyComplete(S, Party, NULL, Params);       // no-warning
  NdisCmDropPartyComplete(S, Party);                    // no-warning
  NdisCmDispatchIncomingCall(Sap, Vc, Params);          // no-warning
  NdisCmDispatchCallConnected(Vc);                      // no-warning
  NdisCmModifyCallQoSComplete(S, Vc, Params);           // no-warning
  NdisCmDispatchIncomingCallQoSChange(Vc, Params);      // no-warning
  NdisCmDispatchIncomingCloseCall(S, Vc, NULL, 0);      // no-warning
  NdisCmDispatchIncomingDropParty(S, Party, NULL, 0);   // no-warning
}
