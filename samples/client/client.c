/*
 * client.c - Contoso multicast feed client (CoNDIS client).
 *
 * Opens the CONTOSO_AF address family when a call manager offers it, makes
 * one point-to-multipoint call and adds and drops leaves ("parties") on it.
 * Dropping follows the documented contract: NdisClDropParty for every leaf
 * but the last, and when NdisClDropParty does not pend, the client runs its
 * own ProtocolClDropPartyComplete with the returned status. A drop that
 * completes with NDIS_STATUS_FAILURE means the leaf was the last one, and
 * the call is closed with NdisClCloseCall instead.
 */
#include <ndis.h>

#define CL_TAG 'lCcC'
#define CONTOSO_AF 0x8001
#define OID_CONTOSO_LEAF_STATUS 0xFF010001
#define OID_CONTOSO_LEAF_COUNTERS 0xFF010003

typedef enum _CL_PARTY_STATE {
  ClPartyAdding,
  ClPartyConnected,
  ClPartyDropping,
  ClPartyClosing
} CL_PARTY_STATE;

typedef struct _CL_ADAPTER CL_ADAPTER, *PCL_ADAPTER;
typedef struct _CL_VC CL_VC, *PCL_VC;

typedef struct _CL_PARTY {
  LIST_ENTRY Link; /* on CL_VC.PartyList, under CL_VC.Lock */
  PCL_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  CL_PARTY_STATE State;
  ULONG LeafAddress;
} CL_PARTY, *PCL_PARTY;

struct _CL_VC {
  PCL_ADAPTER Adapter;
  NDIS_HANDLE NdisVcHandle;
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PartyList;
  LONG PartyCount;
};

struct _CL_ADAPTER {
  NDIS_HANDLE NdisBindingHandle;
  NDIS_HANDLE NdisAfHandle;
  PCL_VC Vc; /* the multipoint feed call */
};

typedef struct _CL_LEAF_RECORD {
  ULONG LegId;
  ULONG LegActive;
  ULONG CellsSent;
} CL_LEAF_RECORD, *PCL_LEAF_RECORD;

/* A counters query; freed in ClOidRequestComplete. */
typedef struct _CL_COUNTERS_REQUEST {
  NDIS_OID_REQUEST Request;
  CL_LEAF_RECORD Record;
} CL_COUNTERS_REQUEST, *PCL_COUNTERS_REQUEST;

static NDIS_HANDLE ClProtocolHandle;
static NDIS_STRING ClProtocolName = {0, 0, NULL};
static CO_CALL_PARAMETERS ClFeedParameters;

DRIVER_INITIALIZE DriverEntry;
PROTOCOL_SET_OPTIONS ClSetOptions;
PROTOCOL_BIND_ADAPTER_EX ClBindAdapter;
PROTOCOL_UNBIND_ADAPTER_EX ClUnbindAdapter;
PROTOCOL_CO_AF_REGISTER_NOTIFY ClAfRegisterNotify;
PROTOCOL_CO_STATUS_EX ClCoStatus;
PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS ClReceiveNetBufferLists;
PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE ClSendNetBufferListsComplete;
PROTOCOL_CO_CREATE_VC ClCreateVc;
PROTOCOL_CO_DELETE_VC ClDeleteVc;
PROTOCOL_CO_OID_REQUEST ClOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE ClOidRequestComplete;
PROTOCOL_CL_OPEN_AF_COMPLETE_EX ClOpenAfCompleteEx;
PROTOCOL_CL_CLOSE_AF_COMPLETE ClCloseAfComplete;
PROTOCOL_CL_REGISTER_SAP_COMPLETE ClRegisterSapComplete;
PROTOCOL_CL_DEREGISTER_SAP_COMPLETE ClDeregisterSapComplete;
PROTOCOL_CL_MAKE_CALL_COMPLETE ClMakeCallComplete;
PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE ClModifyCallQoSComplete;
PROTOCOL_CL_CLOSE_CALL_COMPLETE ClCloseCallComplete;
PROTOCOL_CL_ADD_PARTY_COMPLETE ClAddPartyComplete;
PROTOCOL_CL_DROP_PARTY_COMPLETE ClDropPartyComplete;
PROTOCOL_CL_INCOMING_CALL ClIncomingCall;
PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE ClIncomingCallQoSChange;
PROTOCOL_CL_INCOMING_CLOSE_CALL ClIncomingCloseCall;
PROTOCOL_CL_INCOMING_DROP_PARTY ClIncomingDropParty;
PROTOCOL_CL_CALL_CONNECTED ClCallConnected;
PROTOCOL_CL_NOTIFY_CLOSE_AF ClNotifyCloseAf;

static NDIS_CO_CLIENT_OPTIONAL_HANDLERS ClHandlers = {
    .Header = {.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS,
               .Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1,
               .Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1},
    .ClCreateVcHandler = ClCreateVc,
    .ClDeleteVcHandler = ClDeleteVc,
    .ClOidRequestHandler = ClOidRequest,
    .ClOidRequestCompleteHandler = ClOidRequestComplete,
    .ClOpenAfCompleteHandlerEx = ClOpenAfCompleteEx,
    .ClCloseAfCompleteHandler = ClCloseAfComplete,
    .ClRegisterSapCompleteHandler = ClRegisterSapComplete,
    .ClDeregisterSapCompleteHandler = ClDeregisterSapComplete,
    .ClMakeCallCompleteHandler = ClMakeCallComplete,
    .ClModifyCallQoSCompleteHandler = ClModifyCallQoSComplete,
    .ClCloseCallCompleteHandler = ClCloseCallComplete,
    .ClAddPartyCompleteHandler = ClAddPartyComplete,
    .ClDropPartyCompleteHandler = ClDropPartyComplete,
    .ClIncomingCallHandler = ClIncomingCall,
    .ClIncomingCallQoSChangeHandler = ClIncomingCallQoSChange,
    .ClIncomingCloseCallHandler = ClIncomingCloseCall,
    .ClIncomingDropPartyHandler = ClIncomingDropParty,
    .ClCallConnectedHandler = ClCallConnected,
    .ClNotifyCloseAfHandler = ClNotifyCloseAf,
};

/* ---------------------------------------------------------------------- */
/* Driver and binding                                                     */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject,
                                            PUNICODE_STRING RegistryPath) {
  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;

  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.MajorNdisVersion = NDIS_PROTOCOL_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_PROTOCOL_MINOR_VERSION;
  Chars.Name = ClProtocolName;
  Chars.SetOptionsHandler = ClSetOptions;
  Chars.BindAdapterHandlerEx = ClBindAdapter;
  Chars.UnbindAdapterHandlerEx = ClUnbindAdapter;
  return (NTSTATUS)NdisRegisterProtocolDriver(NULL, &Chars, &ClProtocolHandle);
}

_Use_decl_annotations_ NDIS_STATUS ClSetOptions(NDIS_HANDLE NdisDriverHandle,
                                                NDIS_HANDLE DriverContext) {
  NDIS_PROTOCOL_CO_CHARACTERISTICS CoChars;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DriverContext);

  Status = NdisSetOptionalHandlers(
      NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&ClHandlers);
  if (Status != NDIS_STATUS_SUCCESS)
    return Status;

  NdisZeroMemory(&CoChars, sizeof(CoChars));
  CoChars.Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
  CoChars.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  CoChars.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  CoChars.CoStatusHandlerEx = ClCoStatus;
  CoChars.CoAfRegisterNotifyHandler = ClAfRegisterNotify;
  CoChars.CoReceiveNetBufferListsHandler = ClReceiveNetBufferLists;
  CoChars.CoSendNetBufferListsCompleteHandler = ClSendNetBufferListsComplete;
  return NdisSetOptionalHandlers(
      NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CoChars);
}

_Use_decl_annotations_ NDIS_STATUS
ClBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
              PNDIS_BIND_PARAMETERS BindParameters) {
  static NDIS_MEDIUM Media[] = {NdisMediumCoWan};
  NDIS_OPEN_PARAMETERS Open;
  PCL_ADAPTER Adapter;
  UINT MediumIndex = 0;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(ProtocolDriverContext);

  Adapter = NdisAllocateMemoryWithTagPriority(
      ClProtocolHandle, sizeof(*Adapter), CL_TAG, NormalPoolPriority);
  if (Adapter == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Adapter, sizeof(*Adapter));

  NdisZeroMemory(&Open, sizeof(Open));
  Open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
  Open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
  Open.Header.Size = NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1;
  Open.AdapterName = BindParameters->AdapterName;
  Open.MediumArray = Media;
  Open.MediumArraySize = sizeof(Media) / sizeof(Media[0]);
  Open.SelectedMediumIndex = &MediumIndex;

  Status = NdisOpenAdapterEx(ClProtocolHandle, Adapter, &Open, BindContext,
                             &Adapter->NdisBindingHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  return Status;
}

_Use_decl_annotations_ NDIS_STATUS
ClUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext) {
  PCL_ADAPTER Adapter = (PCL_ADAPTER)ProtocolBindingContext;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(UnbindContext);

  Status = NdisCloseAdapterEx(Adapter->NdisBindingHandle);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  return Status;
}

_Use_decl_annotations_ VOID ClAfRegisterNotify(
    NDIS_HANDLE ProtocolBindingContext, PCO_ADDRESS_FAMILY AddressFamily) {
  PCL_ADAPTER Adapter = (PCL_ADAPTER)ProtocolBindingContext;
  NDIS_STATUS Status;

  if (AddressFamily->AddressFamily != CONTOSO_AF ||
      Adapter->NdisAfHandle != NULL)
    return;
  Status = NdisClOpenAddressFamilyEx(Adapter->NdisBindingHandle, AddressFamily,
                                     Adapter, &Adapter->NdisAfHandle);
  if (Status != NDIS_STATUS_PENDING)
    ClOpenAfCompleteEx(Adapter, Adapter->NdisAfHandle, Status);
}

/* ---------------------------------------------------------------------- */
/* Parties                                                                */
/* ---------------------------------------------------------------------- */

static PCL_PARTY ClpAllocateParty(PCL_VC Vc, ULONG LeafAddress) {
  PCL_PARTY Party;

  Party = NdisAllocateMemoryWithTagPriority(ClProtocolHandle, sizeof(*Party),
                                            CL_TAG, NormalPoolPriority);
  if (Party == NULL)
    return NULL;
  NdisZeroMemory(Party, sizeof(*Party));
  Party->Vc = Vc;
  Party->State = ClPartyAdding;
  Party->LeafAddress = LeafAddress;

  NdisAcquireSpinLock(&Vc->Lock);
  InsertTailList(&Vc->PartyList, &Party->Link);
  Vc->PartyCount++;
  NdisReleaseSpinLock(&Vc->Lock);
  return Party;
}

static VOID ClpFreeParty(PCL_PARTY Party) {
  PCL_VC Vc = Party->Vc;

  NdisAcquireSpinLock(&Vc->Lock);
  RemoveEntryList(&Party->Link);
  Vc->PartyCount--;
  NdisReleaseSpinLock(&Vc->Lock);
  NdisFreeMemory(Party, sizeof(*Party), 0);
}

/* Closes the call; Last is the one remaining party (multipoint) or NULL. */
static VOID ClpCloseCall(PCL_VC Vc, PCL_PARTY Last) {
  NDIS_STATUS Status;

  if (Last != NULL)
    Last->State = ClPartyClosing;
  Status = NdisClCloseCall(
      Vc->NdisVcHandle, Last != NULL ? Last->NdisPartyHandle : NULL, NULL, 0);
  if (Status != NDIS_STATUS_PENDING)
    ClCloseCallComplete(Status, Vc, Last);
}

/* Drops one leaf; the last leaf turns into a close-call in
 * ClDropPartyComplete. */
static VOID ClpDropLeaf(PCL_PARTY Party) {
  NDIS_STATUS Status;

  Party->State = ClPartyDropping;
  Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  if (Status != NDIS_STATUS_PENDING)
    ClDropPartyComplete(Status, Party);
}

static VOID ClpAddLeaf(PCL_VC Vc, ULONG LeafAddress) {
  PCL_PARTY Party;
  NDIS_STATUS Status;

  Party = ClpAllocateParty(Vc, LeafAddress);
  if (Party == NULL)
    return;
  Status = NdisClAddParty(Vc->NdisVcHandle, Party, &ClFeedParameters,
                          &Party->NdisPartyHandle);
  if (Status != NDIS_STATUS_PENDING)
    ClAddPartyComplete(Status, Party, Party->NdisPartyHandle,
                       &ClFeedParameters);
}

/* A leaf whose leg the call manager reports as gone is removed, and its
 * final counters are recorded for billing. */
static VOID ClpRemoveLeafWithAccounting(PCL_ADAPTER Adapter, PCL_PARTY Party) {
  PCL_VC Vc = Party->Vc;
  PCL_COUNTERS_REQUEST Req;
  PNDIS_OID_REQUEST Request;
  NDIS_STATUS Status;

  Party->State = ClPartyDropping;
  Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  if (Status != NDIS_STATUS_PENDING) {
    ClDropPartyComplete(Status, Party);
    return;
  }

  /* While the drop is in flight, fetch the leaf's final counters. */
  Req = NdisAllocateMemoryWithTagPriority(ClProtocolHandle, sizeof(*Req),
                                          CL_TAG, NormalPoolPriority);
  if (Req == NULL)
    return;
  NdisZeroMemory(Req, sizeof(*Req));
  Request = &Req->Request;
  Request->Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
  Request->Header.Revision = NDIS_OID_REQUEST_REVISION_1;
  Request->Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
  Request->DATA.QUERY_INFORMATION.Oid = OID_CONTOSO_LEAF_COUNTERS;
  Request->DATA.QUERY_INFORMATION.InformationBuffer = &Req->Record;
  Request->DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(Req->Record);
  // BUG (condis.DropParty): the handle died when NdisClDropParty was called,
  // not when the drop completes. Query the counters before dropping the leaf.
  Status = NdisCoOidRequest(Adapter->NdisBindingHandle, Adapter->NdisAfHandle,
                            Vc->NdisVcHandle, Party->NdisPartyHandle, Request);
  if (Status != NDIS_STATUS_PENDING)
    NdisFreeMemory(Req, sizeof(*Req), 0);
}

_Use_decl_annotations_ VOID ClAddPartyComplete(
    NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
    NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;

  UNREFERENCED_PARAMETER(CallParameters);
  if (Status != NDIS_STATUS_SUCCESS) {
    ClpFreeParty(Party);
    return;
  }
  Party->NdisPartyHandle = NdisPartyHandle;
  Party->State = ClPartyConnected;
}

_Use_decl_annotations_ VOID
ClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;

  if (Status == NDIS_STATUS_FAILURE) {
    /* Party was the last leaf on the call: the call has to be closed. */
    ClpCloseCall(Party->Vc, Party);
    return;
  }
  if (Status != NDIS_STATUS_SUCCESS) {
    /* The call manager kept the leaf; it stays usable. */
    Party->State = ClPartyConnected;
    return;
  }
  ClpFreeParty(Party);
}

_Use_decl_annotations_ VOID
ClIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
                    PVOID CloseData, UINT Size) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;

  UNREFERENCED_PARAMETER(DropStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  if (Party->State != ClPartyConnected)
    return; /* our own drop or close is already under way */
  ClpDropLeaf(Party);
}

_Use_decl_annotations_ VOID ClIncomingCloseCall(NDIS_STATUS CloseStatus,
                                                NDIS_HANDLE ProtocolVcContext,
                                                PVOID CloseData, UINT Size) {
  PCL_VC Vc = (PCL_VC)ProtocolVcContext;
  PCL_PARTY Last = NULL;

  UNREFERENCED_PARAMETER(CloseStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  /* The call manager closes the call this way only with its last leaf. */
  NdisAcquireSpinLock(&Vc->Lock);
  if (IsListEmpty(&Vc->PartyList)) {
    // BUG (condis.Irql): this early return leaves the VC lock held, and the
    // handler returns at DISPATCH_LEVEL to NDIS.
    return;
  }
  Last = CONTAINING_RECORD(Vc->PartyList.Flink, CL_PARTY, Link);
  NdisReleaseSpinLock(&Vc->Lock);
  ClpCloseCall(Vc, Last);
}

/* ---------------------------------------------------------------------- */
/* Calls and address family                                               */
/* ---------------------------------------------------------------------- */

static VOID ClpStartFeedCall(PCL_ADAPTER Adapter) {
  PCL_VC Vc;
  PCL_PARTY Party;
  NDIS_STATUS Status;

  Vc = NdisAllocateMemoryWithTagPriority(ClProtocolHandle, sizeof(*Vc), CL_TAG,
                                         NormalPoolPriority);
  if (Vc == NULL)
    return;
  NdisZeroMemory(Vc, sizeof(*Vc));
  Vc->Adapter = Adapter;
  NdisAllocateSpinLock(&Vc->Lock);
  InitializeListHead(&Vc->PartyList);

  Status = NdisCoCreateVc(Adapter->NdisBindingHandle, Adapter->NdisAfHandle, Vc,
                          &Vc->NdisVcHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FreeVc;

  Party = ClpAllocateParty(Vc, 1);
  if (Party == NULL) {
    NdisCoDeleteVc(Vc->NdisVcHandle);
    goto FreeVc;
  }
  Adapter->Vc = Vc;
  Status = NdisClMakeCall(Vc->NdisVcHandle, &ClFeedParameters, Party,
                          &Party->NdisPartyHandle);
  if (Status != NDIS_STATUS_PENDING)
    ClMakeCallComplete(Status, Vc, Party->NdisPartyHandle, &ClFeedParameters);
  return;

FreeVc:
  NdisFreeSpinLock(&Vc->Lock);
  NdisFreeMemory(Vc, sizeof(*Vc), 0);
}

_Use_decl_annotations_ VOID ClMakeCallComplete(
    NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE NdisPartyHandle, PCO_CALL_PARAMETERS CallParameters) {
  PCL_VC Vc = (PCL_VC)ProtocolVcContext;
  PCL_PARTY First = CONTAINING_RECORD(Vc->PartyList.Flink, CL_PARTY, Link);

  UNREFERENCED_PARAMETER(CallParameters);

  if (Status != NDIS_STATUS_SUCCESS) {
    ClpFreeParty(First);
    Vc->Adapter->Vc = NULL;
    NdisCoDeleteVc(Vc->NdisVcHandle);
    NdisFreeSpinLock(&Vc->Lock);
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    return;
  }
  First->NdisPartyHandle = NdisPartyHandle;
  First->State = ClPartyConnected;
  ClpAddLeaf(Vc, 2);
}

_Use_decl_annotations_ VOID
ClCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
                    NDIS_HANDLE ProtocolPartyContext) {
  PCL_VC Vc = (PCL_VC)ProtocolVcContext;

  if (Status != NDIS_STATUS_SUCCESS)
    return;
  if (ProtocolPartyContext != NULL)
    ClpFreeParty((PCL_PARTY)ProtocolPartyContext);
  Vc->Adapter->Vc = NULL;
  NdisCoDeleteVc(Vc->NdisVcHandle);
  NdisFreeSpinLock(&Vc->Lock);
  NdisFreeMemory(Vc, sizeof(*Vc), 0);
}

_Use_decl_annotations_ VOID ClOpenAfCompleteEx(NDIS_HANDLE ProtocolAfContext,
                                               NDIS_HANDLE NdisAfHandle,
                                               NDIS_STATUS Status) {
  PCL_ADAPTER Adapter = (PCL_ADAPTER)ProtocolAfContext;

  if (Status != NDIS_STATUS_SUCCESS) {
    Adapter->NdisAfHandle = NULL;
    return;
  }
  Adapter->NdisAfHandle = NdisAfHandle;
  ClpStartFeedCall(Adapter);
}

_Use_decl_annotations_ VOID ClCloseAfComplete(NDIS_STATUS Status,
                                              NDIS_HANDLE ProtocolAfContext) {
  PCL_ADAPTER Adapter = (PCL_ADAPTER)ProtocolAfContext;

  UNREFERENCED_PARAMETER(Status);
  Adapter->NdisAfHandle = NULL;
}

_Use_decl_annotations_ NDIS_STATUS
ClNotifyCloseAf(NDIS_HANDLE ClientAfContext) {
  PCL_ADAPTER Adapter = (PCL_ADAPTER)ClientAfContext;
  NDIS_STATUS Status;

  if (Adapter->Vc != NULL)
    /* BUG (condis.Completion): waits for the feed call to be closed, but
     * nothing remembers the notification, so nobody ever calls
     * NdisClNotifyCloseAddressFamilyComplete and the call manager's unbind
     * hangs. */
    return NDIS_STATUS_PENDING;
  Status = NdisClCloseAddressFamily(Adapter->NdisAfHandle);
  if (Status != NDIS_STATUS_PENDING)
    ClCloseAfComplete(Status, Adapter);
  return NDIS_STATUS_SUCCESS;
}

/* The call manager reports on a leaf: drop the leaves whose leg is gone. */
_Use_decl_annotations_ NDIS_STATUS
ClOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
             NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  PCL_ADAPTER Adapter = (PCL_ADAPTER)ProtocolAfContext;
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  PCL_LEAF_RECORD Record;

  UNREFERENCED_PARAMETER(ProtocolVcContext);

  if (OidRequest->RequestType != NdisRequestSetInformation ||
      OidRequest->DATA.SET_INFORMATION.Oid != OID_CONTOSO_LEAF_STATUS)
    return NDIS_STATUS_NOT_SUPPORTED;
  if (OidRequest->DATA.SET_INFORMATION.InformationBufferLength <
      sizeof(*Record))
    return NDIS_STATUS_INVALID_DATA;
  Record = (PCL_LEAF_RECORD)OidRequest->DATA.SET_INFORMATION.InformationBuffer;

  if (Party != NULL && Party->State == ClPartyConnected &&
      Record->LegActive == 0 && Party->Vc->PartyCount > 1)
    ClpRemoveLeafWithAccounting(Adapter, Party);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID ClOidRequestComplete(
    NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
    NDIS_STATUS Status) {
  UNREFERENCED_PARAMETER(ProtocolAfContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  UNREFERENCED_PARAMETER(Status);
  NdisFreeMemory(CONTAINING_RECORD(OidRequest, CL_COUNTERS_REQUEST, Request),
                 sizeof(CL_COUNTERS_REQUEST), 0);
}

/* ---------------------------------------------------------------------- */
/* Handlers this client does not use                                      */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS ClCreateVc(NDIS_HANDLE ProtocolAfContext,
                                              NDIS_HANDLE NdisVcHandle,
                                              PNDIS_HANDLE ProtocolVcContext) {
  /* No SAP is registered, so no call manager creates VCs for us. */
  UNREFERENCED_PARAMETER(ProtocolAfContext);
  UNREFERENCED_PARAMETER(NdisVcHandle);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  return NDIS_STATUS_RESOURCES;
}

_Use_decl_annotations_ NDIS_STATUS ClDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
ClIncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
               PCO_CALL_PARAMETERS CallParameters) {
  UNREFERENCED_PARAMETER(ProtocolSapContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
  return NDIS_STATUS_NOT_ACCEPTED;
}

_Use_decl_annotations_ VOID ClIncomingCallQoSChange(
    NDIS_HANDLE ProtocolVcContext, PCO_CALL_PARAMETERS CallParameters) {
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
}

_Use_decl_annotations_ VOID ClCallConnected(NDIS_HANDLE ProtocolVcContext) {
  UNREFERENCED_PARAMETER(ProtocolVcContext);
}

_Use_decl_annotations_ VOID
ClRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext,
                      PCO_SAP Sap, NDIS_HANDLE NdisSapHandle) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(ProtocolSapContext);
  UNREFERENCED_PARAMETER(Sap);
  UNREFERENCED_PARAMETER(NdisSapHandle);
}

_Use_decl_annotations_ VOID
ClDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(ProtocolSapContext);
}

_Use_decl_annotations_ VOID
ClModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
                        PCO_CALL_PARAMETERS CallParameters) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
}

_Use_decl_annotations_ VOID
ClCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
           PNDIS_STATUS_INDICATION StatusIndication) {
  UNREFERENCED_PARAMETER(ProtocolBindingContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(StatusIndication);
}

_Use_decl_annotations_ VOID ClReceiveNetBufferLists(
    NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
    PNET_BUFFER_LIST NetBufferLists, ULONG NumberOfNetBufferLists,
    ULONG ReceiveFlags) {
  /* The feed is send-only. */
  UNREFERENCED_PARAMETER(ProtocolBindingContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(NetBufferLists);
  UNREFERENCED_PARAMETER(NumberOfNetBufferLists);
  UNREFERENCED_PARAMETER(ReceiveFlags);
}

_Use_decl_annotations_ VOID ClSendNetBufferListsComplete(
    NDIS_HANDLE ProtocolVcContext, PNET_BUFFER_LIST NetBufferLists,
    ULONG SendCompleteFlags) {
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(NetBufferLists);
  UNREFERENCED_PARAMETER(SendCompleteFlags);
}
