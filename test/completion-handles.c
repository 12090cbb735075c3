// condis.Completion: AF, SAP, VC and party handles are dead after the call
// that ends them (rules/handle-ends.def); a later NDIS call that uses one is
// reported, with a note where it died. Logging the value is not a use.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -analyzer-output=text -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -analyzer-output=text %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -analyzer-output=text %wdk_x86 -DNDIS630=1 -verify %s

#include "Inputs/cm-ops.h"

VOID closeAfThenUse01(POPS_AF Af, POPS_SAP Sap) {
  NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle); // expected-note{{Close-AF request completed here with NDIS_STATUS_SUCCESS (NdisCmCloseAddressFamilyComplete); the AF handle is invalid from now on}}
  NdisCmNotifyCloseAddressFamily(Af->NdisAfHandle); // expected-warning{{AF handle passed to NdisCmNotifyCloseAddressFamily after the close of the address family completed; the call manager must not use it any more}} \
  // expected-note{{AF handle passed to NdisCmNotifyCloseAddressFamily after the close of the address family completed}}
}

VOID failedOpenThenUse02(POPS_AF Af) {
  NdisMCmOpenAddressFamilyComplete(NDIS_STATUS_RESOURCES, Af->NdisAfHandle, Af); // expected-note{{Open-AF request completed here with a failure status (NdisMCmOpenAddressFamilyComplete); the AF handle is invalid from now on}}
  NdisMCmNotifyCloseAddressFamily(Af->NdisAfHandle); // expected-warning{{AF handle passed to NdisMCmNotifyCloseAddressFamily after the open completed with a failure status}} \
  // expected-note{{AF handle passed to NdisMCmNotifyCloseAddressFamily after the open completed with a failure status}}
}

VOID openedThenUse03(POPS_AF Af) {
  NdisCmOpenAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle, Af);
  NdisCmNotifyCloseAddressFamily(Af->NdisAfHandle); // no-warning
}

VOID failedSapThenUse04(POPS_SAP Sap, NDIS_STATUS Status) {
  NdisCmRegisterSapComplete(Status, Sap->NdisSapHandle, Sap); // expected-note{{Register-SAP request completed here (NdisCmRegisterSapComplete)}}
  if (Status != NDIS_STATUS_SUCCESS) // expected-note{{Assuming 'Status' is not equal to NDIS_STATUS_SUCCESS}} \
                                     // expected-note{{Taking true branch}}
    NdisCmDeregisterSapComplete(NDIS_STATUS_SUCCESS, Sap->NdisSapHandle); // expected-warning{{SAP handle passed to NdisCmDeregisterSapComplete after the registration completed with a failure status}} \
    // expected-note{{SAP handle passed to NdisCmDeregisterSapComplete after the registration completed with a failure status}}
}

VOID deletedVcThenUse05(POPS_VC Vc) {
  NdisCoDeleteVc(Vc->NdisVcHandle); // expected-note{{VC handle invalidated here (NdisCoDeleteVc); only a delete that fails leaves it usable}}
  NdisCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters); // expected-warning{{VC handle passed to NdisCmActivateVc after NdisCoDeleteVc deleted the VC}} \
  // expected-note{{VC handle passed to NdisCmActivateVc after NdisCoDeleteVc deleted the VC}}
}

VOID failedDeleteThenUse06(POPS_VC Vc) {
  if (NdisMCmDeleteVc(Vc->NdisVcHandle) != NDIS_STATUS_SUCCESS)
    NdisMCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters); // no-warning
}

VOID failedCallPartyThenUse07(POPS_VC Vc) {
  NdisCmMakeCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, Vc->NdisPartyHandle, NULL, NULL); // expected-note{{Make-call request completed here with a failure status (NdisCmMakeCallComplete); the party handle is invalid from now on}}
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Vc->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisCmDispatchIncomingDropParty after the call completed with a failure status}} \
  // expected-note{{Party handle passed to NdisCmDispatchIncomingDropParty after the call completed with a failure status}}
}

VOID connectedCallPartyThenUse08(POPS_VC Vc) {
  NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, Vc->NdisPartyHandle, NULL, NULL);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Vc->NdisPartyHandle, NULL, 0); // no-warning
}

VOID clientCloseAfThenUse09(POPS_AF Af, PCO_SAP Sap, POPS_SAP Ctx) {
  NdisClCloseAddressFamily(Af->NdisAfHandle); // expected-note{{AF handle invalidated here (NdisClCloseAddressFamily)}}
  NdisClRegisterSap(Af->NdisAfHandle, Ctx, Sap, &Ctx->NdisSapHandle); // expected-warning{{AF handle passed to NdisClRegisterSap after NdisClCloseAddressFamily invalidated it}} \
  // expected-note{{AF handle passed to NdisClRegisterSap after NdisClCloseAddressFamily invalidated it}}
}

VOID clientDeregisterThenUse10(POPS_SAP Sap) {
  NdisClDeregisterSap(Sap->NdisSapHandle); // expected-note{{SAP handle invalidated here (NdisClDeregisterSap)}}
  NdisClDeregisterSap(Sap->NdisSapHandle); // expected-warning{{SAP handle passed to NdisClDeregisterSap after NdisClDeregisterSap invalidated it}} \
  // expected-note{{SAP handle passed to NdisClDeregisterSap after NdisClDeregisterSap invalidated it}}
}

VOID loggedAfterDelete11(POPS_VC Vc) {
  NdisCoDeleteVc(Vc->NdisVcHandle);
  DbgPrint("deleted VC %p\n", Vc->NdisVcHandle); // no-warning
}

VOID notifyCompleteAfterClose12(POPS_AF Af) {
  NdisClCloseAddressFamily(Af->NdisAfHandle);
  NdisClNotifyCloseAddressFamilyComplete(Af->NdisAfHandle, NDIS_STATUS_SUCCESS); // no-warning: the notification is completed with the closed AF's handle
}

VOID rejectedParamsThenUse13(POPS_VC Vc, PCO_CALL_PARAMETERS Params) {
  NdisClIncomingCallComplete(NDIS_STATUS_NOT_ACCEPTED, Vc->NdisVcHandle, Params); // expected-note{{Incoming call completed here with a failure status (NdisClIncomingCallComplete); the call parameters are invalid from now on}}
  NdisClModifyCallQoS(Vc->NdisVcHandle, Params); // expected-warning{{Call parameters passed to NdisClModifyCallQoS after the client rejected the incoming call (NdisClIncomingCallComplete with a failure status); they belong to the call manager again}} \
  // expected-note{{Call parameters passed to NdisClModifyCallQoS after the client rejected the incoming call}}
}

VOID acceptedParamsThenUse14(POPS_VC Vc, PCO_CALL_PARAMETERS Params) {
  NdisClIncomingCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, Params);
  NdisClModifyCallQoS(Vc->NdisVcHandle, Params); // no-warning
}
