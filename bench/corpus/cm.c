/*
 * cm.c - Fabrikam Q.2931-lite signalling: a whole stand-alone call manager,
 * written for the benchmark corpus (bench/corpus/README.md).
 *
 * Contract: a complete CoNDIS call manager in the shape a shipping protocol
 * driver has. It registers with NdisRegisterProtocolDriver, binds to CoNDIS
 * miniports (NdisOpenAdapterEx), registers FABRIKAM_SIG_AF on each binding
 * with NdisCmRegisterAddressFamilyEx, and turns every client request into a
 * signalling message on the adapter's signalling VC: open AF, SAPs (REGISTER
 * to the switch, pended until acknowledged), outgoing calls (SETUP, CONNECT,
 * NdisCmActivateVc, NdisCmMakeCallComplete), releases, parties, QoS changes,
 * OID requests. Received messages are queued by the receive handler and
 * processed in a DPC; a retransmission timer resends unanswered messages and
 * gives up after a few retries; an I/O work item does the PASSIVE_LEVEL part
 * of unbinding. Built as is, it has no condis finding; built with
 * -DBENCH_SEEDED, each `#ifdef BENCH_SEEDED` block swaps correct code for a
 * documented bug (bench/corpus/README.md; the "seeded" -verify directives are
 * what test/bench/corpus.test checks).
 *
 * Compiles with `clang-22 -fsyntax-only -Wall -Wextra -I samples/include`.
 */
#include <ndis.h>

// clean-no-diagnostics

#define CMS_TAG 'sMcF'
#define FABRIKAM_SIG_AF 0x8103
#define CMS_MAX_SAPS 8
#define CMS_RETRANSMIT_MS 400
#define CMS_MAX_RETRIES 4
#define CMS_MAX_RATE 353207

/* Signalling message types (the switch's dialect). */
#define CMS_MSG_SETUP 0x05
#define CMS_MSG_CALL_PROCEEDING 0x02
#define CMS_MSG_CONNECT 0x07
#define CMS_MSG_CONNECT_ACK 0x0F
#define CMS_MSG_RELEASE 0x4D
#define CMS_MSG_RELEASE_COMPLETE 0x5A
#define CMS_MSG_ADD_PARTY 0x80
#define CMS_MSG_ADD_PARTY_ACK 0x81
#define CMS_MSG_ADD_PARTY_REJECT 0x82
#define CMS_MSG_DROP_PARTY 0x83
#define CMS_MSG_DROP_PARTY_ACK 0x84
#define CMS_MSG_MODIFY 0x88
#define CMS_MSG_MODIFY_ACK 0x89
#define CMS_MSG_MODIFY_REJECT 0x8A
#define CMS_MSG_REGISTER 0x90
#define CMS_MSG_REGISTER_ACK 0x91
#define CMS_MSG_REGISTER_REJECT 0x92
#define CMS_MSG_STATUS_ENQUIRY 0x75

#define CMS_CAUSE_NORMAL 16
#define CMS_CAUSE_BUSY 17
#define CMS_CAUSE_NO_ROUTE 3
#define CMS_CAUSE_TIMEOUT 102

#define OID_FABRIKAM_SIG_STATS 0xFF030001
#define OID_FABRIKAM_SIG_CALL_INFO 0xFF030002
#define OID_FABRIKAM_SIG_FINAL_REPORT 0xFF030003

typedef struct _CMS_MSG {
  ULONG Type;
  ULONG CallRef;
  ULONG PartyRef;
  ULONG Cause;
  ULONG Rate;
  ULONG Selector;
} CMS_MSG, *PCMS_MSG;

/* A message on the wire: the NBL NDIS sees, and the payload behind it. */
typedef struct _CMS_TX {
  NET_BUFFER_LIST Nbl;
  CMS_MSG Msg;
} CMS_TX, *PCMS_TX;

/* A message received, queued for the DPC. */
typedef struct _CMS_RX {
  LIST_ENTRY Link;
  CMS_MSG Msg;
} CMS_RX, *PCMS_RX;

typedef struct _CMS_BINDING CMS_BINDING, *PCMS_BINDING;
typedef struct _CMS_AF CMS_AF, *PCMS_AF;
typedef struct _CMS_VC CMS_VC, *PCMS_VC;

typedef enum _CMS_CALL_STATE {
  CmsCallNull,
  CmsCallInitiated,     /* SETUP sent */
  CmsCallActivating,    /* CONNECT received, NdisCmActivateVc pending */
  CmsCallActive,
  CmsCallModifying,     /* MODIFY sent */
  CmsCallReleasing,     /* RELEASE sent */
  CmsCallDeactivating,  /* RELEASE COMPLETE received, NdisCmDeactivateVc pending */
  CmsCallOffered        /* incoming, dispatched to the client */
} CMS_CALL_STATE;

typedef enum _CMS_PARTY_STATE {
  CmsPartyAdding,
  CmsPartyActive,
  CmsPartyDropping
} CMS_PARTY_STATE;

typedef struct _CMS_PARTY {
  LIST_ENTRY Link; /* on CMS_VC.PartyList, under CMS_BINDING.Lock */
  PCMS_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  ULONG PartyRef;
  CMS_PARTY_STATE State;
  PCO_CALL_PARAMETERS AddParameters;
} CMS_PARTY, *PCMS_PARTY;

struct _CMS_VC {
  LIST_ENTRY Link;        /* on CMS_AF.VcList */
  LIST_ENTRY TimerLink;   /* on CMS_BINDING.RetransmitList while awaiting */
  PCMS_AF Af;
  NDIS_HANDLE NdisVcHandle;
  CMS_CALL_STATE State;
  ULONG CallRef;
  ULONG Rate;
  ULONG PendingRate;
  ULONG Retries;
  ULONG LastSent;         /* message type to resend */
  LIST_ENTRY PartyList;
  PCMS_PARTY RootParty;
  PCO_CALL_PARAMETERS CallParameters;
  BOOLEAN Incoming;
  BOOLEAN OnTimer;
};

typedef struct _CMS_SAP {
  PCMS_AF Af;
  NDIS_HANDLE NdisSapHandle;
  ULONG Selector;
  BOOLEAN Registered; /* the switch acknowledged it */
  BOOLEAN InUse;
} CMS_SAP, *PCMS_SAP;

typedef enum _CMS_AF_STATE {
  CmsAfOpen,
  CmsAfClosing
} CMS_AF_STATE;

struct _CMS_AF {
  PCMS_BINDING Binding;
  NDIS_HANDLE NdisAfHandle;
  CMS_AF_STATE State;
  LIST_ENTRY VcList;
  ULONG VcCount;
  CMS_SAP Saps[CMS_MAX_SAPS];
  /* The statistics report sent to the client when the AF closes. */
  NDIS_OID_REQUEST FinalReport;
  ULONG FinalCounters[4];
};

typedef enum _CMS_BINDING_STATE {
  CmsBindingOpening,
  CmsBindingReady,
  CmsBindingUnbinding
} CMS_BINDING_STATE;

/* An OID request from a client the switch must answer; completed when the
 * STATUS reply arrives or the timer gives up. */
typedef struct _CMS_OID_CONTEXT {
  LIST_ENTRY Link;
  PCMS_AF Af;
  PCMS_VC Vc;
  PCMS_PARTY Party;
  PNDIS_OID_REQUEST Request;
  ULONG Ticks;
} CMS_OID_CONTEXT, *PCMS_OID_CONTEXT;

struct _CMS_BINDING {
  LIST_ENTRY Link; /* on CmsBindings */
  NDIS_HANDLE NdisBindingHandle;
  NDIS_HANDLE SignalVcHandle;
  CMS_BINDING_STATE State;
  NDIS_SPIN_LOCK Lock;
  PCMS_AF Af;                 /* the one client AF on this binding */
  PCMS_AF ClosingAf;          /* Af, while its close pends on its VCs */
  LIST_ENTRY RetransmitList;  /* CMS_VC.TimerLink */
  LIST_ENTRY OidList;         /* CMS_OID_CONTEXT */
  LIST_ENTRY RxQueue;         /* CMS_RX, drained by RxDpc */
  KDPC RxDpc;
  BOOLEAN RxDpcQueued;
  NDIS_HANDLE RetransmitTimer;
  BOOLEAN TimerArmed;
  NDIS_HANDLE UnbindWorkItem;
  NDIS_HANDLE UnbindContext;
  ULONG NextCallRef;
  ULONG NextPartyRef;
  ULONG MessagesSent;
  ULONG MessagesReceived;
  ULONG Retransmissions;
  ULONG Failures;
};

static NDIS_HANDLE CmsProtocolHandle;
static LIST_ENTRY CmsBindings;
static NDIS_SPIN_LOCK CmsGlobalLock;

DRIVER_INITIALIZE DriverEntry;
PROTOCOL_BIND_ADAPTER_EX CmsBindAdapter;
PROTOCOL_UNBIND_ADAPTER_EX CmsUnbindAdapter;
PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS CmsReceiveNetBufferLists;
PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE CmsSendNetBufferListsComplete;
PROTOCOL_CO_STATUS_EX CmsStatus;
PROTOCOL_CO_AF_REGISTER_NOTIFY CmsAfRegisterNotify;
KDEFERRED_ROUTINE CmsRxDpc;
NDIS_TIMER_FUNCTION CmsRetransmitTimer;
NDIS_IO_WORKITEM_FUNCTION CmsUnbindWorker;

PROTOCOL_CM_OPEN_AF CmsOpenAf;
PROTOCOL_CM_CLOSE_AF CmsCloseAf;
PROTOCOL_CM_REG_SAP CmsRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP CmsDeregisterSap;
PROTOCOL_CM_MAKE_CALL CmsMakeCall;
PROTOCOL_CM_CLOSE_CALL CmsCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE CmsIncomingCallComplete;
PROTOCOL_CM_ADD_PARTY CmsAddParty;
PROTOCOL_CM_DROP_PARTY CmsDropParty;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE CmsActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE CmsDeactivateVcComplete;
PROTOCOL_CM_MODIFY_QOS_CALL CmsModifyCallQoS;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE CmsNotifyCloseAfComplete;
PROTOCOL_CO_CREATE_VC CmsCreateVc;
PROTOCOL_CO_DELETE_VC CmsDeleteVc;
PROTOCOL_CO_OID_REQUEST CmsOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE CmsOidRequestComplete;

/* ---------------------------------------------------------------------- */
/* Registration                                                           */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS CmspSetCallManagerHandlers(NDIS_HANDLE ProtocolHandle) {
  NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H;

  NdisZeroMemory(&H, sizeof(H));
  H.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
  H.Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
  H.Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
  H.CmCreateVcHandler = CmsCreateVc;
  H.CmDeleteVcHandler = CmsDeleteVc;
  H.CmOpenAfHandler = CmsOpenAf;
  H.CmCloseAfHandler = CmsCloseAf;
  H.CmRegisterSapHandler = CmsRegisterSap;
  H.CmDeregisterSapHandler = CmsDeregisterSap;
  H.CmMakeCallHandler = CmsMakeCall;
  H.CmCloseCallHandler = CmsCloseCall;
  H.CmIncomingCallCompleteHandler = CmsIncomingCallComplete;
  H.CmAddPartyHandler = CmsAddParty;
  H.CmDropPartyHandler = CmsDropParty;
  H.CmActivateVcCompleteHandler = CmsActivateVcComplete;
  H.CmDeactivateVcCompleteHandler = CmsDeactivateVcComplete;
  H.CmModifyCallQoSHandler = CmsModifyCallQoS;
  H.CmOidRequestHandler = CmsOidRequest;
  H.CmOidRequestCompleteHandler = CmsOidRequestComplete;
  H.CmNotifyCloseAfCompleteHandler = CmsNotifyCloseAfComplete;
  return NdisSetOptionalHandlers(ProtocolHandle,
                                 (PNDIS_DRIVER_OPTIONAL_HANDLERS)&H);
}

static NDIS_STATUS CmspSetCoCharacteristics(NDIS_HANDLE ProtocolHandle) {
  NDIS_PROTOCOL_CO_CHARACTERISTICS Co;

  NdisZeroMemory(&Co, sizeof(Co));
  Co.Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
  Co.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  Co.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  Co.CoStatusHandlerEx = CmsStatus;
  Co.CoAfRegisterNotifyHandler = CmsAfRegisterNotify;
  Co.CoReceiveNetBufferListsHandler = CmsReceiveNetBufferLists;
  Co.CoSendNetBufferListsCompleteHandler = CmsSendNetBufferListsComplete;
  return NdisSetOptionalHandlers(ProtocolHandle,
                                 (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
}

_Use_decl_annotations_ NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject,
                                            PUNICODE_STRING RegistryPath) {
  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);

  InitializeListHead(&CmsBindings);
  NdisAllocateSpinLock(&CmsGlobalLock);

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.MajorNdisVersion = NDIS_PROTOCOL_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_PROTOCOL_MINOR_VERSION;
  Chars.MajorDriverVersion = 3;
  Chars.MinorDriverVersion = 1;
  Chars.BindAdapterHandlerEx = CmsBindAdapter;
  Chars.UnbindAdapterHandlerEx = CmsUnbindAdapter;

  Status = NdisRegisterProtocolDriver(NULL, &Chars, &CmsProtocolHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;
  Status = CmspSetCallManagerHandlers(CmsProtocolHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailDeregister;
  Status = CmspSetCoCharacteristics(CmsProtocolHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailDeregister;
  return STATUS_SUCCESS;

FailDeregister:
  NdisDeregisterProtocolDriver(CmsProtocolHandle);
  CmsProtocolHandle = NULL;
Fail:
  NdisFreeSpinLock(&CmsGlobalLock);
  return (NTSTATUS)Status;
}

/* ---------------------------------------------------------------------- */
/* Binding to the miniport                                                */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS CmspAllocateTimer(PCMS_BINDING Binding) {
  NDIS_TIMER_CHARACTERISTICS Chars;

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
  Chars.AllocationTag = CMS_TAG;
  Chars.TimerFunction = CmsRetransmitTimer;
  Chars.FunctionContext = Binding;
  return NdisAllocateTimerObject(CmsProtocolHandle, &Chars,
                                 &Binding->RetransmitTimer);
}

static VOID CmspFreeBinding(PCMS_BINDING Binding) {
  if (Binding->RetransmitTimer != NULL)
    NdisFreeTimerObject(Binding->RetransmitTimer);
  if (Binding->UnbindWorkItem != NULL)
    NdisFreeIoWorkItem(Binding->UnbindWorkItem);
  NdisFreeSpinLock(&Binding->Lock);
  NdisFreeMemory(Binding, sizeof(*Binding), 0);
}

_Use_decl_annotations_ NDIS_STATUS
CmsBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
               PNDIS_BIND_PARAMETERS BindParameters) {
  static NDIS_MEDIUM Media[] = {NdisMediumAtm, NdisMediumCoWan};
  CO_ADDRESS_FAMILY Af = {FABRIKAM_SIG_AF, 1, 0};
  NDIS_OPEN_PARAMETERS Open;
  UINT Selected = 0;
  PCMS_BINDING Binding;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(ProtocolDriverContext);

  if (BindParameters->MediaType != NdisMediumAtm &&
      BindParameters->MediaType != NdisMediumCoWan)
    return NDIS_STATUS_NOT_SUPPORTED;

  Binding = NdisAllocateMemoryWithTagPriority(
      CmsProtocolHandle, sizeof(*Binding), CMS_TAG, NormalPoolPriority);
  if (Binding == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Binding, sizeof(*Binding));
  NdisAllocateSpinLock(&Binding->Lock);
  InitializeListHead(&Binding->RetransmitList);
  InitializeListHead(&Binding->OidList);
  InitializeListHead(&Binding->RxQueue);
  KeInitializeDpc(&Binding->RxDpc, CmsRxDpc, Binding);
  Binding->State = CmsBindingOpening;
  Binding->NextCallRef = 1;
  Binding->NextPartyRef = 1;

  Status = CmspAllocateTimer(Binding);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;
  Binding->UnbindWorkItem = NdisAllocateIoWorkItem(CmsProtocolHandle);
  if (Binding->UnbindWorkItem == NULL) {
    Status = NDIS_STATUS_RESOURCES;
    goto Fail;
  }

  NdisZeroMemory(&Open, sizeof(Open));
  Open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
  Open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
  Open.Header.Size = NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1;
  Open.AdapterName = BindParameters->AdapterName;
  Open.MediumArray = Media;
  Open.MediumArraySize = sizeof(Media) / sizeof(Media[0]);
  Open.SelectedMediumIndex = &Selected;
  Status = NdisOpenAdapterEx(CmsProtocolHandle, Binding, &Open, BindContext,
                             &Binding->NdisBindingHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;

  /* The signalling channel to the switch. */
  Status = NdisCoCreateVc(Binding->NdisBindingHandle, NULL, Binding,
                          &Binding->SignalVcHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailClose;

#ifdef BENCH_SEEDED
  /* Seeded bug C3: NdisCmRegisterAddressFamilyEx runs at PASSIVE_LEVEL but
   * is called with the binding's spin lock held. */
  NdisAcquireSpinLock(&Binding->Lock);
  Binding->State = CmsBindingReady;
  Status = NdisCmRegisterAddressFamilyEx(Binding->NdisBindingHandle, &Af); // seeded-warning {{PASSIVE_LEVEL}}
  NdisReleaseSpinLock(&Binding->Lock);
#else
  NdisAcquireSpinLock(&Binding->Lock);
  Binding->State = CmsBindingReady;
  NdisReleaseSpinLock(&Binding->Lock);
  Status = NdisCmRegisterAddressFamilyEx(Binding->NdisBindingHandle, &Af);
#endif
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailVc;

  NdisAcquireSpinLock(&CmsGlobalLock);
  InsertTailList(&CmsBindings, &Binding->Link);
  NdisReleaseSpinLock(&CmsGlobalLock);
  return NDIS_STATUS_SUCCESS;

FailVc:
  NdisCoDeleteVc(Binding->SignalVcHandle);
FailClose:
  NdisCloseAdapterEx(Binding->NdisBindingHandle);
Fail:
  CmspFreeBinding(Binding);
  return Status;
}

/* PASSIVE_LEVEL part of an unbind: the AF is closed, tear the binding down. */
_Use_decl_annotations_ VOID CmsUnbindWorker(PVOID WorkItemContext,
                                            NDIS_HANDLE NdisIoWorkItemHandle) {
  PCMS_BINDING Binding = (PCMS_BINDING)WorkItemContext;

  UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);

  NdisCancelTimerObject(Binding->RetransmitTimer);
  if (Binding->SignalVcHandle != NULL)
    NdisCoDeleteVc(Binding->SignalVcHandle);
  NdisCloseAdapterEx(Binding->NdisBindingHandle);

  NdisAcquireSpinLock(&CmsGlobalLock);
  RemoveEntryList(&Binding->Link);
  NdisReleaseSpinLock(&CmsGlobalLock);
  CmspFreeBinding(Binding);
}

_Use_decl_annotations_ NDIS_STATUS
CmsUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext) {
  PCMS_BINDING Binding = (PCMS_BINDING)ProtocolBindingContext;
  NDIS_HANDLE AfHandle = NULL;
  NDIS_STATUS Status;

  NdisAcquireSpinLock(&Binding->Lock);
  Binding->State = CmsBindingUnbinding;
  Binding->UnbindContext = UnbindContext;
  if (Binding->Af != NULL && Binding->Af->State == CmsAfOpen) {
    Binding->Af->State = CmsAfClosing;
    AfHandle = Binding->Af->NdisAfHandle;
  }
  NdisReleaseSpinLock(&Binding->Lock);

  if (AfHandle != NULL) {
    /* The client closes the AF; CmsCloseAf finishes the unbind. */
    Status = NdisCmNotifyCloseAddressFamily(AfHandle);
    if (Status == NDIS_STATUS_PENDING || Status == NDIS_STATUS_SUCCESS)
      return NDIS_STATUS_PENDING;
  }
  NdisQueueIoWorkItem(Binding->UnbindWorkItem, CmsUnbindWorker, Binding);
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ VOID CmsAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
                                               PCO_ADDRESS_FAMILY AddressFamily) {
  /* A call manager opens no AF itself. */
  UNREFERENCED_PARAMETER(ProtocolBindingContext);
  UNREFERENCED_PARAMETER(AddressFamily);
}

_Use_decl_annotations_ VOID CmsStatus(NDIS_HANDLE ProtocolBindingContext,
                                      NDIS_HANDLE ProtocolVcContext,
                                      PNDIS_STATUS_INDICATION StatusIndication) {
  PCMS_BINDING Binding = (PCMS_BINDING)ProtocolBindingContext;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  if (StatusIndication->StatusCode == NDIS_STATUS_MEDIA_DISCONNECT)
    Binding->Failures++;
}

/* ---------------------------------------------------------------------- */
/* Sending signalling messages                                            */
/* ---------------------------------------------------------------------- */

static BOOLEAN CmspSend(PCMS_BINDING Binding, ULONG Type, ULONG CallRef,
                        ULONG PartyRef, ULONG Cause, ULONG Rate) {
  PCMS_TX Tx;

  if (Binding->SignalVcHandle == NULL || Binding->State != CmsBindingReady)
    return FALSE;
  Tx = NdisAllocateMemoryWithTagPriority(CmsProtocolHandle, sizeof(*Tx),
                                         CMS_TAG, NormalPoolPriority);
  if (Tx == NULL)
    return FALSE;
  NdisZeroMemory(Tx, sizeof(*Tx));
  Tx->Msg.Type = Type;
  Tx->Msg.CallRef = CallRef;
  Tx->Msg.PartyRef = PartyRef;
  Tx->Msg.Cause = Cause;
  Tx->Msg.Rate = Rate;
  Binding->MessagesSent++;
  NdisCoSendNetBufferLists(Binding->SignalVcHandle, &Tx->Nbl, 0);
  return TRUE;
}

_Use_decl_annotations_ VOID
CmsSendNetBufferListsComplete(NDIS_HANDLE ProtocolVcContext,
                              PNET_BUFFER_LIST NetBufferLists,
                              ULONG SendCompleteFlags) {
  PCMS_BINDING Binding = (PCMS_BINDING)ProtocolVcContext;
  PNET_BUFFER_LIST Nbl, Next;

  UNREFERENCED_PARAMETER(SendCompleteFlags);
  for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {
    Next = Nbl->Next;
    if (Nbl->Status != NDIS_STATUS_SUCCESS)
      Binding->Failures++;
    NdisFreeMemory(CONTAINING_RECORD(Nbl, CMS_TX, Nbl), sizeof(CMS_TX), 0);
  }
}

static VOID CmspArmTimerIfNeeded(PCMS_BINDING Binding, BOOLEAN Arm) {
  LARGE_INTEGER DueTime;

  if (!Arm)
    return;
  DueTime.QuadPart = -(LONGLONG)CMS_RETRANSMIT_MS * 10000;
  NdisSetTimerObject(Binding->RetransmitTimer, DueTime, 0, NULL);
}

/* Puts a VC on the retransmission list; called with the binding lock held,
 * returns whether the caller must arm the timer. */
static BOOLEAN CmspWatchLocked(PCMS_BINDING Binding, PCMS_VC Vc, ULONG Sent) {
  BOOLEAN Arm;

  Vc->LastSent = Sent;
  Vc->Retries = 0;
  if (!Vc->OnTimer) {
    InsertTailList(&Binding->RetransmitList, &Vc->TimerLink);
    Vc->OnTimer = TRUE;
  }
  Arm = (BOOLEAN)!Binding->TimerArmed;
  Binding->TimerArmed = TRUE;
  return Arm;
}

static VOID CmspUnwatchLocked(PCMS_VC Vc) {
  if (Vc->OnTimer) {
    RemoveEntryList(&Vc->TimerLink);
    Vc->OnTimer = FALSE;
  }
}

/* ---------------------------------------------------------------------- */
/* Address family                                                         */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS CmsOpenAf(NDIS_HANDLE CallMgrBindingContext,
                                             PCO_ADDRESS_FAMILY AddressFamily,
                                             NDIS_HANDLE NdisAfHandle,
                                             PNDIS_HANDLE CallMgrAfContext) {
  PCMS_BINDING Binding = (PCMS_BINDING)CallMgrBindingContext;
  PCMS_AF Af;

  if (AddressFamily->AddressFamily != FABRIKAM_SIG_AF ||
      AddressFamily->MajorVersion != 1)
    return NDIS_STATUS_NOT_SUPPORTED;

  Af = NdisAllocateMemoryWithTagPriority(CmsProtocolHandle, sizeof(*Af),
                                         CMS_TAG, NormalPoolPriority);
  if (Af == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Af, sizeof(*Af));
  Af->Binding = Binding;
  Af->State = CmsAfOpen;
  InitializeListHead(&Af->VcList);

  NdisAcquireSpinLock(&Binding->Lock);
  if (Binding->Af != NULL || Binding->State != CmsBindingReady) {
    NdisReleaseSpinLock(&Binding->Lock);
    NdisFreeMemory(Af, sizeof(*Af), 0);
    return NDIS_STATUS_INVALID_STATE;
  }
  Af->NdisAfHandle = NdisAfHandle;
  Binding->Af = Af;
  NdisReleaseSpinLock(&Binding->Lock);
  *CallMgrAfContext = Af;
  return NDIS_STATUS_SUCCESS;
}

/* Sends the client the signalling counters of the AF that closes; freed
 * nowhere: the request lives in the AF until CmsOidRequestComplete. */
static VOID CmspSendFinalReport(PCMS_AF Af, NDIS_HANDLE AfHandle) {
  PCMS_BINDING Binding = Af->Binding;
  PNDIS_OID_REQUEST Request = &Af->FinalReport;

  NdisZeroMemory(Request, sizeof(*Request));
  Request->Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
  Request->Header.Revision = NDIS_OID_REQUEST_REVISION_1;
  Request->Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
  Request->RequestType = NdisRequestSetInformation;
  Request->DATA.SET_INFORMATION.Oid = OID_FABRIKAM_SIG_FINAL_REPORT;
  Af->FinalCounters[0] = Binding->MessagesSent;
  Af->FinalCounters[1] = Binding->MessagesReceived;
  Af->FinalCounters[2] = Binding->Retransmissions;
  Af->FinalCounters[3] = Binding->Failures;
  Request->DATA.SET_INFORMATION.InformationBuffer = Af->FinalCounters;
  Request->DATA.SET_INFORMATION.InformationBufferLength =
      sizeof(Af->FinalCounters);
  (VOID)NdisCoOidRequest(Binding->NdisBindingHandle, AfHandle, NULL, NULL, // #cms-final-report
                         Request);
}

/* Completes a pended close-AF once the last VC is gone. */
static VOID CmspFinishCloseAf(PCMS_AF Af) {
  PCMS_BINDING Binding = Af->Binding;
  NDIS_HANDLE AfHandle = Af->NdisAfHandle;
  BOOLEAN Unbinding;

#ifndef BENCH_SEEDED
  CmspSendFinalReport(Af, AfHandle);
#endif
  NdisAcquireSpinLock(&Binding->Lock);
  Binding->Af = NULL;
  Binding->ClosingAf = NULL;
  Unbinding = (BOOLEAN)(Binding->State == CmsBindingUnbinding);
  NdisReleaseSpinLock(&Binding->Lock);
  NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, AfHandle);
#ifdef BENCH_SEEDED
  /* Seeded bug C4: the final report goes out after the completion ended
   * the AF handle. */
  CmspSendFinalReport(Af, AfHandle); // seeded-warning@#cms-final-report {{AF handle}}
#endif
  NdisFreeMemory(Af, sizeof(*Af), 0);
  if (Unbinding)
    NdisQueueIoWorkItem(Binding->UnbindWorkItem, CmsUnbindWorker, Binding);
}

_Use_decl_annotations_ NDIS_STATUS CmsCloseAf(NDIS_HANDLE CallMgrAfContext) {
  PCMS_AF Af = (PCMS_AF)CallMgrAfContext;
  PCMS_BINDING Binding = Af->Binding;
  BOOLEAN Unbinding;
  ULONG i;

  NdisAcquireSpinLock(&Binding->Lock);
  Af->State = CmsAfClosing;
  for (i = 0; i < CMS_MAX_SAPS; i++)
    Af->Saps[i].InUse = FALSE;
  if (Af->VcCount != 0) {
    /* CmsDeleteVc of the last VC completes the close. */
    Binding->ClosingAf = Af;
    NdisReleaseSpinLock(&Binding->Lock);
    return NDIS_STATUS_PENDING;
  }
  Binding->Af = NULL;
  Unbinding = (BOOLEAN)(Binding->State == CmsBindingUnbinding);
  NdisReleaseSpinLock(&Binding->Lock);

  NdisFreeMemory(Af, sizeof(*Af), 0);
  if (Unbinding)
    NdisQueueIoWorkItem(Binding->UnbindWorkItem, CmsUnbindWorker, Binding);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID
CmsNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status) {
  PCMS_AF Af = (PCMS_AF)CallMgrAfContext;

  if (Status != NDIS_STATUS_SUCCESS)
    Af->Binding->Failures++;
}

/* ---------------------------------------------------------------------- */
/* SAPs: registered with the switch, pended until it acknowledges         */
/* ---------------------------------------------------------------------- */

static PCMS_SAP CmspFindSapBySelector(PCMS_AF Af, ULONG Selector) {
  ULONG i;

  for (i = 0; i < CMS_MAX_SAPS; i++) {
    if (Af->Saps[i].InUse && Af->Saps[i].Selector == Selector)
      return &Af->Saps[i];
  }
  return NULL;
}

_Use_decl_annotations_ NDIS_STATUS
CmsRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
               NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext) {
  PCMS_AF Af = (PCMS_AF)CallMgrAfContext;
  PCMS_BINDING Binding = Af->Binding;
  PCMS_SAP Slot = NULL;
  ULONG Selector;
  ULONG i;

  if (Sap == NULL || Sap->SapLength < 1)
    return NDIS_STATUS_INVALID_DATA;
  Selector = Sap->Sap[0];
  if (Af->State != CmsAfOpen)
    return NDIS_STATUS_CLOSING;
#ifdef BENCH_SEEDED
  /* Seeded bug C1: the signalling channel is down; the registration is
   * "pended" but no SAP slot remembers it, so it never completes. */
  if (Binding->SignalVcHandle == NULL)
    return NDIS_STATUS_PENDING; // seeded-warning {{neither completed}}
#endif

  NdisAcquireSpinLock(&Binding->Lock);
  for (i = 0; i < CMS_MAX_SAPS; i++) {
    if (Af->Saps[i].InUse && Af->Saps[i].Selector == Selector) {
      NdisReleaseSpinLock(&Binding->Lock);
      return NDIS_STATUS_INVALID_STATE;
    }
    if (!Af->Saps[i].InUse && Slot == NULL)
      Slot = &Af->Saps[i];
  }
  if (Slot == NULL) {
    NdisReleaseSpinLock(&Binding->Lock);
    return NDIS_STATUS_RESOURCES;
  }
  Slot->InUse = TRUE;
  Slot->Registered = FALSE;
  Slot->Selector = Selector;
  Slot->Af = Af;
  Slot->NdisSapHandle = NdisSapHandle;
  NdisReleaseSpinLock(&Binding->Lock);

  if (!CmspSend(Binding, CMS_MSG_REGISTER, 0, 0, 0, Selector)) {
    NdisAcquireSpinLock(&Binding->Lock);
    Slot->InUse = FALSE;
    Slot->NdisSapHandle = NULL;
    NdisReleaseSpinLock(&Binding->Lock);
    return NDIS_STATUS_RESOURCES;
  }
  *CallMgrSapContext = Slot;
  /* REGISTER ACK or REJECT completes it (CmspHandleRegisterReply). */
  return NDIS_STATUS_PENDING;
}

static VOID CmspHandleRegisterReply(PCMS_BINDING Binding, PCMS_AF Af,
                                    PCMS_MSG Msg) {
  PCMS_SAP Sap;
  NDIS_HANDLE SapHandle;

  NdisDprAcquireSpinLock(&Binding->Lock);
  Sap = CmspFindSapBySelector(Af, Msg->Selector);
  if (Sap == NULL || Sap->Registered) {
    NdisDprReleaseSpinLock(&Binding->Lock);
    return;
  }
  SapHandle = Sap->NdisSapHandle;
  if (Msg->Type == CMS_MSG_REGISTER_ACK) {
    Sap->Registered = TRUE;
    NdisDprReleaseSpinLock(&Binding->Lock);
    NdisCmRegisterSapComplete(NDIS_STATUS_SUCCESS, SapHandle, Sap);
    return;
  }
  Sap->InUse = FALSE;
  Sap->NdisSapHandle = NULL;
  NdisDprReleaseSpinLock(&Binding->Lock);
  NdisCmRegisterSapComplete(NDIS_STATUS_NOT_ACCEPTED, SapHandle, NULL);
}

_Use_decl_annotations_ NDIS_STATUS
CmsDeregisterSap(NDIS_HANDLE CallMgrSapContext) {
  PCMS_SAP Sap = (PCMS_SAP)CallMgrSapContext;
  PCMS_BINDING Binding = Sap->Af->Binding;
  ULONG Selector = Sap->Selector;

  NdisAcquireSpinLock(&Binding->Lock);
  Sap->InUse = FALSE;
  Sap->Registered = FALSE;
  Sap->NdisSapHandle = NULL;
  NdisReleaseSpinLock(&Binding->Lock);
  /* The switch needs no answer to an unregistration. */
  (VOID)CmspSend(Binding, CMS_MSG_REGISTER, 0, 0, CMS_CAUSE_NORMAL, Selector);
  return NDIS_STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* VCs                                                                    */
/* ---------------------------------------------------------------------- */

static PCMS_VC CmspAllocateVc(PCMS_AF Af) {
  PCMS_VC Vc;

  Vc = NdisAllocateMemoryWithTagPriority(CmsProtocolHandle, sizeof(*Vc),
                                         CMS_TAG, NormalPoolPriority);
  if (Vc == NULL)
    return NULL;
  NdisZeroMemory(Vc, sizeof(*Vc));
  Vc->Af = Af;
  Vc->State = CmsCallNull;
  InitializeListHead(&Vc->PartyList);
  InitializeListHead(&Vc->TimerLink);
  return Vc;
}

static VOID CmspLinkVc(PCMS_AF Af, PCMS_VC Vc) {
  PCMS_BINDING Binding = Af->Binding;

  NdisAcquireSpinLock(&Binding->Lock);
  InsertTailList(&Af->VcList, &Vc->Link);
  Af->VcCount++;
  Vc->CallRef = Binding->NextCallRef++ & 0x7FFFFF;
  NdisReleaseSpinLock(&Binding->Lock);
}

_Use_decl_annotations_ NDIS_STATUS CmsCreateVc(NDIS_HANDLE ProtocolAfContext,
                                               NDIS_HANDLE NdisVcHandle,
                                               PNDIS_HANDLE ProtocolVcContext) {
  PCMS_AF Af = (PCMS_AF)ProtocolAfContext;
  PCMS_VC Vc;

  if (Af->State != CmsAfOpen)
    return NDIS_STATUS_CLOSING;
  Vc = CmspAllocateVc(Af);
  if (Vc == NULL)
    return NDIS_STATUS_RESOURCES;
  Vc->NdisVcHandle = NdisVcHandle;
  CmspLinkVc(Af, Vc);
  *ProtocolVcContext = Vc;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS CmsDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  PCMS_VC Vc = (PCMS_VC)ProtocolVcContext;
  PCMS_AF Af = Vc->Af;
  PCMS_BINDING Binding = Af->Binding;
  BOOLEAN FinishClose;

  NdisAcquireSpinLock(&Binding->Lock);
  if (Vc->State != CmsCallNull) {
    NdisReleaseSpinLock(&Binding->Lock);
    return NDIS_STATUS_INVALID_STATE;
  }
  CmspUnwatchLocked(Vc);
  RemoveEntryList(&Vc->Link);
  Af->VcCount--;
  FinishClose = (BOOLEAN)(Af->VcCount == 0 && Binding->ClosingAf == Af);
  NdisReleaseSpinLock(&Binding->Lock);

  NdisFreeMemory(Vc, sizeof(*Vc), 0);
  if (FinishClose)
    CmspFinishCloseAf(Af);
  return NDIS_STATUS_SUCCESS;
}

static PCMS_VC CmspFindVcLocked(PCMS_AF Af, ULONG CallRef) {
  PLIST_ENTRY Entry;

  for (Entry = Af->VcList.Flink; Entry != &Af->VcList; Entry = Entry->Flink) {
    PCMS_VC Vc = CONTAINING_RECORD(Entry, CMS_VC, Link);

    if (Vc->CallRef == CallRef)
      return Vc;
  }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Parties                                                                */
/* ---------------------------------------------------------------------- */

static PCMS_PARTY CmspAllocateParty(PCMS_VC Vc, NDIS_HANDLE NdisPartyHandle) {
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party;

  Party = NdisAllocateMemoryWithTagPriority(CmsProtocolHandle, sizeof(*Party),
                                            CMS_TAG, NormalPoolPriority);
  if (Party == NULL)
    return NULL;
  NdisZeroMemory(Party, sizeof(*Party));
  Party->Vc = Vc;
  Party->NdisPartyHandle = NdisPartyHandle;
  Party->State = CmsPartyAdding;
  NdisAcquireSpinLock(&Binding->Lock);
  Party->PartyRef = Binding->NextPartyRef++;
  InsertTailList(&Vc->PartyList, &Party->Link);
  NdisReleaseSpinLock(&Binding->Lock);
  return Party;
}

static VOID CmspFreeParty(PCMS_PARTY Party) {
  PCMS_BINDING Binding = Party->Vc->Af->Binding;

  NdisAcquireSpinLock(&Binding->Lock);
  RemoveEntryList(&Party->Link);
  if (Party->Vc->RootParty == Party)
    Party->Vc->RootParty = NULL;
  NdisReleaseSpinLock(&Binding->Lock);
  NdisFreeMemory(Party, sizeof(*Party), 0);
}

static PCMS_PARTY CmspFindPartyLocked(PCMS_VC Vc, ULONG PartyRef) {
  PLIST_ENTRY Entry;

  for (Entry = Vc->PartyList.Flink; Entry != &Vc->PartyList;
       Entry = Entry->Flink) {
    PCMS_PARTY Party = CONTAINING_RECORD(Entry, CMS_PARTY, Link);

    if (Party->PartyRef == PartyRef)
      return Party;
  }
  return NULL;
}

_Use_decl_annotations_ NDIS_STATUS
CmsAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
            NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PCMS_VC Vc = (PCMS_VC)CallMgrVcContext;
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party;

  if (Vc->State != CmsCallActive || Vc->RootParty == NULL)
    return NDIS_STATUS_INVALID_STATE;
  Party = CmspAllocateParty(Vc, NdisPartyHandle);
  if (Party == NULL)
    return NDIS_STATUS_RESOURCES;
  Party->AddParameters = CallParameters;
  if (!CmspSend(Binding, CMS_MSG_ADD_PARTY, Vc->CallRef, Party->PartyRef, 0,
                Vc->Rate)) {
    CmspFreeParty(Party);
    return NDIS_STATUS_RESOURCES;
  }
  *CallMgrPartyContext = Party;
  /* ADD PARTY ACK or REJECT completes it. */
  return NDIS_STATUS_PENDING;
}

static VOID CmspHandleAddPartyReply(PCMS_VC Vc, PCMS_MSG Msg) {
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party;
  NDIS_HANDLE PartyHandle;
  PCO_CALL_PARAMETERS Params;

  NdisDprAcquireSpinLock(&Binding->Lock);
  Party = CmspFindPartyLocked(Vc, Msg->PartyRef);
  if (Party == NULL || Party->State != CmsPartyAdding) {
    NdisDprReleaseSpinLock(&Binding->Lock);
    return;
  }
  PartyHandle = Party->NdisPartyHandle;
  Params = Party->AddParameters;
  Party->AddParameters = NULL;
  if (Msg->Type == CMS_MSG_ADD_PARTY_ACK)
    Party->State = CmsPartyActive;
  NdisDprReleaseSpinLock(&Binding->Lock);

  if (Msg->Type == CMS_MSG_ADD_PARTY_REJECT) {
    NdisCmAddPartyComplete(NDIS_STATUS_NOT_ACCEPTED, PartyHandle, NULL, Params);
#ifndef BENCH_SEEDED
    CmspFreeParty(Party);
    return;
#else
    /* Seeded bug C2: no return after the refusal; the code below completes
     * the same add-party request again, with success. */
#endif
  }
  NdisCmAddPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle, Party, Params); // seeded-warning {{completed a second time}}
}

_Use_decl_annotations_ NDIS_STATUS CmsDropParty(NDIS_HANDLE CallMgrPartyContext,
                                                PVOID CloseData, UINT Size) {
  PCMS_PARTY Party = (PCMS_PARTY)CallMgrPartyContext;
  PCMS_VC Vc = Party->Vc;
  PCMS_BINDING Binding = Vc->Af->Binding;

  if (CloseData != NULL && Size != 0)
    return NDIS_STATUS_INVALID_DATA;
  if (Party->State != CmsPartyActive)
    return NDIS_STATUS_INVALID_STATE;

  NdisAcquireSpinLock(&Binding->Lock);
  Party->State = CmsPartyDropping;
  NdisReleaseSpinLock(&Binding->Lock);
  if (!CmspSend(Binding, CMS_MSG_DROP_PARTY, Vc->CallRef, Party->PartyRef,
                CMS_CAUSE_NORMAL, 0)) {
    /* The switch cannot hear us: the leaf is gone as far as we can tell. */
    CmspFreeParty(Party);
    return NDIS_STATUS_SUCCESS;
  }
  /* DROP PARTY ACK completes it (CmspHandleDropPartyAck). */
  return NDIS_STATUS_PENDING;
}

static VOID CmspHandleDropPartyAck(PCMS_VC Vc, PCMS_MSG Msg) {
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party;
  NDIS_HANDLE PartyHandle;
  BOOLEAN OurDrop;

  NdisDprAcquireSpinLock(&Binding->Lock);
  Party = CmspFindPartyLocked(Vc, Msg->PartyRef);
  if (Party == NULL) {
    NdisDprReleaseSpinLock(&Binding->Lock);
    return;
  }
  OurDrop = (BOOLEAN)(Party->State == CmsPartyDropping);
  PartyHandle = Party->NdisPartyHandle;
  NdisDprReleaseSpinLock(&Binding->Lock);

  if (OurDrop) {
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle);
    CmspFreeParty(Party);
    return;
  }
  /* The switch dropped a leaf on its own: tell the client, who drops it. */
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, PartyHandle, NULL, 0);
}

/* ---------------------------------------------------------------------- */
/* Outgoing calls                                                         */
/* ---------------------------------------------------------------------- */

static ULONG CmspRequestedRate(PCO_CALL_PARAMETERS CallParameters) {
  PULONG Rate;

  if (CallParameters == NULL || CallParameters->CallMgrParameters == NULL)
    return 0;
  Rate = (PULONG)CallParameters->CallMgrParameters;
  return *Rate;
}

_Use_decl_annotations_ NDIS_STATUS
CmsMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
            NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PCMS_VC Vc = (PCMS_VC)CallMgrVcContext;
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party = NULL;
  ULONG Rate;
  BOOLEAN Arm;

  Rate = CmspRequestedRate(CallParameters);
  if (Rate == 0 || Rate > CMS_MAX_RATE)
    return NDIS_STATUS_INVALID_DATA;
  if (Vc->State != CmsCallNull)
    return NDIS_STATUS_INVALID_STATE;

  if (NdisPartyHandle != NULL) {
    Party = CmspAllocateParty(Vc, NdisPartyHandle);
    if (Party == NULL)
      return NDIS_STATUS_RESOURCES;
    Vc->RootParty = Party;
    *CallMgrPartyContext = Party;
  }

  Vc->Rate = Rate;
  Vc->Incoming = FALSE;
  if (!CmspSend(Binding, CMS_MSG_SETUP, Vc->CallRef,
                Party != NULL ? Party->PartyRef : 0, 0, Rate)) {
    if (Party != NULL)
      CmspFreeParty(Party);
    return NDIS_STATUS_RESOURCES;
  }

  NdisAcquireSpinLock(&Binding->Lock);
  Vc->State = CmsCallInitiated;
  Vc->CallParameters = CallParameters;
  Arm = CmspWatchLocked(Binding, Vc, CMS_MSG_SETUP);
  NdisReleaseSpinLock(&Binding->Lock);
  CmspArmTimerIfNeeded(Binding, Arm);
  /* CONNECT, then NdisCmActivateVc and CmsActivateVcComplete finish it. */
  return NDIS_STATUS_PENDING;
}

/* The make call failed (RELEASE COMPLETE instead of CONNECT, a failed
 * activation, or the retries ran out). */
static VOID CmspFailMakeCall(PCMS_VC Vc, NDIS_STATUS Status) {
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party = Vc->RootParty;
  PCO_CALL_PARAMETERS Params = Vc->CallParameters;

  NdisAcquireSpinLock(&Binding->Lock);
  CmspUnwatchLocked(Vc);
  Vc->State = CmsCallNull;
  Vc->CallParameters = NULL;
  NdisReleaseSpinLock(&Binding->Lock);
  NdisCmMakeCallComplete(Status, Vc->NdisVcHandle,
                         Party != NULL ? Party->NdisPartyHandle : NULL, NULL,
                         Params);
  if (Party != NULL)
    CmspFreeParty(Party);
}

static VOID CmspHandleConnect(PCMS_VC Vc, PCMS_MSG Msg) {
  PCMS_BINDING Binding = Vc->Af->Binding;
  NDIS_STATUS Status;

  if (Vc->State != CmsCallInitiated)
    return;
  if (Msg->Rate != 0 && Msg->Rate < Vc->Rate)
    Vc->Rate = Msg->Rate; /* the switch granted less */
  NdisDprAcquireSpinLock(&Binding->Lock);
  CmspUnwatchLocked(Vc);
  Vc->State = CmsCallActivating;
  NdisDprReleaseSpinLock(&Binding->Lock);
  (VOID)CmspSend(Binding, CMS_MSG_CONNECT_ACK, Vc->CallRef, 0, 0, 0);

  Status = NdisCmActivateVc(Vc->NdisVcHandle, Vc->CallParameters);
  if (Status != NDIS_STATUS_PENDING)
    CmsActivateVcComplete(Status, Vc, Vc->CallParameters);
}

_Use_decl_annotations_ VOID
CmsActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                      PCO_CALL_PARAMETERS CallParameters) {
  PCMS_VC Vc = (PCMS_VC)CallMgrVcContext;
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party = Vc->RootParty;

  if (Vc->Incoming) {
    /* Activation of an incoming call: offer it to the client next. */
    if (Status != NDIS_STATUS_SUCCESS) {
      (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Vc->CallRef, 0,
                     CMS_CAUSE_BUSY, 0);
      Vc->State = CmsCallNull;
    }
    return;
  }
  if (Status != NDIS_STATUS_SUCCESS) {
    (VOID)CmspSend(Binding, CMS_MSG_RELEASE, Vc->CallRef, 0, CMS_CAUSE_NORMAL, 0);
    CmspFailMakeCall(Vc, Status);
    return;
  }
  NdisAcquireSpinLock(&Binding->Lock);
  Vc->State = CmsCallActive;
  Vc->CallParameters = NULL;
  if (Party != NULL)
    Party->State = CmsPartyActive;
  NdisReleaseSpinLock(&Binding->Lock);
  NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle,
                         Party != NULL ? Party->NdisPartyHandle : NULL, Party,
                         CallParameters);
}

/* ---------------------------------------------------------------------- */
/* Closing calls                                                          */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS CmsCloseCall(NDIS_HANDLE CallMgrVcContext,
                                                NDIS_HANDLE CallMgrPartyContext,
                                                PVOID CloseData, UINT Size) {
  PCMS_VC Vc = (PCMS_VC)CallMgrVcContext;
  PCMS_BINDING Binding = Vc->Af->Binding;
  NDIS_STATUS Status;
  BOOLEAN Arm;

  UNREFERENCED_PARAMETER(CallMgrPartyContext);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  if (Vc->State != CmsCallActive && Vc->State != CmsCallModifying)
    return NDIS_STATUS_INVALID_STATE;

  if (!CmspSend(Binding, CMS_MSG_RELEASE, Vc->CallRef, 0, CMS_CAUSE_NORMAL, 0)) {
    /* No signalling: take the VC down locally. */
    NdisAcquireSpinLock(&Binding->Lock);
    Vc->State = CmsCallDeactivating;
    NdisReleaseSpinLock(&Binding->Lock);
    Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
    if (Status == NDIS_STATUS_PENDING)
      return NDIS_STATUS_PENDING; /* CmsDeactivateVcComplete completes it */
    NdisAcquireSpinLock(&Binding->Lock);
    Vc->State = CmsCallNull;
    NdisReleaseSpinLock(&Binding->Lock);
    if (Vc->RootParty != NULL)
      CmspFreeParty(Vc->RootParty);
    return NDIS_STATUS_SUCCESS;
  }

  NdisAcquireSpinLock(&Binding->Lock);
  Vc->State = CmsCallReleasing;
  Arm = CmspWatchLocked(Binding, Vc, CMS_MSG_RELEASE);
  NdisReleaseSpinLock(&Binding->Lock);
  CmspArmTimerIfNeeded(Binding, Arm);
  /* RELEASE COMPLETE, then NdisCmDeactivateVc finishes it. */
  return NDIS_STATUS_PENDING;
}

static VOID CmspDeactivate(PCMS_VC Vc) {
  PCMS_BINDING Binding = Vc->Af->Binding;
  NDIS_STATUS Status;

  NdisAcquireSpinLock(&Binding->Lock);
  CmspUnwatchLocked(Vc);
  Vc->State = CmsCallDeactivating;
  NdisReleaseSpinLock(&Binding->Lock);
  Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
  if (Status != NDIS_STATUS_PENDING)
    CmsDeactivateVcComplete(Status, Vc);
}

_Use_decl_annotations_ VOID
CmsDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext) {
  PCMS_VC Vc = (PCMS_VC)CallMgrVcContext;
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCMS_PARTY Party = Vc->RootParty;
  NDIS_HANDLE PartyHandle = Party != NULL ? Party->NdisPartyHandle : NULL;
  BOOLEAN WasOurs;

  if (Status != NDIS_STATUS_SUCCESS)
    Binding->Failures++;
  NdisAcquireSpinLock(&Binding->Lock);
  WasOurs = (BOOLEAN)(Vc->State == CmsCallDeactivating);
  Vc->State = CmsCallNull;
  NdisReleaseSpinLock(&Binding->Lock);
  if (!WasOurs)
    return;
  NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, PartyHandle);
  if (Party != NULL)
    CmspFreeParty(Party);
}

/* The switch released a call: RELEASE (theirs) or RELEASE COMPLETE (an
 * answer to ours, or a refused SETUP). */
static VOID CmspHandleRelease(PCMS_VC Vc, PCMS_MSG Msg) {
  PCMS_BINDING Binding = Vc->Af->Binding;

  switch (Vc->State) {
  case CmsCallInitiated:
    CmspFailMakeCall(Vc, Msg->Cause == CMS_CAUSE_BUSY ? NDIS_STATUS_NOT_ACCEPTED
                                                      : NDIS_STATUS_FAILURE);
    break;
  case CmsCallReleasing:
    CmspDeactivate(Vc);
    break;
  case CmsCallActive:
  case CmsCallModifying:
    if (Msg->Type == CMS_MSG_RELEASE)
      (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Vc->CallRef, 0,
                     CMS_CAUSE_NORMAL, 0);
    NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle,
                                    NULL, 0);
    break;
  default:
    break;
  }
}

/* ---------------------------------------------------------------------- */
/* QoS changes                                                            */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS CmsModifyCallQoS(
    NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters) {
  PCMS_VC Vc = (PCMS_VC)CallMgrVcContext;
  PCMS_BINDING Binding = Vc->Af->Binding;
  ULONG Rate;
  BOOLEAN Arm;

  if (Vc->State != CmsCallActive)
    return NDIS_STATUS_INVALID_STATE;
  Rate = CmspRequestedRate(CallParameters);
  if (Rate == 0 || Rate > CMS_MAX_RATE)
    return NDIS_STATUS_INVALID_DATA;
  if (Rate == Vc->Rate)
    return NDIS_STATUS_SUCCESS;
  if (!CmspSend(Binding, CMS_MSG_MODIFY, Vc->CallRef, 0, 0, Rate))
    return NDIS_STATUS_RESOURCES;

  NdisAcquireSpinLock(&Binding->Lock);
  Vc->State = CmsCallModifying;
  Vc->PendingRate = Rate;
  Vc->CallParameters = CallParameters;
  Arm = CmspWatchLocked(Binding, Vc, CMS_MSG_MODIFY);
  NdisReleaseSpinLock(&Binding->Lock);
  CmspArmTimerIfNeeded(Binding, Arm);
  return NDIS_STATUS_PENDING;
}

static VOID CmspFinishModify(PCMS_VC Vc, NDIS_STATUS Status) {
  PCMS_BINDING Binding = Vc->Af->Binding;
  PCO_CALL_PARAMETERS Params;

  NdisDprAcquireSpinLock(&Binding->Lock);
  if (Vc->State != CmsCallModifying) {
    NdisDprReleaseSpinLock(&Binding->Lock);
    return;
  }
  CmspUnwatchLocked(Vc);
  Params = Vc->CallParameters;
  Vc->CallParameters = NULL;
  Vc->State = CmsCallActive;
  if (Status == NDIS_STATUS_SUCCESS)
    Vc->Rate = Vc->PendingRate;
  NdisDprReleaseSpinLock(&Binding->Lock);
  NdisCmModifyCallQoSComplete(Status, Vc->NdisVcHandle, Params);
}

/* ---------------------------------------------------------------------- */
/* Incoming calls                                                         */
/* ---------------------------------------------------------------------- */

static VOID CmspHandleIncomingSetup(PCMS_BINDING Binding, PCMS_AF Af,
                                    PCMS_MSG Msg) {
  static CO_CALL_PARAMETERS Params;
  static ULONG OfferedRate;
  PCMS_SAP Sap;
  PCMS_VC Vc;
  NDIS_STATUS Status;

  NdisDprAcquireSpinLock(&Binding->Lock);
  Sap = CmspFindSapBySelector(Af, Msg->Selector);
  if (Sap != NULL && !Sap->Registered)
    Sap = NULL;
  NdisDprReleaseSpinLock(&Binding->Lock);
  if (Sap == NULL || Af->State != CmsAfOpen) {
    (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Msg->CallRef, 0,
                   CMS_CAUSE_NO_ROUTE, 0);
    return;
  }

  Vc = CmspAllocateVc(Af);
  if (Vc == NULL) {
    (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Msg->CallRef, 0,
                   CMS_CAUSE_BUSY, 0);
    return;
  }
  Status = NdisCoCreateVc(Binding->NdisBindingHandle, Af->NdisAfHandle, Vc,
                          &Vc->NdisVcHandle);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Msg->CallRef, 0,
                   CMS_CAUSE_BUSY, 0);
    return;
  }
  NdisDprAcquireSpinLock(&Binding->Lock);
  InsertTailList(&Af->VcList, &Vc->Link);
  Af->VcCount++;
  Vc->CallRef = Msg->CallRef;
  Vc->Rate = Msg->Rate;
  Vc->Incoming = TRUE;
  Vc->State = CmsCallOffered;
  NdisDprReleaseSpinLock(&Binding->Lock);
  (VOID)CmspSend(Binding, CMS_MSG_CALL_PROCEEDING, Vc->CallRef, 0, 0, 0);

  OfferedRate = Msg->Rate;
  Params.CallMgrParameters = &OfferedRate;
  Status = NdisCmActivateVc(Vc->NdisVcHandle, &Params);
  if (Status != NDIS_STATUS_SUCCESS && Status != NDIS_STATUS_PENDING) {
    (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Vc->CallRef, 0,
                   CMS_CAUSE_BUSY, 0);
    Vc->State = CmsCallNull;
    NdisCoDeleteVc(Vc->NdisVcHandle);
    return;
  }
  Status = NdisCmDispatchIncomingCall(Sap->NdisSapHandle, Vc->NdisVcHandle,
                                      &Params);
  if (Status != NDIS_STATUS_PENDING)
    CmsIncomingCallComplete(Status, Vc, &Params);
}

_Use_decl_annotations_ VOID
CmsIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                        PCO_CALL_PARAMETERS CallParameters) {
  PCMS_VC Vc = (PCMS_VC)CallMgrVcContext;
  PCMS_BINDING Binding = Vc->Af->Binding;

  UNREFERENCED_PARAMETER(CallParameters);
  if (Status == NDIS_STATUS_SUCCESS) {
    (VOID)CmspSend(Binding, CMS_MSG_CONNECT, Vc->CallRef, 0, 0, Vc->Rate);
    NdisAcquireSpinLock(&Binding->Lock);
    Vc->State = CmsCallActive;
    NdisReleaseSpinLock(&Binding->Lock);
    NdisCmDispatchCallConnected(Vc->NdisVcHandle);
    return;
  }
  (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Vc->CallRef, 0,
                 CMS_CAUSE_BUSY, 0);
  NdisAcquireSpinLock(&Binding->Lock);
  Vc->State = CmsCallNull;
  NdisReleaseSpinLock(&Binding->Lock);
  (VOID)NdisCmDeactivateVc(Vc->NdisVcHandle);
}

/* ---------------------------------------------------------------------- */
/* OID requests                                                           */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS CmspQueryStats(PCMS_BINDING Binding,
                                  PNDIS_OID_REQUEST OidRequest) {
  PULONG Out;

  if (OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
      4 * sizeof(ULONG)) {
    OidRequest->DATA.QUERY_INFORMATION.BytesNeeded = 4 * sizeof(ULONG);
    return NDIS_STATUS_INVALID_DATA;
  }
  Out = (PULONG)OidRequest->DATA.QUERY_INFORMATION.InformationBuffer;
  Out[0] = Binding->MessagesSent;
  Out[1] = Binding->MessagesReceived;
  Out[2] = Binding->Retransmissions;
  Out[3] = Binding->Failures;
  OidRequest->DATA.QUERY_INFORMATION.BytesWritten = 4 * sizeof(ULONG);
  return NDIS_STATUS_SUCCESS;
}

/* Asks the switch about a call; the STATUS reply completes the request. */
static NDIS_STATUS CmspQueryCallInfo(PCMS_AF Af, PCMS_VC Vc, PCMS_PARTY Party,
                                     PNDIS_OID_REQUEST OidRequest) {
  PCMS_BINDING Binding = Af->Binding;
  PCMS_OID_CONTEXT Ctx;
  BOOLEAN Arm;

  if (Vc == NULL || Vc->State != CmsCallActive)
    return NDIS_STATUS_INVALID_STATE;
  if (OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
      2 * sizeof(ULONG))
    return NDIS_STATUS_INVALID_DATA;
  Ctx = NdisAllocateMemoryWithTagPriority(CmsProtocolHandle, sizeof(*Ctx),
                                          CMS_TAG, NormalPoolPriority);
  if (Ctx == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Ctx, sizeof(*Ctx));
  Ctx->Af = Af;
  Ctx->Vc = Vc;
  Ctx->Party = Party;
  Ctx->Request = OidRequest;
  if (!CmspSend(Binding, CMS_MSG_STATUS_ENQUIRY, Vc->CallRef, 0, 0, 0)) {
    NdisFreeMemory(Ctx, sizeof(*Ctx), 0);
    return NDIS_STATUS_RESOURCES;
  }
  NdisAcquireSpinLock(&Binding->Lock);
  InsertTailList(&Binding->OidList, &Ctx->Link);
  Arm = (BOOLEAN)!Binding->TimerArmed;
  Binding->TimerArmed = TRUE;
  NdisReleaseSpinLock(&Binding->Lock);
  CmspArmTimerIfNeeded(Binding, Arm);
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ NDIS_STATUS CmsOidRequest(NDIS_HANDLE ProtocolAfContext,
                                                 NDIS_HANDLE ProtocolVcContext,
                                                 NDIS_HANDLE ProtocolPartyContext,
                                                 PNDIS_OID_REQUEST OidRequest) {
  PCMS_AF Af = (PCMS_AF)ProtocolAfContext;
  PCMS_VC Vc = (PCMS_VC)ProtocolVcContext;
  PCMS_PARTY Party = (PCMS_PARTY)ProtocolPartyContext;

  if (OidRequest->RequestType != NdisRequestQueryInformation &&
      OidRequest->RequestType != NdisRequestQueryStatistics)
    return NDIS_STATUS_NOT_SUPPORTED;
  switch (OidRequest->DATA.QUERY_INFORMATION.Oid) {
  case OID_FABRIKAM_SIG_STATS:
    return CmspQueryStats(Af->Binding, OidRequest);
  case OID_FABRIKAM_SIG_CALL_INFO:
    return CmspQueryCallInfo(Af, Vc, Party, OidRequest);
  default:
    return NDIS_STATUS_NOT_SUPPORTED;
  }
}

/* Completes a pended call-info query with the switch's answer. */
static VOID CmspFinishOid(PCMS_OID_CONTEXT Ctx, NDIS_STATUS Status,
                          ULONG Rate, ULONG Cause) {
  PNDIS_OID_REQUEST Request = Ctx->Request;
  PULONG Out = (PULONG)Request->DATA.QUERY_INFORMATION.InformationBuffer;
  NDIS_HANDLE PartyHandle =
      Ctx->Party != NULL ? Ctx->Party->NdisPartyHandle : NULL;

  if (Status == NDIS_STATUS_SUCCESS) {
    Out[0] = Rate;
    Out[1] = Cause;
    Request->DATA.QUERY_INFORMATION.BytesWritten = 2 * sizeof(ULONG);
  }
  NdisCoOidRequestComplete(Ctx->Af->NdisAfHandle, Ctx->Vc->NdisVcHandle,
                           PartyHandle, Request, Status);
  NdisFreeMemory(Ctx, sizeof(*Ctx), 0);
}

static VOID CmspHandleStatusReply(PCMS_BINDING Binding, PCMS_VC Vc,
                                  PCMS_MSG Msg) {
  PLIST_ENTRY Entry;
  PCMS_OID_CONTEXT Found = NULL;

  NdisDprAcquireSpinLock(&Binding->Lock);
  for (Entry = Binding->OidList.Flink; Entry != &Binding->OidList;
       Entry = Entry->Flink) {
    PCMS_OID_CONTEXT Ctx = CONTAINING_RECORD(Entry, CMS_OID_CONTEXT, Link);

    if (Ctx->Vc == Vc) {
      RemoveEntryList(Entry);
      Found = Ctx;
      break;
    }
  }
  NdisDprReleaseSpinLock(&Binding->Lock);
  if (Found != NULL)
    CmspFinishOid(Found, NDIS_STATUS_SUCCESS, Msg->Rate, Msg->Cause);
}

_Use_decl_annotations_ VOID CmsOidRequestComplete(NDIS_HANDLE ProtocolAfContext,
                                                  NDIS_HANDLE ProtocolVcContext,
                                                  NDIS_HANDLE ProtocolPartyContext,
                                                  PNDIS_OID_REQUEST OidRequest,
                                                  NDIS_STATUS Status) {
  PCMS_AF Af = (PCMS_AF)ProtocolAfContext;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  UNREFERENCED_PARAMETER(OidRequest);
  /* Only the final report is ever sent to a client; the AF it lived in may
   * be gone, so nothing of it is touched here. */
  UNREFERENCED_PARAMETER(Af);
  UNREFERENCED_PARAMETER(Status);
}

/* ---------------------------------------------------------------------- */
/* Receive path: the miniport's receive handler queues, the DPC processes */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ VOID
CmsReceiveNetBufferLists(NDIS_HANDLE ProtocolBindingContext,
                         NDIS_HANDLE ProtocolVcContext,
                         PNET_BUFFER_LIST NetBufferLists,
                         ULONG NumberOfNetBufferLists, ULONG ReceiveFlags) {
  PCMS_BINDING Binding = (PCMS_BINDING)ProtocolBindingContext;
  PNET_BUFFER_LIST Nbl;
  PCMS_RX Rx;
  BOOLEAN Queue = FALSE;
  KIRQL OldIrql;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(NumberOfNetBufferLists);
  UNREFERENCED_PARAMETER(ReceiveFlags);

  for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Nbl->Next) {
    PCMS_TX Frame = CONTAINING_RECORD(Nbl, CMS_TX, Nbl);

    Rx = NdisAllocateMemoryWithTagPriority(CmsProtocolHandle, sizeof(*Rx),
                                           CMS_TAG, LowPoolPriority);
    if (Rx == NULL) {
      Binding->Failures++;
      continue;
    }
    NdisMoveMemory(&Rx->Msg, &Frame->Msg, sizeof(Rx->Msg));
    NdisAcquireSpinLock(&Binding->Lock);
    InsertTailList(&Binding->RxQueue, &Rx->Link);
    Binding->MessagesReceived++;
    if (!Binding->RxDpcQueued) {
      Binding->RxDpcQueued = TRUE;
      Queue = TRUE;
    }
    NdisReleaseSpinLock(&Binding->Lock);
  }
  if (Queue) {
    KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
    KeInsertQueueDpc(&Binding->RxDpc, NULL, NULL);
    KeLowerIrql(OldIrql);
  }
}

/* Dispatches one message on a call to its handler. */
static VOID CmspDispatchCallMessage(PCMS_BINDING Binding, PCMS_VC Vc,
                                    PCMS_MSG Msg) {
  switch (Msg->Type) {
  case CMS_MSG_CALL_PROCEEDING:
    /* The switch is working on it: restart the retry count. */
    Vc->Retries = 0;
    break;
  case CMS_MSG_CONNECT:
    CmspHandleConnect(Vc, Msg);
    break;
  case CMS_MSG_RELEASE:
  case CMS_MSG_RELEASE_COMPLETE:
    CmspHandleRelease(Vc, Msg);
    break;
  case CMS_MSG_ADD_PARTY_ACK:
  case CMS_MSG_ADD_PARTY_REJECT:
    CmspHandleAddPartyReply(Vc, Msg);
    break;
  case CMS_MSG_DROP_PARTY:
  case CMS_MSG_DROP_PARTY_ACK:
    CmspHandleDropPartyAck(Vc, Msg);
    break;
  case CMS_MSG_MODIFY_ACK:
    CmspFinishModify(Vc, NDIS_STATUS_SUCCESS);
    break;
  case CMS_MSG_MODIFY_REJECT:
    CmspFinishModify(Vc, NDIS_STATUS_NOT_ACCEPTED);
    break;
  case CMS_MSG_STATUS_ENQUIRY:
    CmspHandleStatusReply(Binding, Vc, Msg);
    break;
  default:
    Binding->Failures++;
    break;
  }
}

static VOID CmspProcessMessage(PCMS_BINDING Binding, PCMS_MSG Msg) {
  PCMS_AF Af;
  PCMS_VC Vc;

  NdisDprAcquireSpinLock(&Binding->Lock);
  Af = Binding->Af;
  Vc = Af != NULL ? CmspFindVcLocked(Af, Msg->CallRef) : NULL;
  NdisDprReleaseSpinLock(&Binding->Lock);
  if (Af == NULL)
    return; /* no client: nothing can be signalled */

  switch (Msg->Type) {
  case CMS_MSG_REGISTER_ACK:
  case CMS_MSG_REGISTER_REJECT:
    CmspHandleRegisterReply(Binding, Af, Msg);
    return;
  case CMS_MSG_SETUP:
    if (Vc == NULL)
      CmspHandleIncomingSetup(Binding, Af, Msg);
    return;
  default:
    break;
  }
  if (Vc == NULL) {
    /* A message about a call we do not know: answer as the standard says. */
    if (Msg->Type != CMS_MSG_RELEASE_COMPLETE)
      (VOID)CmspSend(Binding, CMS_MSG_RELEASE_COMPLETE, Msg->CallRef, 0,
                     CMS_CAUSE_NO_ROUTE, 0);
    return;
  }
  CmspDispatchCallMessage(Binding, Vc, Msg);
}

_Use_decl_annotations_ VOID CmsRxDpc(struct _KDPC *Dpc, PVOID DeferredContext,
                                     PVOID SystemArgument1,
                                     PVOID SystemArgument2) {
  PCMS_BINDING Binding = (PCMS_BINDING)DeferredContext;
  PLIST_ENTRY Entry;
  PCMS_RX Rx;
  ULONG Budget = 64;

  UNREFERENCED_PARAMETER(Dpc);
  UNREFERENCED_PARAMETER(SystemArgument1);
  UNREFERENCED_PARAMETER(SystemArgument2);

  for (;;) {
    NdisDprAcquireSpinLock(&Binding->Lock);
    if (IsListEmpty(&Binding->RxQueue) || Budget == 0) {
      Binding->RxDpcQueued = (BOOLEAN)!IsListEmpty(&Binding->RxQueue);
      NdisDprReleaseSpinLock(&Binding->Lock);
      break;
    }
    Entry = RemoveHeadList(&Binding->RxQueue);
    NdisDprReleaseSpinLock(&Binding->Lock);
    Rx = CONTAINING_RECORD(Entry, CMS_RX, Link);
    CmspProcessMessage(Binding, &Rx->Msg);
    NdisFreeMemory(Rx, sizeof(*Rx), 0);
    Budget--;
  }
  if (Binding->RxDpcQueued)
    KeInsertQueueDpc(&Binding->RxDpc, NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Retransmission timer                                                   */
/* ---------------------------------------------------------------------- */

/* A VC whose message was never answered: give up on what it waited for. */
static VOID CmspGiveUp(PCMS_BINDING Binding, PCMS_VC Vc) {
  Binding->Failures++;
  switch (Vc->LastSent) {
  case CMS_MSG_SETUP:
    CmspFailMakeCall(Vc, NDIS_STATUS_FAILURE);
    break;
  case CMS_MSG_RELEASE:
    /* The switch forgot the call: release it locally. */
    CmspDeactivate(Vc);
    break;
  case CMS_MSG_MODIFY:
    CmspFinishModify(Vc, NDIS_STATUS_FAILURE);
    break;
  default:
    break;
  }
}

static VOID CmspExpireOids(PCMS_BINDING Binding) {
  LIST_ENTRY Expired;
  PLIST_ENTRY Entry, Next;

  InitializeListHead(&Expired);
  NdisDprAcquireSpinLock(&Binding->Lock);
  for (Entry = Binding->OidList.Flink; Entry != &Binding->OidList;
       Entry = Next) {
    PCMS_OID_CONTEXT Ctx = CONTAINING_RECORD(Entry, CMS_OID_CONTEXT, Link);

    Next = Entry->Flink;
    if (++Ctx->Ticks > CMS_MAX_RETRIES) {
      RemoveEntryList(Entry);
      InsertTailList(&Expired, Entry);
    }
  }
  NdisDprReleaseSpinLock(&Binding->Lock);
  while (!IsListEmpty(&Expired)) {
    Entry = RemoveHeadList(&Expired);
    CmspFinishOid(CONTAINING_RECORD(Entry, CMS_OID_CONTEXT, Link),
                  NDIS_STATUS_FAILURE, 0, CMS_CAUSE_TIMEOUT);
  }
}

_Use_decl_annotations_ VOID CmsRetransmitTimer(PVOID SystemSpecific1,
                                               PVOID FunctionContext,
                                               PVOID SystemSpecific2,
                                               PVOID SystemSpecific3) {
  PCMS_BINDING Binding = (PCMS_BINDING)FunctionContext;
  LIST_ENTRY Resend, Expired;
  PLIST_ENTRY Entry, Next;
  PCMS_VC Vc;
  BOOLEAN Rearm;

  UNREFERENCED_PARAMETER(SystemSpecific1);
  UNREFERENCED_PARAMETER(SystemSpecific2);
  UNREFERENCED_PARAMETER(SystemSpecific3);

  InitializeListHead(&Resend);
  InitializeListHead(&Expired);

  NdisDprAcquireSpinLock(&Binding->Lock);
  for (Entry = Binding->RetransmitList.Flink;
       Entry != &Binding->RetransmitList; Entry = Next) {
    Next = Entry->Flink;
    Vc = CONTAINING_RECORD(Entry, CMS_VC, TimerLink);
    if (++Vc->Retries > CMS_MAX_RETRIES) {
      RemoveEntryList(Entry);
      Vc->OnTimer = FALSE;
      InsertTailList(&Expired, Entry);
    } else {
      Binding->Retransmissions++;
    }
  }
  NdisDprReleaseSpinLock(&Binding->Lock);

  /* Resend what is still waiting (outside the lock: CmspSend allocates). */
  NdisDprAcquireSpinLock(&Binding->Lock);
  for (Entry = Binding->RetransmitList.Flink;
       Entry != &Binding->RetransmitList; Entry = Entry->Flink) {
    Vc = CONTAINING_RECORD(Entry, CMS_VC, TimerLink);
    if (Vc->Retries > 0) {
      ULONG Type = Vc->LastSent, Ref = Vc->CallRef, Rate = Vc->Rate;

      NdisDprReleaseSpinLock(&Binding->Lock);
      (VOID)CmspSend(Binding, Type, Ref, 0, 0, Rate);
      NdisDprAcquireSpinLock(&Binding->Lock);
    }
  }
  NdisDprReleaseSpinLock(&Binding->Lock);

  while (!IsListEmpty(&Expired)) {
    Entry = RemoveHeadList(&Expired);
    Vc = CONTAINING_RECORD(Entry, CMS_VC, TimerLink);
    InitializeListHead(&Vc->TimerLink);
    CmspGiveUp(Binding, Vc);
  }
  CmspExpireOids(Binding);

  NdisDprAcquireSpinLock(&Binding->Lock);
  Rearm = (BOOLEAN)(!IsListEmpty(&Binding->RetransmitList) ||
                    !IsListEmpty(&Binding->OidList));
  Binding->TimerArmed = Rearm;
  NdisDprReleaseSpinLock(&Binding->Lock);
  CmspArmTimerIfNeeded(Binding, Rearm);
}
