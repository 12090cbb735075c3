/*
 * client.c - Fabrikam conference bridge: a whole CoNDIS client, written for
 * the benchmark corpus (bench/corpus/README.md).
 *
 * Contract: a complete CoNDIS client protocol driver in the shape a shipping
 * one has. It binds to CoNDIS miniports, opens FABRIKAM_AF when a call
 * manager registers it (NdisClOpenAddressFamilyEx), registers a SAP for
 * incoming calls, and runs conferences: one point-to-multipoint call per
 * conference (NdisCoCreateVc, NdisClMakeCall with a retry timer and
 * back-off), members joining and leaving as parties (NdisClAddParty,
 * NdisClDropParty), bandwidth changes (NdisClModifyCallQoS), incoming
 * point-to-point calls accepted from a work item (NdisClIncomingCallComplete),
 * calls and parties the network releases, the call manager's close-AF
 * notification, and OID requests both ways. Sends are queued per conference
 * and drained by a DPC. Built as is, it has no condis finding; built with
 * -DBENCH_SEEDED, each `#ifdef BENCH_SEEDED` block swaps correct code for a
 * documented bug (bench/corpus/README.md; the "seeded" -verify directives are
 * what test/bench/corpus.test checks).
 *
 * Compiles with `clang-22 -fsyntax-only -Wall -Wextra -I samples/include`.
 */
#include <ndis.h>

// clean-no-diagnostics

#define FCB_TAG 'bCcF'
#define FABRIKAM_AF 0x8102
#define FCB_MAX_CONFERENCES 4
#define FCB_MAX_MEMBERS 16
#define FCB_MAX_INCOMING 8
#define FCB_RETRY_BASE_MS 250
#define FCB_MAX_RETRIES 5
#define FCB_DEFAULT_RATE 8000
#define FCB_MAX_RATE 353207
#define FCB_SAP_SELECTOR 2

/* Management requests the adapter's control channel indicates as status
 * codes (conference number in the low byte). */
#define FCB_STATUS_JOIN 0x40FC0100
#define FCB_STATUS_LEAVE 0x40FC0200
#define FCB_STATUS_RATE_UP 0x40FC0300
#define FCB_STATUS_RATE_DOWN 0x40FC0400
#define FCB_STATUS_END 0x40FC0500

#define OID_FABRIKAM_BRIDGE_STATS 0xFF040001
#define OID_FABRIKAM_BRIDGE_MEMBERS 0xFF040002
#define OID_FABRIKAM_BRIDGE_GOODBYE 0xFF040003
#define OID_FABRIKAM_LEAF_REPORT 0xFF020005

typedef struct _FCB_BINDING FCB_BINDING, *PFCB_BINDING;
typedef struct _FCB_CONFERENCE FCB_CONFERENCE, *PFCB_CONFERENCE;

typedef enum _FCB_CALL_STATE {
  FcbCallIdle,
  FcbCallMaking,     /* NdisClMakeCall pended */
  FcbCallBackingOff, /* waiting for the retry timer */
  FcbCallUp,
  FcbCallModifying,  /* NdisClModifyCallQoS pended */
  FcbCallClosing     /* NdisClCloseCall pended */
} FCB_CALL_STATE;

typedef enum _FCB_MEMBER_STATE {
  FcbMemberJoining,  /* NdisClAddParty (or the make call) pended */
  FcbMemberIn,
  FcbMemberLeaving   /* NdisClDropParty pended */
} FCB_MEMBER_STATE;

/* One conference member: a party of the conference's call. */
typedef struct _FCB_MEMBER {
  LIST_ENTRY Link; /* on FCB_CONFERENCE.Members, under FCB_BINDING.Lock */
  PFCB_CONFERENCE Conference;
  NDIS_HANDLE NdisPartyHandle;
  FCB_MEMBER_STATE State;
  ULONG Address;
  BOOLEAN Root;    /* the party of the make call */
  CO_CALL_PARAMETERS Params;
  ULONG Rate;
} FCB_MEMBER, *PFCB_MEMBER;

struct _FCB_CONFERENCE {
  PFCB_BINDING Binding;
  NDIS_HANDLE NdisVcHandle;
  FCB_CALL_STATE State;
  ULONG Index;
  ULONG Retries;
  ULONG Rate;
  ULONG PendingRate;
  LIST_ENTRY Members;
  ULONG MemberCount;
  PFCB_MEMBER Root;
  CO_CALL_PARAMETERS CallParams;
  CO_CALL_PARAMETERS QosParams;
  BOOLEAN InUse;
  BOOLEAN TearDown;  /* close as soon as the pending operation completes */
  /* Sends waiting for the DPC. */
  PNET_BUFFER_LIST SendHead;
  PNET_BUFFER_LIST SendTail;
};

/* An incoming point-to-point call waiting for the accept work item. */
typedef struct _FCB_INCOMING {
  LIST_ENTRY Link;        /* on FCB_BINDING.Incoming from create to delete */
  LIST_ENTRY AcceptLink;  /* on FCB_BINDING.AcceptQueue while offered */
  PFCB_BINDING Binding;
  NDIS_HANDLE NdisVcHandle;
  PCO_CALL_PARAMETERS CallParameters;
  BOOLEAN Offered;  /* ClIncomingCall pended for it */
  BOOLEAN Up;
  ULONG Rate;
} FCB_INCOMING, *PFCB_INCOMING;

/* An OID request from the call manager answered later by the timer. */
typedef struct _FCB_DEFERRED_OID {
  LIST_ENTRY Link;
  PNDIS_OID_REQUEST Request;
  NDIS_HANDLE VcHandle;
  NDIS_HANDLE PartyHandle;
} FCB_DEFERRED_OID, *PFCB_DEFERRED_OID;

typedef enum _FCB_AF_STATE {
  FcbAfClosed,
  FcbAfOpening,
  FcbAfOpen,
  FcbAfClosing
} FCB_AF_STATE;

struct _FCB_BINDING {
  LIST_ENTRY Link;
  NDIS_HANDLE NdisBindingHandle;
  NDIS_SPIN_LOCK Lock;
  FCB_AF_STATE AfState;
  NDIS_HANDLE NdisAfHandle;
  NDIS_HANDLE NdisSapHandle;
  BOOLEAN SapRegistering;
  BOOLEAN CloseAfNotified; /* the CM asked; complete with Complete() */
  FCB_CONFERENCE Conferences[FCB_MAX_CONFERENCES];
  LIST_ENTRY Incoming;     /* FCB_INCOMING */
  LIST_ENTRY AcceptQueue;  /* FCB_INCOMING.AcceptLink, for FcbAcceptWorker */
  ULONG IncomingCount;
  LIST_ENTRY DeferredOids; /* FCB_DEFERRED_OID */
  NDIS_HANDLE RetryTimer;
  BOOLEAN RetryArmed;
  NDIS_HANDLE AcceptWorkItem;
  BOOLEAN AcceptQueued;
  NDIS_HANDLE ControlWorkItem;
  BOOLEAN ControlQueued;
  KDPC SendDpc;
  NPAGED_LOOKASIDE_LIST MemberLookaside;
  struct _SAP_BUFFER {
    CO_SAP Sap;
    UCHAR More[3];
  } SapBuffer;
  /* The goodbye report sent when the AF closes. */
  NDIS_OID_REQUEST Goodbye;
  ULONG GoodbyeCounters[3];
  ULONG CallsMade;
  ULONG CallsFailed;
  ULONG MembersJoined;
  ULONG BytesSent;
};

static NDIS_HANDLE FcbProtocolHandle;
static LIST_ENTRY FcbBindings;
static NDIS_SPIN_LOCK FcbGlobalLock;

DRIVER_INITIALIZE DriverEntry;
PROTOCOL_BIND_ADAPTER_EX FcbBindAdapter;
PROTOCOL_UNBIND_ADAPTER_EX FcbUnbindAdapter;
PROTOCOL_CO_AF_REGISTER_NOTIFY FcbAfRegisterNotify;
PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS FcbReceiveNetBufferLists;
PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE FcbSendNetBufferListsComplete;
PROTOCOL_CO_STATUS_EX FcbStatus;
NDIS_TIMER_FUNCTION FcbRetryTimer;
NDIS_IO_WORKITEM_FUNCTION FcbAcceptWorker;
NDIS_IO_WORKITEM_FUNCTION FcbControlWorker;
KDEFERRED_ROUTINE FcbSendDpc;

PROTOCOL_CO_CREATE_VC FcbCreateVc;
PROTOCOL_CO_DELETE_VC FcbDeleteVc;
PROTOCOL_CO_OID_REQUEST FcbOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE FcbOidRequestComplete;
PROTOCOL_CL_OPEN_AF_COMPLETE_EX FcbOpenAfComplete;
PROTOCOL_CL_CLOSE_AF_COMPLETE FcbCloseAfComplete;
PROTOCOL_CL_REGISTER_SAP_COMPLETE FcbRegisterSapComplete;
PROTOCOL_CL_DEREGISTER_SAP_COMPLETE FcbDeregisterSapComplete;
PROTOCOL_CL_MAKE_CALL_COMPLETE FcbMakeCallComplete;
PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE FcbModifyCallQoSComplete;
PROTOCOL_CL_CLOSE_CALL_COMPLETE FcbCloseCallComplete;
PROTOCOL_CL_ADD_PARTY_COMPLETE FcbAddPartyComplete;
PROTOCOL_CL_DROP_PARTY_COMPLETE FcbDropPartyComplete;
PROTOCOL_CL_INCOMING_CALL FcbIncomingCall;
PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE FcbIncomingCallQoSChange;
PROTOCOL_CL_INCOMING_CLOSE_CALL FcbIncomingCloseCall;
PROTOCOL_CL_INCOMING_DROP_PARTY FcbIncomingDropParty;
PROTOCOL_CL_CALL_CONNECTED FcbCallConnected;
PROTOCOL_CL_NOTIFY_CLOSE_AF FcbNotifyCloseAf;

/* ---------------------------------------------------------------------- */
/* Registration                                                           */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS FcbpSetClientHandlers(NDIS_HANDLE ProtocolHandle) {
  NDIS_CO_CLIENT_OPTIONAL_HANDLERS H;

  NdisZeroMemory(&H, sizeof(H));
  H.Header.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS;
  H.Header.Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
  H.Header.Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
  H.ClCreateVcHandler = FcbCreateVc;
  H.ClDeleteVcHandler = FcbDeleteVc;
  H.ClOidRequestHandler = FcbOidRequest;
  H.ClOidRequestCompleteHandler = FcbOidRequestComplete;
  H.ClOpenAfCompleteHandlerEx = FcbOpenAfComplete;
  H.ClCloseAfCompleteHandler = FcbCloseAfComplete;
  H.ClRegisterSapCompleteHandler = FcbRegisterSapComplete;
  H.ClDeregisterSapCompleteHandler = FcbDeregisterSapComplete;
  H.ClMakeCallCompleteHandler = FcbMakeCallComplete;
  H.ClModifyCallQoSCompleteHandler = FcbModifyCallQoSComplete;
  H.ClCloseCallCompleteHandler = FcbCloseCallComplete;
  H.ClAddPartyCompleteHandler = FcbAddPartyComplete;
  H.ClDropPartyCompleteHandler = FcbDropPartyComplete;
  H.ClIncomingCallHandler = FcbIncomingCall;
  H.ClIncomingCallQoSChangeHandler = FcbIncomingCallQoSChange;
  H.ClIncomingCloseCallHandler = FcbIncomingCloseCall;
  H.ClIncomingDropPartyHandler = FcbIncomingDropParty;
  H.ClCallConnectedHandler = FcbCallConnected;
  H.ClNotifyCloseAfHandler = FcbNotifyCloseAf;
  return NdisSetOptionalHandlers(ProtocolHandle,
                                 (PNDIS_DRIVER_OPTIONAL_HANDLERS)&H);
}

static NDIS_STATUS FcbpSetCoCharacteristics(NDIS_HANDLE ProtocolHandle) {
  NDIS_PROTOCOL_CO_CHARACTERISTICS Co;

  NdisZeroMemory(&Co, sizeof(Co));
  Co.Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
  Co.Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  Co.Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
  Co.CoStatusHandlerEx = FcbStatus;
  Co.CoAfRegisterNotifyHandler = FcbAfRegisterNotify;
  Co.CoReceiveNetBufferListsHandler = FcbReceiveNetBufferLists;
  Co.CoSendNetBufferListsCompleteHandler = FcbSendNetBufferListsComplete;
  return NdisSetOptionalHandlers(ProtocolHandle,
                                 (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Co);
}

_Use_decl_annotations_ NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject,
                                            PUNICODE_STRING RegistryPath) {
  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Chars;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);

  InitializeListHead(&FcbBindings);
  NdisAllocateSpinLock(&FcbGlobalLock);

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.MajorNdisVersion = NDIS_PROTOCOL_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_PROTOCOL_MINOR_VERSION;
  Chars.MajorDriverVersion = 1;
  Chars.MinorDriverVersion = 7;
  Chars.BindAdapterHandlerEx = FcbBindAdapter;
  Chars.UnbindAdapterHandlerEx = FcbUnbindAdapter;

  Status = NdisRegisterProtocolDriver(NULL, &Chars, &FcbProtocolHandle);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisFreeSpinLock(&FcbGlobalLock);
    return (NTSTATUS)Status;
  }
  Status = FcbpSetClientHandlers(FcbProtocolHandle);
  if (Status == NDIS_STATUS_SUCCESS)
    Status = FcbpSetCoCharacteristics(FcbProtocolHandle);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisDeregisterProtocolDriver(FcbProtocolHandle);
    NdisFreeSpinLock(&FcbGlobalLock);
  }
  return (NTSTATUS)Status;
}

/* ---------------------------------------------------------------------- */
/* Binding                                                                */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS FcbpAllocateRetryTimer(PFCB_BINDING Binding) {
  NDIS_TIMER_CHARACTERISTICS Chars;

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
  Chars.AllocationTag = FCB_TAG;
  Chars.TimerFunction = FcbRetryTimer;
  Chars.FunctionContext = Binding;
  return NdisAllocateTimerObject(FcbProtocolHandle, &Chars, &Binding->RetryTimer);
}

static VOID FcbpFreeBinding(PFCB_BINDING Binding) {
  if (Binding->RetryTimer != NULL)
    NdisFreeTimerObject(Binding->RetryTimer);
  if (Binding->AcceptWorkItem != NULL)
    NdisFreeIoWorkItem(Binding->AcceptWorkItem);
  if (Binding->ControlWorkItem != NULL)
    NdisFreeIoWorkItem(Binding->ControlWorkItem);
  NdisDeleteNPagedLookasideList(&Binding->MemberLookaside);
  NdisFreeSpinLock(&Binding->Lock);
  NdisFreeMemory(Binding, sizeof(*Binding), 0);
}

_Use_decl_annotations_ NDIS_STATUS
FcbBindAdapter(NDIS_HANDLE ProtocolDriverContext, NDIS_HANDLE BindContext,
               PNDIS_BIND_PARAMETERS BindParameters) {
  static NDIS_MEDIUM Media[] = {NdisMediumAtm, NdisMediumCoWan};
  NDIS_OPEN_PARAMETERS Open;
  UINT Selected = 0;
  PFCB_BINDING Binding;
  NDIS_STATUS Status;
  ULONG i;

  UNREFERENCED_PARAMETER(ProtocolDriverContext);

  Binding = NdisAllocateMemoryWithTagPriority(
      FcbProtocolHandle, sizeof(*Binding), FCB_TAG, NormalPoolPriority);
  if (Binding == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Binding, sizeof(*Binding));
  NdisAllocateSpinLock(&Binding->Lock);
  InitializeListHead(&Binding->Incoming);
  InitializeListHead(&Binding->AcceptQueue);
  InitializeListHead(&Binding->DeferredOids);
  KeInitializeDpc(&Binding->SendDpc, FcbSendDpc, Binding);
  NdisInitializeNPagedLookasideList(&Binding->MemberLookaside, NULL, NULL, 0,
                                    sizeof(FCB_MEMBER), FCB_TAG, 0);
  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    Binding->Conferences[i].Binding = Binding;
    Binding->Conferences[i].Index = i;
    InitializeListHead(&Binding->Conferences[i].Members);
  }

  Status = FcbpAllocateRetryTimer(Binding);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;
  Binding->AcceptWorkItem = NdisAllocateIoWorkItem(FcbProtocolHandle);
  Binding->ControlWorkItem = NdisAllocateIoWorkItem(FcbProtocolHandle);
  if (Binding->AcceptWorkItem == NULL || Binding->ControlWorkItem == NULL) {
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
  Status = NdisOpenAdapterEx(FcbProtocolHandle, Binding, &Open, BindContext,
                             &Binding->NdisBindingHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;

  NdisAcquireSpinLock(&FcbGlobalLock);
  InsertTailList(&FcbBindings, &Binding->Link);
  NdisReleaseSpinLock(&FcbGlobalLock);
  /* FcbAfRegisterNotify opens the AF when the call manager registers it. */
  return NDIS_STATUS_SUCCESS;

Fail:
  FcbpFreeBinding(Binding);
  return Status;
}

_Use_decl_annotations_ NDIS_STATUS
FcbUnbindAdapter(NDIS_HANDLE UnbindContext, NDIS_HANDLE ProtocolBindingContext) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolBindingContext;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(UnbindContext);

  /* NDIS unbinds only after the AF is closed (the CM's notification did
   * that). */
  NdisCancelTimerObject(Binding->RetryTimer);
  NdisAcquireSpinLock(&FcbGlobalLock);
  RemoveEntryList(&Binding->Link);
  NdisReleaseSpinLock(&FcbGlobalLock);
  Status = NdisCloseAdapterEx(Binding->NdisBindingHandle);
  FcbpFreeBinding(Binding);
  return Status;
}

static NDIS_STATUS FcbpJoin(PFCB_CONFERENCE Conf, ULONG Address);
static VOID FcbpLeave(PFCB_MEMBER Member);
static NDIS_STATUS FcbpChangeRate(PFCB_CONFERENCE Conf, ULONG Rate);
static VOID FcbpEndConference(PFCB_CONFERENCE Conf);

/* The newest member of a conference that is in, or NULL. */
static PFCB_MEMBER FcbpNewestMember(PFCB_CONFERENCE Conf) {
  PFCB_BINDING Binding = Conf->Binding;
  PFCB_MEMBER Found = NULL;
  PLIST_ENTRY Entry;

  NdisAcquireSpinLock(&Binding->Lock);
  for (Entry = Conf->Members.Blink; Entry != &Conf->Members;
       Entry = Entry->Blink) {
    PFCB_MEMBER M = CONTAINING_RECORD(Entry, FCB_MEMBER, Link);

    if (M->State == FcbMemberIn && !M->Root) {
      Found = M;
      break;
    }
  }
  NdisReleaseSpinLock(&Binding->Lock);
  return Found;
}

/* Management requests from the adapter's control channel. */
static VOID FcbpManage(PFCB_BINDING Binding, ULONG Code) {
  ULONG Index = Code & 0xFF;
  PFCB_CONFERENCE Conf;
  PFCB_MEMBER Member;

  if (Index >= FCB_MAX_CONFERENCES || Binding->AfState != FcbAfOpen)
    return;
  Conf = &Binding->Conferences[Index];
  if (!Conf->InUse)
    return;
  switch (Code & 0xFFFFFF00) {
  case FCB_STATUS_JOIN:
    (VOID)FcbpJoin(Conf, 0x2000 + Conf->MemberCount);
    break;
  case FCB_STATUS_LEAVE:
    Member = FcbpNewestMember(Conf);
    if (Member != NULL)
      FcbpLeave(Member);
    break;
  case FCB_STATUS_RATE_UP:
    (VOID)FcbpChangeRate(Conf, Conf->Rate * 2);
    break;
  case FCB_STATUS_RATE_DOWN:
    (VOID)FcbpChangeRate(Conf, Conf->Rate / 2);
    break;
  case FCB_STATUS_END:
    FcbpEndConference(Conf);
    break;
  default:
    break;
  }
}

_Use_decl_annotations_ VOID FcbStatus(NDIS_HANDLE ProtocolBindingContext,
                                      NDIS_HANDLE ProtocolVcContext,
                                      PNDIS_STATUS_INDICATION StatusIndication) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolBindingContext;
  ULONG Code = (ULONG)StatusIndication->StatusCode;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  if (StatusIndication->StatusCode == NDIS_STATUS_MEDIA_DISCONNECT) {
    Binding->CallsFailed++;
    return;
  }
  if ((Code & 0xFFFF0000) == 0x40FC0000)
    FcbpManage(Binding, Code);
}

/* ---------------------------------------------------------------------- */
/* Address family and SAP                                                 */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ VOID FcbAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
                                               PCO_ADDRESS_FAMILY AddressFamily) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolBindingContext;
  NDIS_HANDLE AfHandle = NULL;
  NDIS_STATUS Status;

  if (AddressFamily->AddressFamily != FABRIKAM_AF ||
      AddressFamily->MajorVersion != 2)
    return;

  NdisAcquireSpinLock(&Binding->Lock);
  if (Binding->AfState != FcbAfClosed) {
    NdisReleaseSpinLock(&Binding->Lock);
    return;
  }
  Binding->AfState = FcbAfOpening;
#ifdef BENCH_SEEDED
  /* Seeded bug L3: NdisClOpenAddressFamilyEx runs at PASSIVE_LEVEL, here
   * under the binding's spin lock. */
  Status = NdisClOpenAddressFamilyEx(Binding->NdisBindingHandle, AddressFamily, // seeded-warning {{PASSIVE_LEVEL}}
                                     Binding, &AfHandle);
  NdisReleaseSpinLock(&Binding->Lock);
#else
  NdisReleaseSpinLock(&Binding->Lock);
  Status = NdisClOpenAddressFamilyEx(Binding->NdisBindingHandle, AddressFamily,
                                     Binding, &AfHandle);
#endif
  if (Status != NDIS_STATUS_PENDING)
    FcbOpenAfComplete(Binding, AfHandle, Status);
}

static VOID FcbpRegisterSap(PFCB_BINDING Binding) {
  NDIS_STATUS Status;
  NDIS_HANDLE SapHandle = NULL;

  Binding->SapBuffer.Sap.SapType = 0;
  Binding->SapBuffer.Sap.SapLength = 1;
  Binding->SapBuffer.Sap.Sap[0] = FCB_SAP_SELECTOR;
  Binding->SapRegistering = TRUE;
  Status = NdisClRegisterSap(Binding->NdisAfHandle, Binding,
                             &Binding->SapBuffer.Sap, &SapHandle);
  if (Status != NDIS_STATUS_PENDING)
    FcbRegisterSapComplete(Status, Binding, &Binding->SapBuffer.Sap, SapHandle);
}

_Use_decl_annotations_ VOID FcbOpenAfComplete(NDIS_HANDLE ProtocolAfContext,
                                              NDIS_HANDLE NdisAfHandle,
                                              NDIS_STATUS Status) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolAfContext;

  NdisAcquireSpinLock(&Binding->Lock);
  if (Status != NDIS_STATUS_SUCCESS) {
    Binding->AfState = FcbAfClosed;
    NdisReleaseSpinLock(&Binding->Lock);
    return;
  }
  Binding->AfState = FcbAfOpen;
  Binding->NdisAfHandle = NdisAfHandle;
  NdisReleaseSpinLock(&Binding->Lock);

  FcbpRegisterSap(Binding);
  /* Start the configured conferences from PASSIVE_LEVEL. */
  NdisAcquireSpinLock(&Binding->Lock);
  if (!Binding->ControlQueued) {
    Binding->ControlQueued = TRUE;
    NdisReleaseSpinLock(&Binding->Lock);
    NdisQueueIoWorkItem(Binding->ControlWorkItem, FcbControlWorker, Binding);
    return;
  }
  NdisReleaseSpinLock(&Binding->Lock);
}

_Use_decl_annotations_ VOID FcbRegisterSapComplete(NDIS_STATUS Status,
                                                   NDIS_HANDLE ProtocolSapContext,
                                                   PCO_SAP Sap,
                                                   NDIS_HANDLE NdisSapHandle) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolSapContext;

  UNREFERENCED_PARAMETER(Sap);
  NdisAcquireSpinLock(&Binding->Lock);
  Binding->SapRegistering = FALSE;
  if (Status == NDIS_STATUS_SUCCESS)
    Binding->NdisSapHandle = NdisSapHandle;
  NdisReleaseSpinLock(&Binding->Lock);
}

_Use_decl_annotations_ VOID
FcbDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolSapContext;

  if (Status != NDIS_STATUS_SUCCESS)
    Binding->CallsFailed++;
}

/* ---------------------------------------------------------------------- */
/* Members (parties)                                                      */
/* ---------------------------------------------------------------------- */

static PFCB_MEMBER FcbpAllocateMember(PFCB_CONFERENCE Conf, ULONG Address,
                                      BOOLEAN Root) {
  PFCB_BINDING Binding = Conf->Binding;
  PFCB_MEMBER Member;

  Member = NdisAllocateFromNPagedLookasideList(&Binding->MemberLookaside);
  if (Member == NULL)
    return NULL;
  NdisZeroMemory(Member, sizeof(*Member));
  Member->Conference = Conf;
  Member->Address = Address;
  Member->Root = Root;
  Member->State = FcbMemberJoining;
  Member->Rate = Conf->Rate;
  Member->Params.CallMgrParameters = &Member->Rate;
  Member->Params.MediaParameters = &Member->Address;
  NdisAcquireSpinLock(&Binding->Lock);
  InsertTailList(&Conf->Members, &Member->Link);
  Conf->MemberCount++;
  NdisReleaseSpinLock(&Binding->Lock);
  return Member;
}

static VOID FcbpFreeMember(PFCB_MEMBER Member) {
  PFCB_CONFERENCE Conf = Member->Conference;
  PFCB_BINDING Binding = Conf->Binding;

  NdisAcquireSpinLock(&Binding->Lock);
  RemoveEntryList(&Member->Link);
  Conf->MemberCount--;
  if (Conf->Root == Member)
    Conf->Root = NULL;
  NdisReleaseSpinLock(&Binding->Lock);
  NdisFreeToNPagedLookasideList(&Binding->MemberLookaside, Member);
}

/* Adds a member to a conference whose call is up. */
static NDIS_STATUS FcbpJoin(PFCB_CONFERENCE Conf, ULONG Address) {
  PFCB_MEMBER Member;
  NDIS_STATUS Status;

  if (Conf->State != FcbCallUp || Conf->MemberCount >= FCB_MAX_MEMBERS)
    return NDIS_STATUS_INVALID_STATE;
  Member = FcbpAllocateMember(Conf, Address, FALSE);
  if (Member == NULL)
    return NDIS_STATUS_RESOURCES;
  Status = NdisClAddParty(Conf->NdisVcHandle, Member, &Member->Params,
                          &Member->NdisPartyHandle);
  if (Status != NDIS_STATUS_PENDING)
    FcbAddPartyComplete(Status, Member, Member->NdisPartyHandle,
                        &Member->Params);
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ VOID FcbAddPartyComplete(NDIS_STATUS Status,
                                                NDIS_HANDLE ProtocolPartyContext,
                                                NDIS_HANDLE NdisPartyHandle,
                                                PCO_CALL_PARAMETERS CallParameters) {
  PFCB_MEMBER Member = (PFCB_MEMBER)ProtocolPartyContext;
  PFCB_CONFERENCE Conf = Member->Conference;
  PFCB_BINDING Binding = Conf->Binding;

  UNREFERENCED_PARAMETER(CallParameters);
  if (Status != NDIS_STATUS_SUCCESS) {
    FcbpFreeMember(Member);
    return;
  }
  NdisAcquireSpinLock(&Binding->Lock);
  Member->NdisPartyHandle = NdisPartyHandle;
  Member->State = FcbMemberIn;
  Binding->MembersJoined++;
  NdisReleaseSpinLock(&Binding->Lock);
}

/* Removes a member. The last one is not dropped: its leaving closes the
 * call (a point-to-multipoint call cannot lose its last party). */
static VOID FcbpLeave(PFCB_MEMBER Member) {
  PFCB_CONFERENCE Conf = Member->Conference;
  PFCB_BINDING Binding = Conf->Binding;
  NDIS_HANDLE PartyHandle;
  NDIS_STATUS Status;
  BOOLEAN Last;

  NdisAcquireSpinLock(&Binding->Lock);
  if (Member->State != FcbMemberIn) {
    NdisReleaseSpinLock(&Binding->Lock);
    return;
  }
  Last = (BOOLEAN)(Conf->MemberCount == 1);
  Member->State = FcbMemberLeaving;
  PartyHandle = Member->NdisPartyHandle;
  if (Last) {
    Conf->State = FcbCallClosing;
    NdisReleaseSpinLock(&Binding->Lock);
    Status = NdisClCloseCall(Conf->NdisVcHandle, PartyHandle, NULL, 0);
    if (Status != NDIS_STATUS_PENDING)
      FcbCloseCallComplete(Status, Conf, Member);
    return;
  }
  NdisReleaseSpinLock(&Binding->Lock);
  Status = NdisClDropParty(PartyHandle, NULL, 0);
  if (Status != NDIS_STATUS_PENDING)
    FcbDropPartyComplete(Status, Member);
}

_Use_decl_annotations_ VOID FcbDropPartyComplete(NDIS_STATUS Status,
                                                 NDIS_HANDLE ProtocolPartyContext) {
  PFCB_MEMBER Member = (PFCB_MEMBER)ProtocolPartyContext;
  PFCB_BINDING Binding = Member->Conference->Binding;

  if (Status == NDIS_STATUS_SUCCESS) {
    FcbpFreeMember(Member);
    return;
  }
  /* The call manager kept the party: it is still a member. */
  NdisAcquireSpinLock(&Binding->Lock);
  Member->State = FcbMemberIn;
  NdisReleaseSpinLock(&Binding->Lock);
}

_Use_decl_annotations_ VOID FcbIncomingDropParty(NDIS_STATUS DropStatus,
                                                 NDIS_HANDLE ProtocolPartyContext,
                                                 PVOID CloseData, UINT Size) {
  PFCB_MEMBER Member = (PFCB_MEMBER)ProtocolPartyContext;
  PFCB_BINDING Binding = Member->Conference->Binding;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DropStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  /* The network let the member go: drop the party on our side too. */
  NdisAcquireSpinLock(&Binding->Lock);
  Member->State = FcbMemberLeaving;
  NdisReleaseSpinLock(&Binding->Lock);
  Status = NdisClDropParty(Member->NdisPartyHandle, NULL, 0);
  if (Status != NDIS_STATUS_PENDING)
    FcbDropPartyComplete(Status, Member);
}

/* ---------------------------------------------------------------------- */
/* Conference calls                                                       */
/* ---------------------------------------------------------------------- */

static VOID FcbpArmRetry(PFCB_BINDING Binding, ULONG Milliseconds) {
  LARGE_INTEGER DueTime;

  DueTime.QuadPart = -(LONGLONG)Milliseconds * 10000;
  NdisSetTimerObject(Binding->RetryTimer, DueTime, 0, NULL);
}

/* Makes the conference's call, with its root member as the first party.
 * Called at PASSIVE_LEVEL from the control work item, or at DISPATCH_LEVEL
 * from the retry timer. */
static NDIS_STATUS FcbpStartConference(PFCB_CONFERENCE Conf, ULONG RootAddress) {
  PFCB_BINDING Binding = Conf->Binding;
  PFCB_MEMBER Root;
  NDIS_STATUS Status;

  if (Binding->AfState != FcbAfOpen)
    return NDIS_STATUS_CLOSING;
  if (Conf->NdisVcHandle == NULL) {
    Status = NdisCoCreateVc(Binding->NdisBindingHandle, Binding->NdisAfHandle,
                            Conf, &Conf->NdisVcHandle);
    if (Status != NDIS_STATUS_SUCCESS)
      return Status;
  }
  Root = Conf->Root;
  if (Root == NULL) {
    Root = FcbpAllocateMember(Conf, RootAddress, TRUE);
    if (Root == NULL)
      return NDIS_STATUS_RESOURCES;
    Conf->Root = Root;
  }
  Conf->CallParams.Flags = 0;
  Conf->CallParams.CallMgrParameters = &Conf->Rate;
  Conf->CallParams.MediaParameters = &Root->Address;

  NdisAcquireSpinLock(&Binding->Lock);
  Conf->State = FcbCallMaking;
  Binding->CallsMade++;
  NdisReleaseSpinLock(&Binding->Lock);
  Status = NdisClMakeCall(Conf->NdisVcHandle, &Conf->CallParams, Root,
                          &Root->NdisPartyHandle);
  if (Status != NDIS_STATUS_PENDING)
    FcbMakeCallComplete(Status, Conf, Root->NdisPartyHandle, &Conf->CallParams);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID FcbMakeCallComplete(NDIS_STATUS Status,
                                                NDIS_HANDLE ProtocolVcContext,
                                                NDIS_HANDLE NdisPartyHandle,
                                                PCO_CALL_PARAMETERS CallParameters) {
  PFCB_CONFERENCE Conf = (PFCB_CONFERENCE)ProtocolVcContext;
  PFCB_BINDING Binding = Conf->Binding;
  PFCB_MEMBER Root = Conf->Root;
  BOOLEAN TearDown;
  ULONG Delay;

  UNREFERENCED_PARAMETER(CallParameters);
  NdisAcquireSpinLock(&Binding->Lock);
  TearDown = Conf->TearDown;
  if (Status == NDIS_STATUS_SUCCESS) {
    Conf->State = FcbCallUp;
    Conf->Retries = 0;
    if (Root != NULL) {
      Root->NdisPartyHandle = NdisPartyHandle;
      Root->State = FcbMemberIn;
    }
    NdisReleaseSpinLock(&Binding->Lock);
    if (TearDown && Root != NULL)
      FcbpLeave(Root);
    return;
  }

  /* Failed: back off and try again, unless told to stop. */
  Binding->CallsFailed++;
  if (TearDown || ++Conf->Retries > FCB_MAX_RETRIES) {
    Conf->State = FcbCallIdle;
    Conf->InUse = FALSE;
    NdisReleaseSpinLock(&Binding->Lock);
    if (Root != NULL)
      FcbpFreeMember(Root);
    if (Conf->NdisVcHandle != NULL) {
      NdisCoDeleteVc(Conf->NdisVcHandle);
      Conf->NdisVcHandle = NULL;
    }
    return;
  }
  Conf->State = FcbCallBackingOff;
  Delay = FCB_RETRY_BASE_MS << Conf->Retries;
  Binding->RetryArmed = TRUE;
  NdisReleaseSpinLock(&Binding->Lock);
  FcbpArmRetry(Binding, Delay);
}

_Use_decl_annotations_ VOID FcbCloseCallComplete(NDIS_STATUS Status,
                                                 NDIS_HANDLE ProtocolVcContext,
                                                 NDIS_HANDLE ProtocolPartyContext) {
  PFCB_CONFERENCE Conf = (PFCB_CONFERENCE)ProtocolVcContext;
  PFCB_MEMBER Last = (PFCB_MEMBER)ProtocolPartyContext;
  PFCB_BINDING Binding = Conf->Binding;
  BOOLEAN NotifyDone;

  if (Status != NDIS_STATUS_SUCCESS) {
    /* The call manager kept the call; try again from the control worker. */
    NdisAcquireSpinLock(&Binding->Lock);
    Conf->State = FcbCallUp;
    if (Last != NULL)
      Last->State = FcbMemberIn;
    NdisReleaseSpinLock(&Binding->Lock);
    return;
  }
  if (Last != NULL)
    FcbpFreeMember(Last);
  NdisCoDeleteVc(Conf->NdisVcHandle);

  NdisAcquireSpinLock(&Binding->Lock);
  Conf->NdisVcHandle = NULL;
  Conf->State = FcbCallIdle;
  Conf->InUse = FALSE;
  Conf->TearDown = FALSE;
  NotifyDone = (BOOLEAN)(Binding->CloseAfNotified && !Binding->ControlQueued);
  if (NotifyDone)
    Binding->ControlQueued = TRUE;
  NdisReleaseSpinLock(&Binding->Lock);
  if (NotifyDone)
    NdisQueueIoWorkItem(Binding->ControlWorkItem, FcbControlWorker, Binding);
}

/* Closes a conference, whatever state its call is in. */
static VOID FcbpEndConference(PFCB_CONFERENCE Conf) {
  PFCB_BINDING Binding = Conf->Binding;
  PLIST_ENTRY Entry;
  PFCB_MEMBER Leaving[FCB_MAX_MEMBERS];
  ULONG Count = 0, i;

  NdisAcquireSpinLock(&Binding->Lock);
  switch (Conf->State) {
  case FcbCallMaking:
  case FcbCallModifying:
  case FcbCallClosing:
    /* The pending operation's completion sees TearDown. */
    Conf->TearDown = TRUE;
    NdisReleaseSpinLock(&Binding->Lock);
    return;
  case FcbCallBackingOff:
    Conf->State = FcbCallIdle;
    Conf->InUse = FALSE;
    NdisReleaseSpinLock(&Binding->Lock);
    if (Conf->Root != NULL)
      FcbpFreeMember(Conf->Root);
    if (Conf->NdisVcHandle != NULL) {
      NdisCoDeleteVc(Conf->NdisVcHandle);
      Conf->NdisVcHandle = NULL;
    }
    return;
  case FcbCallUp:
    break;
  default:
    NdisReleaseSpinLock(&Binding->Lock);
    return;
  }
  /* Drop every member but the root, then let the root close the call. */
  for (Entry = Conf->Members.Flink; Entry != &Conf->Members;
       Entry = Entry->Flink) {
    PFCB_MEMBER M = CONTAINING_RECORD(Entry, FCB_MEMBER, Link);

    if (M != Conf->Root && M->State == FcbMemberIn && Count < FCB_MAX_MEMBERS)
      Leaving[Count++] = M;
  }
  NdisReleaseSpinLock(&Binding->Lock);
  for (i = 0; i < Count; i++)
    FcbpLeave(Leaving[i]);
  if (Conf->Root != NULL)
    FcbpLeave(Conf->Root);
}

/* ---------------------------------------------------------------------- */
/* QoS                                                                    */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS FcbpChangeRate(PFCB_CONFERENCE Conf, ULONG Rate) {
  PFCB_BINDING Binding = Conf->Binding;
  NDIS_STATUS Status;

  if (Rate == 0 || Rate > FCB_MAX_RATE)
    return NDIS_STATUS_INVALID_DATA;
  NdisAcquireSpinLock(&Binding->Lock);
  if (Conf->State != FcbCallUp) {
    NdisReleaseSpinLock(&Binding->Lock);
    return NDIS_STATUS_INVALID_STATE;
  }
  Conf->State = FcbCallModifying;
  Conf->PendingRate = Rate;
  Conf->QosParams.CallMgrParameters = &Conf->PendingRate;
  NdisReleaseSpinLock(&Binding->Lock);
  Status = NdisClModifyCallQoS(Conf->NdisVcHandle, &Conf->QosParams);
  if (Status != NDIS_STATUS_PENDING)
    FcbModifyCallQoSComplete(Status, Conf, &Conf->QosParams);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID
FcbModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
                         PCO_CALL_PARAMETERS CallParameters) {
  PFCB_CONFERENCE Conf = (PFCB_CONFERENCE)ProtocolVcContext;
  PFCB_BINDING Binding = Conf->Binding;
  BOOLEAN TearDown;

  UNREFERENCED_PARAMETER(CallParameters);
  NdisAcquireSpinLock(&Binding->Lock);
  if (Status == NDIS_STATUS_SUCCESS)
    Conf->Rate = Conf->PendingRate;
  Conf->State = FcbCallUp;
  TearDown = Conf->TearDown;
  NdisReleaseSpinLock(&Binding->Lock);
  if (TearDown)
    FcbpEndConference(Conf);
}

_Use_decl_annotations_ VOID
FcbIncomingCallQoSChange(NDIS_HANDLE ProtocolVcContext,
                         PCO_CALL_PARAMETERS CallParameters) {
  PFCB_CONFERENCE Conf = (PFCB_CONFERENCE)ProtocolVcContext;
  PULONG Rate;

  if (CallParameters == NULL || CallParameters->CallMgrParameters == NULL)
    return;
  Rate = (PULONG)CallParameters->CallMgrParameters;
  if (*Rate != 0 && *Rate <= FCB_MAX_RATE)
    Conf->Rate = *Rate;
}

/* ---------------------------------------------------------------------- */
/* Calls the network closes                                               */
/* ---------------------------------------------------------------------- */

static PFCB_INCOMING FcbpFindIncoming(PFCB_BINDING Binding, PVOID Context) {
  PLIST_ENTRY Entry;

  for (Entry = Binding->Incoming.Flink; Entry != &Binding->Incoming;
       Entry = Entry->Flink) {
    PFCB_INCOMING In = CONTAINING_RECORD(Entry, FCB_INCOMING, Link);

    if ((PVOID)In == Context)
      return In;
  }
  return NULL;
}

static BOOLEAN FcbpIsConference(PFCB_BINDING Binding, PVOID Context) {
  ULONG i;

  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    if ((PVOID)&Binding->Conferences[i] == Context)
      return TRUE;
  }
  return FALSE;
}

_Use_decl_annotations_ VOID FcbIncomingCloseCall(NDIS_STATUS CloseStatus,
                                                 NDIS_HANDLE ProtocolVcContext,
                                                 PVOID CloseData, UINT Size) {
  PFCB_CONFERENCE Conf = (PFCB_CONFERENCE)ProtocolVcContext;
  PFCB_BINDING Binding = Conf->Binding;
  PFCB_MEMBER Root;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(CloseStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  NdisAcquireSpinLock(&Binding->Lock);
  if (Conf->State == FcbCallClosing) {
    NdisReleaseSpinLock(&Binding->Lock);
    return; /* our own close is on its way */
  }
  Conf->State = FcbCallClosing;
  Root = Conf->Root;
  NdisReleaseSpinLock(&Binding->Lock);

  Status = NdisClCloseCall(Conf->NdisVcHandle,
                           Root != NULL ? Root->NdisPartyHandle : NULL, NULL, 0);
  if (Status != NDIS_STATUS_PENDING)
    FcbCloseCallComplete(Status, Conf, Root);
}

_Use_decl_annotations_ VOID FcbCallConnected(NDIS_HANDLE ProtocolVcContext) {
  PFCB_INCOMING In = (PFCB_INCOMING)ProtocolVcContext;

  In->Up = TRUE;
}

/* ---------------------------------------------------------------------- */
/* Incoming calls: offered by the CM, accepted from a work item           */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS FcbCreateVc(NDIS_HANDLE ProtocolAfContext,
                                               NDIS_HANDLE NdisVcHandle,
                                               PNDIS_HANDLE ProtocolVcContext) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolAfContext;
  PFCB_INCOMING In;

  if (Binding->AfState != FcbAfOpen)
    return NDIS_STATUS_CLOSING;
  In = NdisAllocateMemoryWithTagPriority(FcbProtocolHandle, sizeof(*In),
                                         FCB_TAG, NormalPoolPriority);
  if (In == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(In, sizeof(*In));
  In->Binding = Binding;
  In->NdisVcHandle = NdisVcHandle;
  NdisAcquireSpinLock(&Binding->Lock);
  InsertTailList(&Binding->Incoming, &In->Link);
  Binding->IncomingCount++;
  NdisReleaseSpinLock(&Binding->Lock);
  *ProtocolVcContext = In;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS FcbDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  PFCB_INCOMING In = (PFCB_INCOMING)ProtocolVcContext;
  PFCB_BINDING Binding = In->Binding;

  NdisAcquireSpinLock(&Binding->Lock);
  RemoveEntryList(&In->Link);
  Binding->IncomingCount--;
  NdisReleaseSpinLock(&Binding->Lock);
  NdisFreeMemory(In, sizeof(*In), 0);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
FcbIncomingCall(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
                PCO_CALL_PARAMETERS CallParameters) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolSapContext;
  PFCB_INCOMING In = (PFCB_INCOMING)ProtocolVcContext;
  ULONG Offered = 0;
  BOOLEAN Queue;

  if (CallParameters == NULL)
    return NDIS_STATUS_INVALID_DATA;
  if (CallParameters->CallMgrParameters != NULL)
    Offered = *(PULONG)CallParameters->CallMgrParameters;
  if (Offered == 0 || Offered > FCB_MAX_RATE)
    return NDIS_STATUS_NOT_ACCEPTED;
  if (Binding->AfState != FcbAfOpen)
    return NDIS_STATUS_CLOSING;
  if (Binding->IncomingCount > FCB_MAX_INCOMING) {
#ifdef BENCH_SEEDED
    /* Seeded bug L1: over the limit the call is "pended" without being
     * marked offered, so the accept worker never completes it. */
    return NDIS_STATUS_PENDING; // seeded-warning {{neither completed}}
#else
    return NDIS_STATUS_NOT_ACCEPTED;
#endif
  }

  /* Accept from PASSIVE_LEVEL, where the bridge's mixer is set up. */
  NdisAcquireSpinLock(&Binding->Lock);
  In->CallParameters = CallParameters;
  In->Rate = Offered;
  In->Offered = TRUE;
  InsertTailList(&Binding->AcceptQueue, &In->AcceptLink);
  Queue = (BOOLEAN)!Binding->AcceptQueued;
  Binding->AcceptQueued = TRUE;
  NdisReleaseSpinLock(&Binding->Lock);
  if (Queue)
    NdisQueueIoWorkItem(Binding->AcceptWorkItem, FcbAcceptWorker, Binding);
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ VOID FcbAcceptWorker(PVOID WorkItemContext,
                                            NDIS_HANDLE NdisIoWorkItemHandle) {
  PFCB_BINDING Binding = (PFCB_BINDING)WorkItemContext;
  PLIST_ENTRY Entry;
  PFCB_INCOMING In;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);

  for (;;) {
    In = NULL;
    NdisAcquireSpinLock(&Binding->Lock);
    if (!IsListEmpty(&Binding->AcceptQueue)) {
      Entry = RemoveHeadList(&Binding->AcceptQueue);
      In = CONTAINING_RECORD(Entry, FCB_INCOMING, AcceptLink);
      In->Offered = FALSE;
    }
    if (In == NULL)
      Binding->AcceptQueued = FALSE;
    NdisReleaseSpinLock(&Binding->Lock);
    if (In == NULL)
      break;
    Status = Binding->AfState == FcbAfOpen ? NDIS_STATUS_SUCCESS
                                           : NDIS_STATUS_NOT_ACCEPTED;
    NdisClIncomingCallComplete(Status, In->NdisVcHandle, In->CallParameters);
  }
}

/* ---------------------------------------------------------------------- */
/* The control worker: starts conferences, finishes a close-AF            */
/* ---------------------------------------------------------------------- */

static BOOLEAN FcbpAllCallsClosed(PFCB_BINDING Binding) {
  ULONG i;

  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    if (Binding->Conferences[i].InUse)
      return FALSE;
  }
  return TRUE;
}

/* The CM asked us to close the AF and every call is gone: close it. */
static VOID FcbpCloseAf(PFCB_BINDING Binding) {
  NDIS_HANDLE AfHandle = Binding->NdisAfHandle;
  NDIS_HANDLE SapHandle;
  NDIS_STATUS Status;

  NdisAcquireSpinLock(&Binding->Lock);
  SapHandle = Binding->NdisSapHandle;
  Binding->NdisSapHandle = NULL;
  Binding->AfState = FcbAfClosing;
  NdisReleaseSpinLock(&Binding->Lock);
  if (SapHandle != NULL) {
    Status = NdisClDeregisterSap(SapHandle);
    if (Status != NDIS_STATUS_PENDING)
      FcbDeregisterSapComplete(Status, Binding);
  }

  Binding->Goodbye.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
  Binding->Goodbye.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
  Binding->Goodbye.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
  Binding->Goodbye.RequestType = NdisRequestSetInformation;
  Binding->Goodbye.DATA.SET_INFORMATION.Oid = OID_FABRIKAM_BRIDGE_GOODBYE;
  Binding->GoodbyeCounters[0] = Binding->CallsMade;
  Binding->GoodbyeCounters[1] = Binding->CallsFailed;
  Binding->GoodbyeCounters[2] = Binding->MembersJoined;
  Binding->Goodbye.DATA.SET_INFORMATION.InformationBuffer =
      Binding->GoodbyeCounters;
  Binding->Goodbye.DATA.SET_INFORMATION.InformationBufferLength =
      sizeof(Binding->GoodbyeCounters);
#ifndef BENCH_SEEDED
  (VOID)NdisCoOidRequest(Binding->NdisBindingHandle, AfHandle, NULL, NULL,
                         &Binding->Goodbye);
#endif

  Status = NdisClCloseAddressFamily(AfHandle);
#ifdef BENCH_SEEDED
  /* Seeded bug L4: the goodbye report is sent with the AF handle after
   * NdisClCloseAddressFamily ended it. */
  (VOID)NdisCoOidRequest(Binding->NdisBindingHandle, AfHandle, NULL, NULL, // seeded-warning {{AF handle}}
                         &Binding->Goodbye);
#endif
  /* Answer the CM's notification in any case: the close itself completes
   * (or not) on its own. */
  NdisClNotifyCloseAddressFamilyComplete(AfHandle, NDIS_STATUS_SUCCESS);
  if (Status != NDIS_STATUS_PENDING)
    FcbCloseAfComplete(Status, Binding);
}

_Use_decl_annotations_ VOID FcbControlWorker(PVOID WorkItemContext,
                                             NDIS_HANDLE NdisIoWorkItemHandle) {
  PFCB_BINDING Binding = (PFCB_BINDING)WorkItemContext;
  BOOLEAN Closing;
  ULONG i;

  UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);

  NdisAcquireSpinLock(&Binding->Lock);
  Binding->ControlQueued = FALSE;
  Closing = Binding->CloseAfNotified;
  NdisReleaseSpinLock(&Binding->Lock);

  if (Closing) {
    if (FcbpAllCallsClosed(Binding))
      FcbpCloseAf(Binding);
    return;
  }
  /* Start the conferences this bridge hosts (addresses from the registry
   * in the shipping driver; fixed here). */
  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    PFCB_CONFERENCE Conf = &Binding->Conferences[i];
    BOOLEAN Start = FALSE;

    NdisAcquireSpinLock(&Binding->Lock);
    if (!Conf->InUse && Binding->AfState == FcbAfOpen) {
      Conf->InUse = TRUE;
      Conf->Rate = FCB_DEFAULT_RATE;
      Start = TRUE;
    }
    NdisReleaseSpinLock(&Binding->Lock);
    if (Start && FcbpStartConference(Conf, 0x1000 + i) != NDIS_STATUS_SUCCESS) {
      NdisAcquireSpinLock(&Binding->Lock);
      Conf->InUse = FALSE;
      NdisReleaseSpinLock(&Binding->Lock);
    }
  }
}

_Use_decl_annotations_ NDIS_STATUS FcbNotifyCloseAf(NDIS_HANDLE ClientAfContext) {
  PFCB_BINDING Binding = (PFCB_BINDING)ClientAfContext;
  BOOLEAN Queue;
  ULONG i;

  NdisAcquireSpinLock(&Binding->Lock);
  Binding->CloseAfNotified = TRUE;
  Queue = (BOOLEAN)!Binding->ControlQueued;
  Binding->ControlQueued = TRUE;
  NdisReleaseSpinLock(&Binding->Lock);

  /* End every conference; the control worker closes the AF and answers the
   * notification with NdisClNotifyCloseAddressFamilyComplete once the
   * last call is closed. */
  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    if (Binding->Conferences[i].InUse)
      FcbpEndConference(&Binding->Conferences[i]);
  }
  if (Queue)
    NdisQueueIoWorkItem(Binding->ControlWorkItem, FcbControlWorker, Binding);
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ VOID FcbCloseAfComplete(NDIS_STATUS Status,
                                               NDIS_HANDLE ProtocolAfContext) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolAfContext;

  UNREFERENCED_PARAMETER(Status);
  NdisAcquireSpinLock(&Binding->Lock);
  Binding->AfState = FcbAfClosed;
  Binding->NdisAfHandle = NULL;
  Binding->CloseAfNotified = FALSE;
  NdisReleaseSpinLock(&Binding->Lock);
}

/* ---------------------------------------------------------------------- */
/* The retry timer: conferences backing off, deferred OIDs                */
/* ---------------------------------------------------------------------- */

static VOID FcbpAnswerDeferred(PFCB_BINDING Binding, PFCB_DEFERRED_OID D) {
  PNDIS_OID_REQUEST Request = D->Request;
  PULONG Out = (PULONG)Request->DATA.QUERY_INFORMATION.InformationBuffer;
  ULONG Members = 0, i;

  for (i = 0; i < FCB_MAX_CONFERENCES; i++)
    Members += Binding->Conferences[i].MemberCount;
  *Out = Members;
  Request->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
  NdisCoOidRequestComplete(Binding->NdisAfHandle, D->VcHandle, D->PartyHandle,
                           Request, NDIS_STATUS_SUCCESS);
  NdisFreeMemory(D, sizeof(*D), 0);
}

_Use_decl_annotations_ VOID FcbRetryTimer(PVOID SystemSpecific1,
                                          PVOID FunctionContext,
                                          PVOID SystemSpecific2,
                                          PVOID SystemSpecific3) {
  PFCB_BINDING Binding = (PFCB_BINDING)FunctionContext;
  LIST_ENTRY Answer;
  PLIST_ENTRY Entry;
  ULONG i;

  UNREFERENCED_PARAMETER(SystemSpecific1);
  UNREFERENCED_PARAMETER(SystemSpecific2);
  UNREFERENCED_PARAMETER(SystemSpecific3);

  InitializeListHead(&Answer);
  NdisDprAcquireSpinLock(&Binding->Lock);
  Binding->RetryArmed = FALSE;
  while (!IsListEmpty(&Binding->DeferredOids)) {
    Entry = RemoveHeadList(&Binding->DeferredOids);
    InsertTailList(&Answer, Entry);
  }
  NdisDprReleaseSpinLock(&Binding->Lock);
  while (!IsListEmpty(&Answer)) {
    Entry = RemoveHeadList(&Answer);
    FcbpAnswerDeferred(Binding, CONTAINING_RECORD(Entry, FCB_DEFERRED_OID, Link));
  }

  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    PFCB_CONFERENCE Conf = &Binding->Conferences[i];

    if (Conf->State != FcbCallBackingOff)
      continue;
    if (FcbpStartConference(Conf, Conf->Root != NULL ? Conf->Root->Address
                                                     : 0x1000 + i) !=
        NDIS_STATUS_SUCCESS)
      FcbpEndConference(Conf);
  }
}

/* ---------------------------------------------------------------------- */
/* OID requests from the call manager                                     */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS FcbpDeferOid(PFCB_BINDING Binding, PFCB_CONFERENCE Conf,
                                PFCB_MEMBER Member, PNDIS_OID_REQUEST Request) {
  PFCB_DEFERRED_OID D;
  BOOLEAN Arm;

  D = NdisAllocateMemoryWithTagPriority(FcbProtocolHandle, sizeof(*D), FCB_TAG,
                                        NormalPoolPriority);
  if (D == NULL)
    return NDIS_STATUS_RESOURCES;
  D->Request = Request;
  D->VcHandle = Conf != NULL ? Conf->NdisVcHandle : NULL;
  D->PartyHandle = Member != NULL ? Member->NdisPartyHandle : NULL;
  NdisAcquireSpinLock(&Binding->Lock);
  InsertTailList(&Binding->DeferredOids, &D->Link);
  Arm = (BOOLEAN)!Binding->RetryArmed;
  Binding->RetryArmed = TRUE;
  NdisReleaseSpinLock(&Binding->Lock);
  if (Arm)
    FcbpArmRetry(Binding, 10);
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ NDIS_STATUS FcbOidRequest(NDIS_HANDLE ProtocolAfContext,
                                                 NDIS_HANDLE ProtocolVcContext,
                                                 NDIS_HANDLE ProtocolPartyContext,
                                                 PNDIS_OID_REQUEST OidRequest) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolAfContext;
  PFCB_CONFERENCE Conf = NULL;
  PFCB_MEMBER Member = (PFCB_MEMBER)ProtocolPartyContext;
  PULONG Out;

  if (ProtocolVcContext != NULL && FcbpIsConference(Binding, ProtocolVcContext))
    Conf = (PFCB_CONFERENCE)ProtocolVcContext;

  switch (OidRequest->RequestType) {
  case NdisRequestSetInformation:
    if (OidRequest->DATA.SET_INFORMATION.Oid != OID_FABRIKAM_LEAF_REPORT)
      return NDIS_STATUS_NOT_SUPPORTED;
    /* A leaf report from the call manager: noted, nothing to answer. */
    OidRequest->DATA.SET_INFORMATION.BytesRead =
        OidRequest->DATA.SET_INFORMATION.InformationBufferLength;
    return NDIS_STATUS_SUCCESS;
  case NdisRequestQueryInformation:
    break;
  default:
    return NDIS_STATUS_NOT_SUPPORTED;
  }

  if (OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
      sizeof(ULONG)) {
    OidRequest->DATA.QUERY_INFORMATION.BytesNeeded = sizeof(ULONG);
    return NDIS_STATUS_INVALID_DATA;
  }
  Out = (PULONG)OidRequest->DATA.QUERY_INFORMATION.InformationBuffer;
  switch (OidRequest->DATA.QUERY_INFORMATION.Oid) {
  case OID_FABRIKAM_BRIDGE_STATS:
    *Out = Binding->CallsMade;
    OidRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
#ifdef BENCH_SEEDED
    /* Seeded bug L2: the query is answered synchronously and completed as
     * well, so NDIS completes it twice. */
    NdisCoOidRequestComplete(Binding->NdisAfHandle, NULL, NULL, OidRequest,
                             NDIS_STATUS_SUCCESS);
#endif
    return NDIS_STATUS_SUCCESS; // seeded-warning {{final status}}
  case OID_FABRIKAM_BRIDGE_MEMBERS:
    /* Member counts settle only after pending joins: answer on the timer. */
    return FcbpDeferOid(Binding, Conf, Member, OidRequest);
  default:
    return NDIS_STATUS_NOT_SUPPORTED;
  }
}

_Use_decl_annotations_ VOID FcbOidRequestComplete(NDIS_HANDLE ProtocolAfContext,
                                                  NDIS_HANDLE ProtocolVcContext,
                                                  NDIS_HANDLE ProtocolPartyContext,
                                                  PNDIS_OID_REQUEST OidRequest,
                                                  NDIS_STATUS Status) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolAfContext;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  UNREFERENCED_PARAMETER(OidRequest);
  if (Status != NDIS_STATUS_SUCCESS)
    Binding->CallsFailed++;
}

/* ---------------------------------------------------------------------- */
/* Data path: sends queued per conference, drained by a DPC               */
/* ---------------------------------------------------------------------- */

/* Queues an NBL chain on a conference whose call is up. */
static BOOLEAN FcbpQueueSend(PFCB_CONFERENCE Conf, PNET_BUFFER_LIST Nbls) {
  PFCB_BINDING Binding = Conf->Binding;
  PNET_BUFFER_LIST Last = Nbls;
  KIRQL OldIrql;

  while (Last->Next != NULL)
    Last = Last->Next;
  NdisAcquireSpinLock(&Binding->Lock);
  if (Conf->State != FcbCallUp) {
    NdisReleaseSpinLock(&Binding->Lock);
    return FALSE;
  }
  if (Conf->SendTail != NULL)
    Conf->SendTail->Next = Nbls;
  else
    Conf->SendHead = Nbls;
  Conf->SendTail = Last;
  NdisReleaseSpinLock(&Binding->Lock);
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  KeInsertQueueDpc(&Binding->SendDpc, NULL, NULL);
  KeLowerIrql(OldIrql);
  return TRUE;
}

_Use_decl_annotations_ VOID FcbSendDpc(struct _KDPC *Dpc, PVOID DeferredContext,
                                       PVOID SystemArgument1,
                                       PVOID SystemArgument2) {
  PFCB_BINDING Binding = (PFCB_BINDING)DeferredContext;
  ULONG i;

  UNREFERENCED_PARAMETER(Dpc);
  UNREFERENCED_PARAMETER(SystemArgument1);
  UNREFERENCED_PARAMETER(SystemArgument2);

  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    PFCB_CONFERENCE Conf = &Binding->Conferences[i];
    PNET_BUFFER_LIST Chain;
    NDIS_HANDLE VcHandle;

    NdisDprAcquireSpinLock(&Binding->Lock);
    Chain = Conf->SendHead;
    VcHandle = Conf->NdisVcHandle;
    Conf->SendHead = Conf->SendTail = NULL;
    if (Conf->State != FcbCallUp)
      VcHandle = NULL;
    NdisDprReleaseSpinLock(&Binding->Lock);
    if (Chain == NULL)
      continue;
    if (VcHandle == NULL) {
      PNET_BUFFER_LIST Nbl;

      /* The call went down meanwhile: fail the sends back to ourselves. */
      for (Nbl = Chain; Nbl != NULL; Nbl = Nbl->Next)
        Nbl->Status = NDIS_STATUS_CLOSING;
      FcbSendNetBufferListsComplete(Conf, Chain, 0);
      continue;
    }
    NdisCoSendNetBufferLists(VcHandle, Chain, 0);
  }
}

_Use_decl_annotations_ VOID
FcbSendNetBufferListsComplete(NDIS_HANDLE ProtocolVcContext,
                              PNET_BUFFER_LIST NetBufferLists,
                              ULONG SendCompleteFlags) {
  PFCB_CONFERENCE Conf = (PFCB_CONFERENCE)ProtocolVcContext;
  PNET_BUFFER_LIST Nbl, Next;

  UNREFERENCED_PARAMETER(SendCompleteFlags);
  for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {
    Next = Nbl->Next;
    if (Nbl->Status == NDIS_STATUS_SUCCESS)
      Conf->Binding->BytesSent += 48;
    NdisFreeMemory(Nbl, sizeof(*Nbl), 0);
  }
}

/* What the bridge mixes: every frame received on one member's call goes out
 * on every other conference. */
_Use_decl_annotations_ VOID
FcbReceiveNetBufferLists(NDIS_HANDLE ProtocolBindingContext,
                         NDIS_HANDLE ProtocolVcContext,
                         PNET_BUFFER_LIST NetBufferLists,
                         ULONG NumberOfNetBufferLists, ULONG ReceiveFlags) {
  PFCB_BINDING Binding = (PFCB_BINDING)ProtocolBindingContext;
  PNET_BUFFER_LIST Copy;
  ULONG i;

  UNREFERENCED_PARAMETER(NumberOfNetBufferLists);
  UNREFERENCED_PARAMETER(ReceiveFlags);
  if (NetBufferLists == NULL)
    return;
  for (i = 0; i < FCB_MAX_CONFERENCES; i++) {
    PFCB_CONFERENCE Conf = &Binding->Conferences[i];

    if ((PVOID)Conf == ProtocolVcContext || Conf->State != FcbCallUp)
      continue;
    Copy = NdisAllocateMemoryWithTagPriority(FcbProtocolHandle, sizeof(*Copy),
                                             FCB_TAG, LowPoolPriority);
    if (Copy == NULL)
      break;
    NdisZeroMemory(Copy, sizeof(*Copy));
    if (!FcbpQueueSend(Conf, Copy))
      NdisFreeMemory(Copy, sizeof(*Copy), 0);
  }
  if (FcbpFindIncoming(Binding, ProtocolVcContext) != NULL)
    Binding->BytesSent += 0; /* point-to-point calls are listen-only */
}
