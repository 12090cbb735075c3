// condis.Completion: every operation of rules/operations.def other than
// drop party, one bug of each kind and its clean counterpart, in the CM and
// the MCM spelling: (a) pending without completion or hand-off, (b)
// completion after a synchronous return, (c) double completion, (d)
// NDIS_STATUS_PENDING as the completion status, (e) a status other than
// SUCCESS where only SUCCESS is allowed. Against the plain simulator (host
// and Windows triple) and the WDK-shaped one (test/Inputs/wdk), x64 and x86.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   %wdk_x86 -DNDIS630=1 -verify %s

#include "Inputs/cm-ops.h"

// ---- (a) pending without completion or hand-off ----------------------------

PROTOCOL_CM_OPEN_AF openAfPending01;
NDIS_STATUS openAfPending01(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily,
                            NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext) {
  return NDIS_STATUS_PENDING; // expected-warning{{Open-AF handler returns NDIS_STATUS_PENDING but on this path it neither completed the open-AF request nor handed the address family to a work item, timer, DPC or list that could; NDIS will wait forever for the completion, and the requester's NdisClOpenAddressFamilyEx never reaches its PROTOCOL_CL_OPEN_AF_COMPLETE_EX handler}}
}

PROTOCOL_CM_OPEN_AF openAfStored02;
NDIS_STATUS openAfStored02(NDIS_HANDLE CallMgrBindingContext, PCO_ADDRESS_FAMILY AddressFamily,
                           NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE CallMgrAfContext) {
  POPS_AF Af = (POPS_AF)NdisAllocateMemoryWithTagPriority(CallMgrBindingContext, sizeof(OPS_AF), 'fAsO', NormalPoolPriority);
  if (!Af)
    return NDIS_STATUS_RESOURCES;
  Af->NdisAfHandle = NdisAfHandle; // hands the request to the AF context
  *CallMgrAfContext = Af;
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_MAKE_CALL makeCallPending03;
NDIS_STATUS makeCallPending03(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                              NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  POPS_VC Vc = (POPS_VC)CallMgrVcContext;
  Vc->Flags |= 1;
  return NDIS_STATUS_PENDING; // expected-warning{{Make-call handler returns NDIS_STATUS_PENDING but on this path it neither completed the make-call request nor handed the VC}}
}

PROTOCOL_CM_MAKE_CALL makeCallQueued04;
NDIS_STATUS makeCallQueued04(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                             NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  POPS_VC Vc = (POPS_VC)CallMgrVcContext;
  NdisQueueIoWorkItem(Vc->WorkItem, OpsWorker, Vc);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_CLOSE_CALL closeCallPending05;
NDIS_STATUS closeCallPending05(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
                               PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // expected-warning{{Close-call handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_CLOSE_AF closeAfPending06;
NDIS_STATUS closeAfPending06(NDIS_HANDLE CallMgrAfContext) {
  return NDIS_STATUS_PENDING; // expected-warning{{Close-AF handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_REG_SAP regSapPending07;
NDIS_STATUS regSapPending07(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap, NDIS_HANDLE NdisSapHandle,
                            PNDIS_HANDLE CallMgrSapContext) {
  return NDIS_STATUS_PENDING; // expected-warning{{Register-SAP handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_DEREGISTER_SAP deregSapPending08;
NDIS_STATUS deregSapPending08(NDIS_HANDLE CallMgrSapContext) {
  return NDIS_STATUS_PENDING; // expected-warning{{Deregister-SAP handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_ADD_PARTY addPartyPending09;
NDIS_STATUS addPartyPending09(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                              NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  return NDIS_STATUS_PENDING; // expected-warning{{Add-party handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_MODIFY_QOS_CALL modifyQosPending10;
NDIS_STATUS modifyQosPending10(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters) {
  return NDIS_STATUS_PENDING; // expected-warning{{Modify-QoS handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CO_OID_REQUEST oidPending11;
NDIS_STATUS oidPending11(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
                         NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  return NDIS_STATUS_PENDING; // expected-warning{{OID-request handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CO_OID_REQUEST oidKept12;
NDIS_STATUS oidKept12(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
                      NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  GlobalPending = OidRequest; // a global keeps the request
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CL_INCOMING_CALL incomingPending13;
NDIS_STATUS incomingPending13(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
                              PCO_CALL_PARAMETERS CallParameters) {
  return NDIS_STATUS_PENDING; // expected-warning{{Incoming-call handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CL_NOTIFY_CLOSE_AF notifyClosePending14;
NDIS_STATUS notifyClosePending14(NDIS_HANDLE ClientAfContext) {
  return NDIS_STATUS_PENDING; // expected-warning{{Notify-close-AF handler returns NDIS_STATUS_PENDING}}
}

MINIPORT_CO_ACTIVATE_VC activatePending15;
NDIS_STATUS activatePending15(NDIS_HANDLE MiniportVcContext, PCO_CALL_PARAMETERS CallParameters) {
  return NDIS_STATUS_PENDING; // expected-warning{{Activate-VC handler returns NDIS_STATUS_PENDING}}
}

MINIPORT_CO_DEACTIVATE_VC deactivatePending16;
NDIS_STATUS deactivatePending16(NDIS_HANDLE MiniportVcContext) {
  return NDIS_STATUS_PENDING; // expected-warning{{Deactivate-VC handler returns NDIS_STATUS_PENDING}}
}

MINIPORT_CO_OID_REQUEST miniportOidPending17;
NDIS_STATUS miniportOidPending17(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE MiniportVcContext,
                                 PNDIS_OID_REQUEST NdisRequest) {
  return NDIS_STATUS_PENDING; // expected-warning{{Miniport OID-request handler returns NDIS_STATUS_PENDING}}
}

MINIPORT_CO_ACTIVATE_VC activateCompleted18;
NDIS_STATUS activateCompleted18(NDIS_HANDLE MiniportVcContext, PCO_CALL_PARAMETERS CallParameters) {
  POPS_VC Vc = (POPS_VC)MiniportVcContext;
  NdisMCoActivateVcComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, CallParameters);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_MAKE_CALL makeCallSync19;
NDIS_STATUS makeCallSync19(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                           NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  return NDIS_STATUS_SUCCESS; // no-warning
}

// ---- (b) completion after a synchronous return ------------------------------

PROTOCOL_CM_MAKE_CALL makeCallCompletedSync20;
NDIS_STATUS makeCallCompletedSync20(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                                    NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  POPS_VC Vc = (POPS_VC)CallMgrVcContext;
  NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NdisPartyHandle, NULL, CallParameters);
  return NDIS_STATUS_SUCCESS; // expected-warning{{Make-call handler completed the make-call request and then returns a final status; NDIS completes a synchronous make-call request itself}}
}

PROTOCOL_CM_MAKE_CALL makeCallCompletedSyncMcm21;
NDIS_STATUS makeCallCompletedSyncMcm21(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                                       NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  POPS_VC Vc = (POPS_VC)CallMgrVcContext;
  NdisMCmMakeCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, NULL, NULL, CallParameters);
  return NDIS_STATUS_FAILURE; // expected-warning{{Make-call handler completed the make-call request and then returns a final status}}
}

PROTOCOL_CL_INCOMING_CALL incomingCompletedSync22;
NDIS_STATUS incomingCompletedSync22(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
                                    PCO_CALL_PARAMETERS CallParameters) {
  POPS_VC Vc = (POPS_VC)ProtocolVcContext;
  NdisClIncomingCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, CallParameters);
  return NDIS_STATUS_FAILURE; // expected-warning{{Incoming-call handler completed the incoming call and then returns a final status}}
}

PROTOCOL_CO_OID_REQUEST oidCompletedSyncMcm23;
NDIS_STATUS oidCompletedSyncMcm23(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
                                  NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  NdisMCmOidRequestComplete(NULL, NULL, NULL, OidRequest, NDIS_STATUS_SUCCESS);
  return NDIS_STATUS_SUCCESS; // expected-warning{{OID-request handler completed the OID request and then returns a final status}}
}

PROTOCOL_CO_OID_REQUEST oidCompletedPending24;
NDIS_STATUS oidCompletedPending24(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
                                  NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  NdisCoOidRequestComplete(NULL, NULL, NULL, OidRequest, NDIS_STATUS_SUCCESS);
  return NDIS_STATUS_PENDING; // no-warning
}

// ---- (c) double completion --------------------------------------------------

VOID makeCallTwice25(POPS_VC Vc, NDIS_STATUS Status) {
  NdisCmMakeCallComplete(Status, Vc->NdisVcHandle, NULL, NULL, NULL);
  NdisCmMakeCallComplete(Status, Vc->NdisVcHandle, NULL, NULL, NULL); // expected-warning{{Make-call request for this VC completed a second time by NdisCmMakeCallComplete; complete each pended make-call request exactly once}}
}

VOID closeCallTwiceMcm26(POPS_VC Vc) {
  NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
  NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); // expected-warning{{Close-call request for this VC completed a second time by NdisMCmCloseCallComplete}}
}

VOID incomingTwice27(POPS_VC Vc, PCO_CALL_PARAMETERS Params) {
  NdisClIncomingCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, Params);
  NdisClIncomingCallComplete(NDIS_STATUS_FAILURE, Vc->NdisVcHandle, Params); // expected-warning{{Incoming call for this VC completed a second time by NdisClIncomingCallComplete}}
}

VOID miniportOidTwice28(NDIS_HANDLE Adapter, PNDIS_OID_REQUEST Request) {
  NdisMCoOidRequestComplete(Adapter, NULL, Request, NDIS_STATUS_SUCCESS);
  NdisMCoOidRequestComplete(Adapter, NULL, Request, NDIS_STATUS_SUCCESS); // expected-warning{{OID request for this request completed a second time by NdisMCoOidRequestComplete}}
}

VOID twoCallsOnce29(POPS_VC A, POPS_VC B) {
  NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, A->NdisVcHandle, NULL, NULL, NULL);
  NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, B->NdisVcHandle, NULL, NULL, NULL); // no-warning
}

VOID makeThenClose30(POPS_VC Vc) {
  NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, NULL, NULL);
  NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL); // no-warning
}

// ---- (d) NDIS_STATUS_PENDING as the completion status -----------------------

VOID pendingStatus31(POPS_VC Vc) {
  NdisCmModifyCallQoSComplete(NDIS_STATUS_PENDING, Vc->NdisVcHandle, NULL); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisCmModifyCallQoSComplete; a completion reports the final status of the QoS change}}
}

VOID pendingStatusMcm32(POPS_AF Af) {
  NdisMCmOpenAddressFamilyComplete(NDIS_STATUS_PENDING, Af->NdisAfHandle, Af); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisMCmOpenAddressFamilyComplete}}
}

VOID pendingStatusOidLast33(PNDIS_OID_REQUEST Request) {
  NdisMCmOidRequestComplete(NULL, NULL, NULL, Request, NDIS_STATUS_PENDING); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisMCmOidRequestComplete}}
}

VOID pendingStatusNotify34(POPS_AF Af) {
  NdisClNotifyCloseAddressFamilyComplete(Af->NdisAfHandle, NDIS_STATUS_PENDING); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisClNotifyCloseAddressFamilyComplete}}
}

VOID pendingStatusDeactivate35(POPS_VC Vc) {
  NdisMCoDeactivateVcComplete(NDIS_STATUS_PENDING, Vc->NdisVcHandle); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisMCoDeactivateVcComplete}}
}

VOID finalStatus36(POPS_VC Vc, NDIS_STATUS Status) {
  NdisCmAddPartyComplete(NDIS_STATUS_FAILURE, Vc->NdisPartyHandle, NULL, NULL); // no-warning
  NdisCmRegisterSapComplete(Status, NULL, NULL); // no-warning
}

// ---- (e) SUCCESS only ---------------------------------------------------------

VOID closeAfFailure37(POPS_AF Af) {
  NdisCmCloseAddressFamilyComplete(NDIS_STATUS_FAILURE, Af->NdisAfHandle); // expected-warning{{NdisCmCloseAddressFamilyComplete called with a status other than NDIS_STATUS_SUCCESS; the close-AF request cannot fail, so its completion takes NDIS_STATUS_SUCCESS only}}
}

VOID deregSapFailureMcm38(POPS_SAP Sap) {
  NDIS_STATUS Status = NDIS_STATUS_RESOURCES;
  NdisMCmDeregisterSapComplete(Status, Sap->NdisSapHandle); // expected-warning{{NdisMCmDeregisterSapComplete called with a status other than NDIS_STATUS_SUCCESS}}
}

VOID closeAfSuccess39(POPS_AF Af, POPS_SAP Sap, NDIS_STATUS Unknown) {
  NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle); // no-warning
  NdisCmDeregisterSapComplete(Unknown, Sap->NdisSapHandle); // no-warning
}

// ---- a request the handler made with its context pended: its callback finishes ----

PROTOCOL_CM_MAKE_CALL makeCallActivating40;
NDIS_STATUS makeCallActivating40(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                                 NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  POPS_VC Vc = (POPS_VC)CallMgrVcContext;
  NDIS_STATUS Status = NdisCmActivateVc(Vc->NdisVcHandle, CallParameters);
  if (Status == NDIS_STATUS_PENDING)
    return NDIS_STATUS_PENDING; // no-warning: ProtocolCmActivateVcComplete completes the call
  return Status;
}

PROTOCOL_CM_MAKE_CALL makeCallActivated41;
NDIS_STATUS makeCallActivated41(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                                NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  POPS_VC Vc = (POPS_VC)CallMgrVcContext;
  NDIS_STATUS Status = NdisMCmActivateVc(Vc->NdisVcHandle, CallParameters);
  if (Status == NDIS_STATUS_SUCCESS)
    return NDIS_STATUS_PENDING; // expected-warning{{Make-call handler returns NDIS_STATUS_PENDING but on this path it neither completed}}
  return Status;
}
