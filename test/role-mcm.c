// condis.Role, miniport call manager: the role is inferred from the
// translation unit's registration calls. An MCM must call the NdisMCm* form
// of every API that has one; each NdisCm*/NdisCo* call below has one.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <ndis.h>

NDIS_HANDLE GlobalDriverHandle;
NDIS_HANDLE GlobalAdapterHandle;
CO_ADDRESS_FAMILY GlobalAf;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {0};
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, // #registration
                                     &GlobalDriverHandle);
}

NDIS_STATUS MyMiniportInitializeEx(NDIS_HANDLE MiniportAdapterHandle) {
  GlobalAdapterHandle = MiniportAdapterHandle;
  return NdisMCmRegisterAddressFamilyEx(MiniportAdapterHandle, &GlobalAf); // no-warning
}

// The note on every report says why the driver is taken for an MCM.
// expected-note@#registration 28 {{Driver registers as a miniport call manager here (NdisMRegisterMiniportDriver)}}

// ---- the stand-alone call manager functions, called directly ----

void mcmCallsCmForm01(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisCmActivateVc(Vc, Params); // expected-warning {{NdisCmActivateVc is for stand-alone call managers, but this driver is a miniport call manager; call NdisMCmActivateVc instead}}
}
void mcmCallsCmForm02(NDIS_HANDLE Party, PCO_CALL_PARAMETERS Params) {
  NdisCmAddPartyComplete(NDIS_STATUS_SUCCESS, Party, NULL, Params); // expected-warning {{NdisCmAddPartyComplete is for stand-alone call managers, but this driver is a miniport call manager; call NdisMCmAddPartyComplete instead}}
}
void mcmCallsCmForm03(NDIS_HANDLE Af) {
  NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af); // expected-warning {{call NdisMCmCloseAddressFamilyComplete instead}}
}
void mcmCallsCmForm04(NDIS_HANDLE Vc, NDIS_HANDLE Party) {
  NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, Party); // expected-warning {{call NdisMCmCloseCallComplete instead}}
}
void mcmCallsCmForm05(NDIS_HANDLE Vc) {
  NdisCmDeactivateVc(Vc); // expected-warning {{call NdisMCmDeactivateVc instead}}
}
void mcmCallsCmForm06(NDIS_HANDLE Sap) {
  NdisCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, Sap); // expected-warning {{call NdisMCmDeregisterSapComplete instead}}
}
void mcmCallsCmForm07(NDIS_HANDLE Vc) {
  NdisCmDispatchCallConnected(Vc); // expected-warning {{call NdisMCmDispatchCallConnected instead}}
}
void mcmCallsCmForm08(NDIS_HANDLE Sap, NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisCmDispatchIncomingCall(Sap, Vc, Params); // expected-warning {{call NdisMCmDispatchIncomingCall instead}}
}
void mcmCallsCmForm09(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisCmDispatchIncomingCallQoSChange(Vc, Params); // expected-warning {{call NdisMCmDispatchIncomingCallQoSChange instead}}
}
void mcmCallsCmForm10(NDIS_HANDLE Vc) {
  NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc, NULL, 0); // expected-warning {{call NdisMCmDispatchIncomingCloseCall instead}}
}
void mcmCallsCmForm11(NDIS_HANDLE Party) {
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party, NULL, 0); // expected-warning {{call NdisMCmDispatchIncomingDropParty instead}}
}
void mcmCallsCmForm12(NDIS_HANDLE Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // expected-warning {{NdisCmDropPartyComplete is for stand-alone call managers, but this driver is a miniport call manager; call NdisMCmDropPartyComplete instead}}
}
void mcmCallsCmForm13(NDIS_HANDLE Vc, NDIS_HANDLE Party, PCO_CALL_PARAMETERS Params) {
  NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc, Party, NULL, Params); // expected-warning {{call NdisMCmMakeCallComplete instead}}
}
void mcmCallsCmForm14(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisCmModifyCallQoSComplete(NDIS_STATUS_SUCCESS, Vc, Params); // expected-warning {{call NdisMCmModifyCallQoSComplete instead}}
}
NDIS_STATUS mcmCallsCmForm15(NDIS_HANDLE Af) {
  return NdisCmNotifyCloseAddressFamily(Af); // expected-warning {{call NdisMCmNotifyCloseAddressFamily instead}}
}
void mcmCallsCmForm16(NDIS_HANDLE Af, NDIS_HANDLE AfContext) {
  NdisCmOpenAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af, AfContext); // expected-warning {{call NdisMCmOpenAddressFamilyComplete instead}}
}
void mcmCallsCmForm17(NDIS_HANDLE Sap, NDIS_HANDLE SapContext) {
  NdisCmRegisterSapComplete(NDIS_STATUS_SUCCESS, Sap, SapContext); // expected-warning {{call NdisMCmRegisterSapComplete instead}}
}

// ---- the protocol-driver (NdisCo*) forms that have an MCM form ----

NDIS_STATUS mcmCallsCoForm01(NDIS_HANDLE Af, NDIS_HANDLE VcContext, PNDIS_HANDLE Vc) {
  return NdisCoCreateVc(GlobalAdapterHandle, Af, VcContext, Vc); // expected-warning {{NdisCoCreateVc is for CoNDIS protocol drivers (clients and stand-alone call managers), but this driver is a miniport call manager; call NdisMCmCreateVc instead}}
}
NDIS_STATUS mcmCallsCoForm02(NDIS_HANDLE Vc) {
  return NdisCoDeleteVc(Vc); // expected-warning {{call NdisMCmDeleteVc instead}}
}
NDIS_STATUS mcmCallsCoForm03(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_OID_REQUEST Req) {
  return NdisCoOidRequest(GlobalAdapterHandle, Af, Vc, NULL, Req); // expected-warning {{call NdisMCmOidRequest instead (it takes 4 arguments, not 5)}}
}
void mcmCallsCoForm04(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_OID_REQUEST Req) {
  NdisCoOidRequestComplete(Af, Vc, NULL, Req, NDIS_STATUS_SUCCESS); // expected-warning {{call NdisMCmOidRequestComplete instead}}
}
NDIS_STATUS mcmCallsCoForm05(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_REQUEST Req) {
  return NdisCoRequest(GlobalAdapterHandle, Af, Vc, NULL, Req); // expected-warning {{call NdisMCmRequest instead (it takes 4 arguments, not 5)}}
}
void mcmCallsCoForm06(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_REQUEST Req) {
  NdisCoRequestComplete(NDIS_STATUS_SUCCESS, Af, Vc, NULL, Req); // expected-warning {{call NdisMCmRequestComplete instead}}
}

// ---- macros: only the MCM macro itself is the MCM spelling ----

VOID MyLogFailure(ULONG Line);
#define MY_VERIFY(_e_) ((_e_) ? (void)0 : MyLogFailure(__LINE__))
#define MY_COMPLETE_DROP(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
#define MY_MCM_COMPLETE_DROP(_S_, _H_) NdisMCmDropPartyComplete(_S_, _H_)

// A call written as the argument of another macro is judged by its own text.
void mcmCallsCmFormInMacroArgument01(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  MY_VERIFY(NdisCmActivateVc(Vc, Params) == NDIS_STATUS_SUCCESS); // expected-warning {{call NdisMCmActivateVc instead}}
}
// ... even the argument of an MCM macro.
void mcmCallsCmFormInMacroArgument02(NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_OID_REQUEST Req) {
  NdisMCmOidRequestComplete(Af, Vc, NULL, Req, NdisCmDeactivateVc(Vc)); // expected-warning {{call NdisMCmDeactivateVc instead}}
}
// The driver's own wrapper over the CM function is still the CM spelling.
void mcmCallsCmFormThroughOwnMacro01(NDIS_HANDLE Party) {
  MY_COMPLETE_DROP(NDIS_STATUS_SUCCESS, Party); // expected-warning {{call NdisMCmDropPartyComplete instead}}
}

// A name built by token pasting is still the function's name.
#define MY_CALL_CM(_n_, ...) NdisCm##_n_(__VA_ARGS__)
#define MY_PASTED_DROP(_S_, _H_) MY_CALL_CM(DropPartyComplete, _S_, _H_)
void mcmCallsCmFormPastedName01(NDIS_HANDLE Party) {
  MY_CALL_CM(DropPartyComplete, NDIS_STATUS_SUCCESS, Party); // expected-warning {{call NdisMCmDropPartyComplete instead}}
  MY_PASTED_DROP(NDIS_STATUS_SUCCESS, Party);                // expected-warning {{call NdisMCmDropPartyComplete instead}}
}

// Wrappers of wrappers of the MCM macro are the MCM form.
#define MY_OUTER_DROP(_S_, _H_) MY_MCM_COMPLETE_DROP(_S_, _H_)
void noWarnMcmMacroThroughNestedMacros01(NDIS_HANDLE Party) {
  MY_OUTER_DROP(NDIS_STATUS_SUCCESS, Party); // no-warning
}

void noWarnMcmMacroInMacroArgument01(NDIS_HANDLE Af) {
  MY_VERIFY(NdisMCmNotifyCloseAddressFamily(Af) != NDIS_STATUS_FAILURE); // no-warning
}
void noWarnMcmMacroThroughOwnMacro01(NDIS_HANDLE Party) {
  MY_MCM_COMPLETE_DROP(NDIS_STATUS_SUCCESS, Party); // no-warning
}

// ---- every MCM form is right for an MCM ----

void noWarnMcmForms01(NDIS_HANDLE Af, NDIS_HANDLE Sap, NDIS_HANDLE Vc,
                      NDIS_HANDLE Party, PCO_CALL_PARAMETERS Params,
                      PNDIS_OID_REQUEST OidReq, PNDIS_REQUEST Req) {
  NDIS_HANDLE NewVc;
  NdisMCmCreateVc(GlobalAdapterHandle, Af, NULL, &NewVc);          // no-warning
  NdisMCmActivateVc(NewVc, Params);                                // no-warning
  NdisMCmDeactivateVc(NewVc);                                      // no-warning
  NdisMCmDeleteVc(NewVc);                                          // no-warning
  NdisMCmOidRequest(Af, Vc, Party, OidReq);                        // no-warning
  NdisMCmRequest(Af, Vc, Party, Req);                              // no-warning
  NdisMCmRequestComplete(NDIS_STATUS_SUCCESS, Af, Vc, Party, Req); // no-warning
  NdisMCmOidRequestComplete(Af, Vc, Party, OidReq, NDIS_STATUS_SUCCESS); // no-warning
  NdisMCmOpenAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af, NULL); // no-warning
  NdisMCmNotifyCloseAddressFamily(Af);                             // no-warning
  NdisMCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af);      // no-warning
  NdisMCmRegisterSapComplete(NDIS_STATUS_SUCCESS, Sap, NULL);      // no-warning
  NdisMCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, Sap);          // no-warning
  NdisMCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc, Party, NULL, Params); // no-warning
  NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc, Party);        // no-warning
  NdisMCmAddPartyComplete(NDIS_STATUS_SUCCESS, Party, NULL, Params); // no-warning
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);            // no-warning
  NdisMCmDispatchIncomingCall(Sap, Vc, Params);                    // no-warning
  NdisMCmDispatchCallConnected(Vc);                                // no-warning
  NdisMCmModifyCallQoSComplete(NDIS_STATUS_SUCCESS, Vc, Params);   // no-warning
  NdisMCmDispatchIncomingCallQoSChange(Vc, Params);                // no-warning
  NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc, NULL, 0); // no-warning
  NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party, NULL, 0); // no-warning
}

// APIs without an MCM form are not this checker's business.
void noWarnNoMcmForm01(NDIS_HANDLE Vc, PNET_BUFFER_LIST Nbls) {
  NdisCoSendNetBufferLists(Vc, Nbls, 0);                 // no-warning
  NdisMCoActivateVcComplete(NDIS_STATUS_SUCCESS, Vc, NULL); // no-warning
}
