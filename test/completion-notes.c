// Path notes of condis.Completion, in the words of each operation's row.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -analyzer-output=text -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -analyzer-output=text %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -analyzer-output=text %wdk_x86 -DNDIS630=1 -verify %s

#include "Inputs/cm-ops.h"

VOID doubleNotes01(POPS_VC Vc, NDIS_STATUS Status) {
  NdisMCmModifyCallQoSComplete(Status, Vc->NdisVcHandle, NULL); // expected-note{{QoS change completed here (NdisMCmModifyCallQoSComplete)}}
  NdisMCmModifyCallQoSComplete(Status, Vc->NdisVcHandle, NULL); // expected-warning{{QoS change for this VC completed a second time by NdisMCmModifyCallQoSComplete}} \
  // expected-note{{QoS change for this VC completed a second time by NdisMCmModifyCallQoSComplete}}
}

static VOID keepVc(POPS_VC Vc) { Vc->Flags |= 2; }

PROTOCOL_CM_CLOSE_CALL helperKeepsNothing02;
NDIS_STATUS helperKeepsNothing02(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
                                 PVOID CloseData, UINT Size) {
  keepVc((POPS_VC)CallMgrVcContext); // expected-note{{'keepVc' returned without completing the close-call request or handing the VC off}}
  NDIS_STATUS Status = NDIS_STATUS_PENDING; // expected-note{{'Status' initialized to 259}}
  return Status; // expected-warning{{Close-call handler returns NDIS_STATUS_PENDING}} \
  // expected-note{{Close-call handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_DEREGISTER_SAP completedSyncNotes03;
NDIS_STATUS completedSyncNotes03(NDIS_HANDLE CallMgrSapContext) {
  POPS_SAP Sap = (POPS_SAP)CallMgrSapContext;
  NdisCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, Sap->NdisSapHandle); // expected-note{{Deregister-SAP request completed here with NDIS_STATUS_SUCCESS (NdisCmDeregisterSapComplete); the SAP handle is invalid from now on}}
  return NDIS_STATUS_SUCCESS; // expected-warning{{Deregister-SAP handler completed the deregister-SAP request and then returns a final status}} \
  // expected-note{{Deregister-SAP handler completed the deregister-SAP request and then returns a final status}}
}

VOID freedNotes04(POPS_AF Af) {
  NdisFreeMemory(Af, 0, 0); // expected-note{{Address family state freed here (NdisFreeMemory)}}
  NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle); // expected-warning{{Per-address family state released before NdisCmCloseAddressFamilyComplete}} \
  // expected-note{{Per-address family state released before NdisCmCloseAddressFamilyComplete}}
}
