// condis.Role with mingw-w64's DDK ndis.h (NDIS 5, no NdisMCm* macros, no
// NDIS 6 functions), compiled through test/Inputs/mingw-compat/ndis.h. An
// MCM can then only write the NdisCm* function: it is still the wrong form
// for an MCM, but the report has no fix-it and says the header lacks the MCM
// form. A driver that defines the WDK's macro itself is understood.
//
// RUN: %clang_analyze_cc1 -triple x86_64-w64-mingw32 -fgnuc-version=4.2.1 -Wno-#warnings -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs/mingw-compat \
// RUN:   -isystem /usr/share/mingw-w64/include/ddk -isystem /usr/share/mingw-w64/include \
// RUN:   -verify=mcm %s
// RUN: %clang_analyze_cc1 -triple x86_64-w64-mingw32 -fgnuc-version=4.2.1 -Wno-#warnings -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs/mingw-compat \
// RUN:   -isystem /usr/share/mingw-w64/include/ddk -isystem /usr/share/mingw-w64/include \
// RUN:   -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=MCM
// RUN: %clang_analyze_cc1 -triple x86_64-w64-mingw32 -fgnuc-version=4.2.1 -Wno-#warnings -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs/mingw-compat \
// RUN:   -isystem /usr/share/mingw-w64/include/ddk -isystem /usr/share/mingw-w64/include \
// RUN:   -DCM_DRIVER -verify=cm %s
// RUN: %clang_analyze_cc1 -triple x86_64-w64-mingw32 -fgnuc-version=4.2.1 -Wno-#warnings -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs/mingw-compat \
// RUN:   -isystem /usr/share/mingw-w64/include/ddk -isystem /usr/share/mingw-w64/include \
// RUN:   -DOWN_MCM_MACRO -verify=shim %s

#include <ndis.h>

#ifndef NdisMCmDropPartyComplete
#ifdef OWN_MCM_MACRO
// What the WDK's km/ndis.h defines.
#define NdisMCmDropPartyComplete(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
#endif
#else
#error "mingw-w64's ndis.h is expected to lack the NdisMCm* macros"
#endif

NDIS_HANDLE GlobalAdapterHandle;
CO_ADDRESS_FAMILY GlobalAf;
NDIS_CALL_MANAGER_CHARACTERISTICS GlobalCmChars;

#ifndef CM_DRIVER
NDIS_STATUS MyMiniportInitialize(NDIS_HANDLE MiniportAdapterHandle) {
  GlobalAdapterHandle = MiniportAdapterHandle;
  return NdisMCmRegisterAddressFamily(MiniportAdapterHandle, &GlobalAf, // #registration
                                      &GlobalCmChars, sizeof(GlobalCmChars));
}
// mcm-note@#registration 2 {{Driver registers as a miniport call manager here (NdisMCmRegisterAddressFamily)}}
// shim-note@#registration {{Driver registers as a miniport call manager here (NdisMCmRegisterAddressFamily)}}

NDIS_STATUS MyCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  NDIS_HANDLE Party = *(PNDIS_HANDLE)CallMgrPartyContext;
#ifndef OWN_MCM_MACRO
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // mcm-warning {{NdisCmDropPartyComplete is for stand-alone call managers, but this driver is a miniport call manager; call NdisMCmDropPartyComplete instead (the headers in use do not declare it; the WDK's ndis.h does)}}
  // MCM-NOT: fix-it:{{.*}}"NdisMCmDropPartyComplete"
#else
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // no-warning
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // shim-warning {{call NdisMCmDropPartyComplete instead}}
#endif
  return NDIS_STATUS_PENDING;
}

NDIS_STATUS mingwMcmCallsCoForm01(NDIS_HANDLE Af, PNDIS_HANDLE Vc) {
#ifndef OWN_MCM_MACRO
  return NdisCoCreateVc(GlobalAdapterHandle, Af, NULL, Vc); // mcm-warning {{call NdisMCmCreateVc instead}}
  // MCM: fix-it:"{{.*}}role-mingw.c":{[[@LINE-1]]:10-[[@LINE-1]]:24}:"NdisMCmCreateVc"
#else
  return NdisMCmCreateVc(GlobalAdapterHandle, Af, NULL, Vc); // no-warning
#endif
}
#else
NDIS_STATUS MyBindAdapter(NDIS_HANDLE BindingHandle) {
  return NdisCmRegisterAddressFamily(BindingHandle, &GlobalAf, &GlobalCmChars, // #registration
                                     sizeof(GlobalCmChars));
}
// cm-note@#registration {{Driver registers as a stand-alone call manager here (NdisCmRegisterAddressFamily)}}

NDIS_STATUS mingwCmCallsMcmFunction01(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Vc); // no-warning
  return NdisMCmActivateVc(Vc, Params); // cm-warning {{NdisMCmActivateVc is for miniport call managers, but this driver is a stand-alone call manager; call NdisCmActivateVc instead}}
}
#endif
