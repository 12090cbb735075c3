/*
 * cm_init.c - CSCM driver entry, handler registration, binding and the
 * address-family handlers of the stand-alone call manager.
 */
#include "cm.h"

NDIS_HANDLE CmProtocolHandle;
NPAGED_LOOKASIDE_LIST CmPartyLookaside;

static NDIS_STRING CmProtocolName = {0, 0, NULL};

_Use_decl_annotations_ NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject,
                                            PUNICODE_STRING RegistryPath) {
  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.MajorNdisVersion = NDIS_PROTOCOL_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_PROTOCOL_MINOR_VERSION;
  Chars.Name = CmProtocolName;
  Chars.SetOptionsHandler = CmSetOptions;
  Chars.BindAdapterHandlerEx = CmBindAdapter;
  Chars.UnbindAdapterHandlerEx = CmUnbindAdapter;

  NdisInitializeNPagedLookasideList(&CmPartyLookaside, NULL, NULL, 0,
                                    sizeof(CM_PARTY), CM_TAG, 0);
  Status = NdisRegisterProtocolDriver(NULL, &Chars, &CmProtocolHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    NdisDeleteNPagedLookasideList(&CmPartyLookaside);
  return (NTSTATUS)Status;
}

/* Registers the call-manager handlers and the CoNDIS protocol handlers. */
_Use_decl_annotations_ NDIS_STATUS CmSetOptions(NDIS_HANDLE NdisDriverHandle,
                                                NDIS_HANDLE DriverContext) {
  NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers = {
      .Header = {.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS,
                 .Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1,
                 .Size =
                     NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1},
      .CmCreateVcHandler = CmCreateVc,
      .CmDeleteVcHandler = CmDeleteVc,
      .CmOpenAfHandler = CmOpenAf,
      .CmCloseAfHandler = CmCloseAf,
      .CmRegisterSapHandler = CmRegisterSap,
      .CmDeregisterSapHandler = CmDeregisterSap,
      .CmMakeCallHandler = CmMakeCall,
      .CmCloseCallHandler = CmCloseCall,
      .CmIncomingCallCompleteHandler = CmIncomingCallComplete,
      .CmAddPartyHandler = CmAddParty,
      .CmDropPartyHandler = CmDropParty,
      .CmActivateVcCompleteHandler = CmActivateVcComplete,
      .CmDeactivateVcCompleteHandler = CmDeactivateVcComplete,
      .CmModifyCallQoSHandler = CmModifyCallQoS,
      .CmOidRequestHandler = CmOidRequest,
      .CmOidRequestCompleteHandler = CmOidRequestComplete,
      .CmNotifyCloseAfCompleteHandler = CmNotifyCloseAfComplete,
  };
  NDIS_PROTOCOL_CO_CHARACTERISTICS CoChars;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DriverContext);

  Status = NdisSetOptionalHandlers(
      NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CmHandlers);
  if (Status != NDIS_STATUS_SUCCESS)
    return Status;

  NdisZeroMemory(&CoChars, sizeof(CoChars));
  CoChars.Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
  CoChars.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  CoChars.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  CoChars.CoStatusHandlerEx = CmCoStatus;
  CoChars.CoAfRegisterNotifyHandler = CmAfRegisterNotify;
  CoChars.CoReceiveNetBufferListsHandler = CmReceiveNetBufferLists;
  CoChars.CoSendNetBufferListsCompleteHandler = CmSendNetBufferListsComplete;
  return NdisSetOptionalHandlers(
      NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CoChars);
}

/* Opens the CoNDIS miniport and offers CONTOSO_AF on it. */
_Use_decl_annotations_ NDIS_STATUS
CmBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
              PNDIS_BIND_PARAMETERS BindParameters) {
  static NDIS_MEDIUM Media[] = {NdisMediumCoWan};
  NDIS_OPEN_PARAMETERS Open;
  CO_ADDRESS_FAMILY Af = {CONTOSO_AF, 1, 0};
  PCM_ADAPTER Adapter;
  UINT MediumIndex = 0;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(ProtocolDriverContext);

  Adapter = NdisAllocateMemoryWithTagPriority(
      CmProtocolHandle, sizeof(*Adapter), CM_TAG, NormalPoolPriority);
  if (Adapter == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Adapter, sizeof(*Adapter));
  NdisAllocateSpinLock(&Adapter->Lock);

  NdisZeroMemory(&Open, sizeof(Open));
  Open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
  Open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
  Open.Header.Size = NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1;
  Open.AdapterName = BindParameters->AdapterName;
  Open.MediumArray = Media;
  Open.MediumArraySize = sizeof(Media) / sizeof(Media[0]);
  Open.SelectedMediumIndex = &MediumIndex;

  Status = NdisOpenAdapterEx(CmProtocolHandle, Adapter, &Open, BindContext,
                             &Adapter->NdisBindingHandle);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisFreeSpinLock(&Adapter->Lock);
    NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
    return Status;
  }

  Status = NdisCmRegisterAddressFamilyEx(Adapter->NdisBindingHandle, &Af);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisCloseAdapterEx(Adapter->NdisBindingHandle);
    NdisFreeSpinLock(&Adapter->Lock);
    NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  }
  return Status;
}

_Use_decl_annotations_ NDIS_STATUS
CmUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext) {
  PCM_ADAPTER Adapter = (PCM_ADAPTER)ProtocolBindingContext;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(UnbindContext);

  if (Adapter->Af != NULL) {
    // BUG (condis.Role): this driver registers with NdisRegisterProtocolDriver,
    // so it is a stand-alone call manager: the MCM form is not for it.
    Status = NdisMCmNotifyCloseAddressFamily(Adapter->Af->NdisAfHandle);
    if (Status == NDIS_STATUS_PENDING)
      return NDIS_STATUS_PENDING; /* CmNotifyCloseAfComplete finishes */
  }
  Status = NdisCloseAdapterEx(Adapter->NdisBindingHandle);
  NdisFreeSpinLock(&Adapter->Lock);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  return Status;
}

_Use_decl_annotations_ VOID CmAfRegisterNotify(
    NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY AddressFamily) {
  /* A call manager opens no address families of its own. */
  UNREFERENCED_PARAMETER(ProtocolBindingContext);
  UNREFERENCED_PARAMETER(AddressFamily);
}

_Use_decl_annotations_ VOID
CmCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
           PNDIS_STATUS_INDICATION StatusIndication) {
  UNREFERENCED_PARAMETER(ProtocolBindingContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(StatusIndication);
}

_Use_decl_annotations_ NDIS_STATUS CmOpenAf(NDIS_HANDLE CallMgrBindingContext,
                                            PCO_ADDRESS_FAMILY AddressFamily,
                                            NDIS_HANDLE NdisAfHandle,
                                            PNDIS_HANDLE CallMgrAfContext) {
  PCM_ADAPTER Adapter = (PCM_ADAPTER)CallMgrBindingContext;
  PCM_AF Af;

  if (AddressFamily->AddressFamily != CONTOSO_AF)
    return NDIS_STATUS_NOT_SUPPORTED;

  Af = NdisAllocateMemoryWithTagPriority(CmProtocolHandle, sizeof(*Af), CM_TAG,
                                         NormalPoolPriority);
  if (Af == NULL)
    return NDIS_STATUS_RESOURCES;
  Af->Adapter = Adapter;
  Af->NdisAfHandle = NdisAfHandle;

  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->Af = Af;
  NdisReleaseSpinLock(&Adapter->Lock);

  *CallMgrAfContext = Af;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS CmCloseAf(NDIS_HANDLE CallMgrAfContext) {
  PCM_AF Af = (PCM_AF)CallMgrAfContext;
  PCM_ADAPTER Adapter = Af->Adapter;

  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->Af = NULL;
  NdisReleaseSpinLock(&Adapter->Lock);

  NdisFreeMemory(Af, sizeof(*Af), 0);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID
CmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(CallMgrAfContext);
}

_Use_decl_annotations_ NDIS_STATUS
CmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
              NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext) {
  UNREFERENCED_PARAMETER(Sap);
  UNREFERENCED_PARAMETER(NdisSapHandle);
  /* Incoming calls are not offered: one SAP per AF, keyed by the AF. */
  *CallMgrSapContext = CallMgrAfContext;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
CmDeregisterSap(NDIS_HANDLE CallMgrSapContext) {
  UNREFERENCED_PARAMETER(CallMgrSapContext);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS CmCreateVc(NDIS_HANDLE ProtocolAfContext,
                                              NDIS_HANDLE NdisVcHandle,
                                              PNDIS_HANDLE ProtocolVcContext) {
  PCM_AF Af = (PCM_AF)ProtocolAfContext;
  PCM_VC Vc;

  Vc = NdisAllocateMemoryWithTagPriority(CmProtocolHandle, sizeof(*Vc), CM_TAG,
                                         NormalPoolPriority);
  if (Vc == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Vc, sizeof(*Vc));
  Vc->Adapter = Af->Adapter;
  Vc->NdisVcHandle = NdisVcHandle;
  NdisAllocateSpinLock(&Vc->Lock);
  InitializeListHead(&Vc->PartyList);
  *ProtocolVcContext = Vc;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS CmDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  PCM_VC Vc = (PCM_VC)ProtocolVcContext;

  NdisFreeSpinLock(&Vc->Lock);
  NdisFreeMemory(Vc, sizeof(*Vc), 0);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
CmOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
             NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  UNREFERENCED_PARAMETER(ProtocolAfContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  UNREFERENCED_PARAMETER(OidRequest);
  return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_ VOID CmOidRequestComplete(
    NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
    NDIS_STATUS Status) {
  UNREFERENCED_PARAMETER(ProtocolAfContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  UNREFERENCED_PARAMETER(OidRequest);
  UNREFERENCED_PARAMETER(Status);
}

_Use_decl_annotations_ NDIS_STATUS CmModifyCallQoS(
    NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters) {
  PCM_VC Vc = (PCM_VC)CallMgrVcContext;
  PCM_ADAPTER Adapter = Vc->Adapter;
  NDIS_STATUS Status;

  /* One MODIFY at a time; the switch's MODIFY ACK completes it in
   * CmReceiveNetBufferLists. */
  NdisAcquireSpinLock(&Adapter->Lock);
  if (Adapter->ModifyingVc != NULL) {
    NdisReleaseSpinLock(&Adapter->Lock);
    return NDIS_STATUS_RESOURCES;
  }
  Adapter->ModifyingVc = Vc;
  Adapter->ModifyParameters = CallParameters;
  NdisReleaseSpinLock(&Adapter->Lock);

  Status = CmSendSignal(Adapter, CM_MSG_MODIFY, Vc->CallRef, 0, NULL, 0);
  if (Status != NDIS_STATUS_SUCCESS) {
    Adapter->ModifyingVc = NULL;
    NdisCmModifyCallQoSComplete(Status, Vc->NdisVcHandle, CallParameters);
    /* BUG (condis.Completion): the failure is reported twice, by the
     * completion and by the return value. */
    return Status;
  }
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ VOID
CmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                       PCO_CALL_PARAMETERS CallParameters) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(CallMgrVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
}

NDIS_STATUS CmSendSignal(PCM_ADAPTER Adapter, UCHAR Type, ULONG CallRef,
                         ULONG EndpointRef, const UCHAR *Cause,
                         UINT CauseLength) {
  PCM_SIGNAL_PACKET Packet;

  if (CauseLength > CM_MAX_CAUSE_LENGTH)
    return NDIS_STATUS_INVALID_DATA;
  if (Adapter->SignallingVcHandle == NULL)
    return NDIS_STATUS_CLOSING;

  Packet = NdisAllocateMemoryWithTagPriority(CmProtocolHandle, sizeof(*Packet),
                                             CM_TAG, NormalPoolPriority);
  if (Packet == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Packet, sizeof(*Packet));
  Packet->Msg.Type = Type;
  Packet->Msg.CallRef = CallRef;
  Packet->Msg.EndpointRef = EndpointRef;
  Packet->Msg.CauseLength = (UCHAR)CauseLength;
  if (CauseLength != 0)
    NdisMoveMemory(Packet->Msg.Cause, Cause, CauseLength);

  /* Freed in CmSendNetBufferListsComplete. */
  NdisCoSendNetBufferLists(Adapter->SignallingVcHandle, &Packet->Nbl, 0);
  return NDIS_STATUS_SUCCESS;
}
