// condis.Completion and condis.DropParty are two names over one engine:
// each reports its own rows' findings, and enabling one does not bring the
// other's findings along.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify=drop %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -I %condis_inputs -verify=completion %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -I %condis_inputs -verify=drop,completion %s

#include "Inputs/cm-ops.h"

PROTOCOL_CM_DROP_PARTY dropPending01;
NDIS_STATUS dropPending01(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // drop-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_MAKE_CALL makeCallPending02;
NDIS_STATUS makeCallPending02(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                              NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  return NDIS_STATUS_PENDING; // completion-warning{{Make-call handler returns NDIS_STATUS_PENDING}}
}

VOID handles03(POPS_VC Vc) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Vc->NdisPartyHandle);
  NdisCoDeleteVc(Vc->NdisVcHandle);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Vc->NdisPartyHandle, NULL, 0); // drop-warning{{Party handle passed to NdisCmDispatchIncomingDropParty after the drop completed}}
  NdisCmActivateVc(Vc->NdisVcHandle, NULL); // completion-warning{{VC handle passed to NdisCmActivateVc after NdisCoDeleteVc deleted the VC}}
}
