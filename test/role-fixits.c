// condis.Role fix-its: the spelled name is renamed to its counterpart, where
// the driver wrote it (in a macro argument, in the driver's own macro). No
// fix-it when the counterpart takes other arguments.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN:   -I %condis_inputs -analyzer-config condis.Role:DriverRole=mcm \
// RUN:   -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=MCM
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN:   -I %condis_inputs -analyzer-config condis.Role:DriverRole=cm -DCM_ROLE \
// RUN:   -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=CM
//
// Applied (comments stripped so that the checks do not match themselves):
// RUN: cp %s %t.mcm.c
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN:   -I %condis_inputs -analyzer-config condis.Role:DriverRole=mcm \
// RUN:   -analyzer-config apply-fixits=true %t.mcm.c 2>/dev/null
// RUN: sed -e 's://.*$::' %t.mcm.c | FileCheck %s --check-prefix=MCM-FIXED
// RUN: cp %s %t.cm.c
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN:   -I %condis_inputs -analyzer-config condis.Role:DriverRole=cm -DCM_ROLE \
// RUN:   -analyzer-config apply-fixits=true %t.cm.c 2>/dev/null
// RUN: sed -e 's://.*$::' %t.cm.c | FileCheck %s --check-prefix=CM-FIXED

#include <ndis.h>

VOID MyLogFailure(ULONG Line);
#define MY_VERIFY(_e_) ((_e_) ? (void)0 : MyLogFailure(__LINE__))

#ifndef CM_ROLE
void fixMcmCallsCmForm01(NDIS_HANDLE Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);
  // MCM: fix-it:"{{.*}}role-fixits.c":{[[@LINE-1]]:3-[[@LINE-1]]:26}:"NdisMCmDropPartyComplete"
  // MCM-FIXED: {{^}}  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);
}

NDIS_STATUS fixMcmCallsCoForm01(NDIS_HANDLE Adapter, NDIS_HANDLE Af, PNDIS_HANDLE Vc) {
  return NdisCoCreateVc(Adapter, Af, NULL, Vc);
  // MCM: fix-it:"{{.*}}role-fixits.c":{[[@LINE-1]]:10-[[@LINE-1]]:24}:"NdisMCmCreateVc"
  // MCM-FIXED: {{^}}  return NdisMCmCreateVc(Adapter, Af, NULL, Vc);
}

void fixMcmCallsCmFormInMacroArgument01(NDIS_HANDLE Vc, PCO_CALL_PARAMETERS Params) {
  MY_VERIFY(NdisCmActivateVc(Vc, Params) == NDIS_STATUS_SUCCESS);
  // MCM: fix-it:"{{.*}}role-fixits.c":{[[@LINE-1]]:13-[[@LINE-1]]:29}:"NdisMCmActivateVc"
  // MCM-FIXED: {{^}}  MY_VERIFY(NdisMCmActivateVc(Vc, Params) == NDIS_STATUS_SUCCESS);
}

// The fix goes where the name is written: the driver's macro.
#define MY_COMPLETE_DROP(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
// MCM: fix-it:"{{.*}}role-fixits.c":{[[@LINE-1]]:36-[[@LINE-1]]:59}:"NdisMCmDropPartyComplete"
// MCM-FIXED: #define MY_COMPLETE_DROP(_S_, _H_) NdisMCmDropPartyComplete(_S_, _H_)
void fixMcmCallsCmFormThroughOwnMacro01(NDIS_HANDLE Party) {
  MY_COMPLETE_DROP(NDIS_STATUS_SUCCESS, Party);
}

// A pasted name is not written anywhere: no fix-it.
#define MY_CALL_CM(_n_, ...) NdisCm##_n_(__VA_ARGS__)
void noFixPastedName01(NDIS_HANDLE Party) {
  MY_CALL_CM(DropPartyComplete, NDIS_STATUS_SUCCESS, Party);
  // MCM: warning: NdisCmDropPartyComplete is for stand-alone call managers
  // MCM-NOT: fix-it:
}

// NdisMCmOidRequest takes no binding handle: renaming would not compile.
NDIS_STATUS noFixArityDiffers01(NDIS_HANDLE Adapter, NDIS_HANDLE Af, NDIS_HANDLE Vc, PNDIS_OID_REQUEST Req) {
  return NdisCoOidRequest(Adapter, Af, Vc, NULL, Req);
  // MCM: warning: NdisCoOidRequest is for CoNDIS protocol drivers {{.*}}; call NdisMCmOidRequest instead (it takes 4 arguments, not 5)
  // MCM-NOT: fix-it:{{.*}}NdisMCmOidRequest
  // MCM-FIXED: {{^}}  return NdisCoOidRequest(Adapter, Af, Vc, NULL, Req);
}
#else
void fixCmCallsMcmMacro01(NDIS_HANDLE Party) {
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);
  // CM: fix-it:"{{.*}}role-fixits.c":{[[@LINE-1]]:3-[[@LINE-1]]:27}:"NdisCmDropPartyComplete"
  // CM-FIXED: {{^}}  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);
}

void fixCmCallsMcmMacroInMacroArgument01(NDIS_HANDLE Af) {
  MY_VERIFY(NdisMCmNotifyCloseAddressFamily(Af) == NDIS_STATUS_SUCCESS);
  // CM: fix-it:"{{.*}}role-fixits.c":{[[@LINE-1]]:13-[[@LINE-1]]:44}:"NdisCmNotifyCloseAddressFamily"
  // CM-FIXED: {{^}}  MY_VERIFY(NdisCmNotifyCloseAddressFamily(Af) == NDIS_STATUS_SUCCESS);
}

NDIS_STATUS fixCmCallsMcmFunction01(NDIS_HANDLE Vc) {
  return NdisMCmDeleteVc(Vc);
  // CM: fix-it:"{{.*}}role-fixits.c":{[[@LINE-1]]:10-[[@LINE-1]]:25}:"NdisCoDeleteVc"
  // CM-FIXED: {{^}}  return NdisCoDeleteVc(Vc);
}

// The driver's own macro over the CM function is right for a CM.
#define MY_COMPLETE_DROP(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
// CM-FIXED: #define MY_COMPLETE_DROP(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
void noFixCmOwnMacro01(NDIS_HANDLE Party) {
  MY_COMPLETE_DROP(NDIS_STATUS_SUCCESS, Party);
}
#endif
