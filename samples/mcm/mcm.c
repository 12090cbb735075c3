/*
 * mcm.c - Contoso SAR-100 miniport call manager (MCM).
 *
 * A CoNDIS miniport with integrated call management for a point-to-multipoint
 * SAR: every party of a call is one hardware leaf ("leg"). Leaving a leg is
 * asynchronous on this board: McmDropParty asks the SAR to release the leg,
 * pends, and the McmDropTimer timer polls the SAR's mailbox and completes
 * the drop with NdisMCmDropPartyComplete (or fails it after a timeout).
 * Faulted legs and incoming calls arrive through the interrupt DPC.
 */
#include <ndis.h>

#define MCM_TAG 'mCcM'
#define CONTOSO_AF 0x8001
#define MCM_MAX_LEGS 64
#define MCM_LEG_ACTIVE 0x1
#define MCM_CMD_RELEASE_LEG 0x100
#define MCM_DROP_POLL_MS 10
#define MCM_DROP_TIMEOUT_TICKS 50
#define OID_CONTOSO_LEAF_STATUS 0xFF010001
#define OID_CONTOSO_LEAF_ACCOUNTING 0xFF010002

/* The SAR's mailbox (plain memory here; the board maps it with
 * NdisMMapIoSpace). */
typedef struct _MCM_HW {
  ULONG Command;
  ULONG LegStatus[MCM_MAX_LEGS];
  ULONG FaultedLeg;   /* leg number + 1, 0 if none */
  ULONG IncomingCall; /* non-zero when the network offers a call */
  ULONG CellsSent[MCM_MAX_LEGS];
} MCM_HW, *PMCM_HW;

typedef struct _MCM_ADAPTER MCM_ADAPTER, *PMCM_ADAPTER;
typedef struct _MCM_VC MCM_VC, *PMCM_VC;

typedef struct _MCM_PARTY {
  LIST_ENTRY Link;     /* on MCM_VC.PartyList, under MCM_ADAPTER.Lock */
  LIST_ENTRY DropLink; /* on MCM_ADAPTER.PendingDropList while dropping */
  PMCM_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  ULONG LegId;
  ULONG Ticks; /* timer ticks spent waiting for the SAR */
} MCM_PARTY, *PMCM_PARTY;

struct _MCM_VC {
  PMCM_ADAPTER Adapter;
  NDIS_HANDLE NdisVcHandle;
  LIST_ENTRY PartyList;
  LONG PartyCount;
};

typedef struct _MCM_LEAF_RECORD {
  ULONG LegId;
  ULONG LegActive;
  ULONG CellsSent;
} MCM_LEAF_RECORD;

/* A status report to the client; freed in McmCmOidRequestComplete. */
typedef struct _MCM_STATUS_REQUEST {
  NDIS_OID_REQUEST Request;
  MCM_LEAF_RECORD Record;
} MCM_STATUS_REQUEST, *PMCM_STATUS_REQUEST;

struct _MCM_ADAPTER {
  NDIS_HANDLE MiniportAdapterHandle;
  NDIS_HANDLE NdisAfHandle;
  NDIS_HANDLE NdisSapHandle;
  PMCM_VC MultipointVc; /* the one point-to-multipoint call */
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PendingDropList;
  NDIS_HANDLE DropTimer;
  BOOLEAN DropTimerArmed;
  ULONG NextLeg;
  PMCM_HW Hw;
  /* One final-accounting report to the client at a time. */
  NDIS_OID_REQUEST AccountingRequest;
  MCM_LEAF_RECORD AccountingRecord;
};

static NDIS_HANDLE McmDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_SET_OPTIONS McmSetOptions;
MINIPORT_INITIALIZE McmInitializeEx;
MINIPORT_HALT McmHaltEx;
MINIPORT_ISR McmIsr;
MINIPORT_INTERRUPT_DPC McmInterruptDpc;
NDIS_TIMER_FUNCTION McmDropTimer;

PROTOCOL_CM_OPEN_AF McmOpenAf;
PROTOCOL_CM_CLOSE_AF McmCloseAf;
PROTOCOL_CM_REG_SAP McmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP McmDeregisterSap;
PROTOCOL_CM_MAKE_CALL McmMakeCall;
PROTOCOL_CM_CLOSE_CALL McmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE McmIncomingCallComplete;
PROTOCOL_CM_ADD_PARTY McmAddParty;
PROTOCOL_CM_DROP_PARTY McmDropParty;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE McmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE McmDeactivateVcComplete;
PROTOCOL_CM_MODIFY_QOS_CALL McmModifyCallQoS;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE McmNotifyCloseAfComplete;
PROTOCOL_CO_CREATE_VC McmCmCreateVc;
PROTOCOL_CO_DELETE_VC McmCmDeleteVc;
PROTOCOL_CO_OID_REQUEST McmCmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE McmCmOidRequestComplete;
MINIPORT_CO_CREATE_VC McmCoCreateVc;
MINIPORT_CO_DELETE_VC McmCoDeleteVc;
MINIPORT_CO_ACTIVATE_VC McmCoActivateVc;
MINIPORT_CO_DEACTIVATE_VC McmCoDeactivateVc;
MINIPORT_CO_SEND_NET_BUFFER_LISTS McmCoSendNetBufferLists;
MINIPORT_CO_OID_REQUEST McmCoOidRequest;

/* ---------------------------------------------------------------------- */
/* Driver and miniport                                                    */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject,
                                            PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
  Chars.SetOptionsHandler = McmSetOptions;
  Chars.InitializeHandlerEx = McmInitializeEx;
  Chars.HaltHandlerEx = McmHaltEx;

  return (NTSTATUS)NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL,
                                               &Chars, &McmDriverHandle);
}

/* Registers the call-manager half and the CoNDIS miniport half. */
_Use_decl_annotations_ NDIS_STATUS McmSetOptions(NDIS_HANDLE NdisDriverHandle,
                                                 NDIS_HANDLE DriverContext) {
  NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;
  NDIS_MINIPORT_CO_CHARACTERISTICS CoChars;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DriverContext);

  NdisZeroMemory(&CmHandlers, sizeof(CmHandlers));
  CmHandlers.Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
  CmHandlers.Header.Revision =
      NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
  CmHandlers.Header.Size =
      NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
  CmHandlers.CmCreateVcHandler = McmCmCreateVc;
  CmHandlers.CmDeleteVcHandler = McmCmDeleteVc;
  CmHandlers.CmOpenAfHandler = McmOpenAf;
  CmHandlers.CmCloseAfHandler = McmCloseAf;
  CmHandlers.CmRegisterSapHandler = McmRegisterSap;
  CmHandlers.CmDeregisterSapHandler = McmDeregisterSap;
  CmHandlers.CmMakeCallHandler = McmMakeCall;
  CmHandlers.CmCloseCallHandler = McmCloseCall;
  CmHandlers.CmIncomingCallCompleteHandler = McmIncomingCallComplete;
  CmHandlers.CmAddPartyHandler = McmAddParty;
  CmHandlers.CmDropPartyHandler = McmDropParty;
  CmHandlers.CmActivateVcCompleteHandler = McmActivateVcComplete;
  CmHandlers.CmDeactivateVcCompleteHandler = McmDeactivateVcComplete;
  CmHandlers.CmModifyCallQoSHandler = McmModifyCallQoS;
  CmHandlers.CmOidRequestHandler = McmCmOidRequest;
  CmHandlers.CmOidRequestCompleteHandler = McmCmOidRequestComplete;
  CmHandlers.CmNotifyCloseAfCompleteHandler = McmNotifyCloseAfComplete;
  Status = NdisSetOptionalHandlers(
      NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CmHandlers);
  if (Status != NDIS_STATUS_SUCCESS)
    return Status;

  NdisZeroMemory(&CoChars, sizeof(CoChars));
  CoChars.Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
  CoChars.Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
  CoChars.Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
  CoChars.CoCreateVcHandler = McmCoCreateVc;
  CoChars.CoDeleteVcHandler = McmCoDeleteVc;
  CoChars.CoActivateVcHandler = McmCoActivateVc;
  CoChars.CoDeactivateVcHandler = McmCoDeactivateVc;
  CoChars.CoSendNetBufferListsHandler = McmCoSendNetBufferLists;
  CoChars.CoOidRequestHandler = McmCoOidRequest;
  return NdisSetOptionalHandlers(
      NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CoChars);
}

_Use_decl_annotations_ NDIS_STATUS McmInitializeEx(
    NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext,
    PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters) {
  NDIS_TIMER_CHARACTERISTICS Timer;
  CO_ADDRESS_FAMILY Af = {CONTOSO_AF, 1, 0};
  PMCM_ADAPTER Adapter;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(MiniportDriverContext);
  UNREFERENCED_PARAMETER(MiniportInitParameters);

  Adapter = NdisAllocateMemoryWithTagPriority(
      NdisMiniportHandle, sizeof(*Adapter), MCM_TAG, NormalPoolPriority);
  if (Adapter == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Adapter, sizeof(*Adapter));
  Adapter->MiniportAdapterHandle = NdisMiniportHandle;
  NdisAllocateSpinLock(&Adapter->Lock);
  InitializeListHead(&Adapter->PendingDropList);
  Adapter->AccountingRequest.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
  Adapter->AccountingRequest.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
  Adapter->AccountingRequest.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;

  Adapter->Hw = NdisAllocateMemoryWithTagPriority(
      NdisMiniportHandle, sizeof(MCM_HW), MCM_TAG, NormalPoolPriority);
  if (Adapter->Hw == NULL) {
    Status = NDIS_STATUS_RESOURCES;
    goto Fail;
  }
  NdisZeroMemory(Adapter->Hw, sizeof(MCM_HW));

  NdisZeroMemory(&Timer, sizeof(Timer));
  Timer.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
  Timer.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
  Timer.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
  Timer.AllocationTag = MCM_TAG;
  Timer.TimerFunction = McmDropTimer;
  Timer.FunctionContext = Adapter;
  Status =
      NdisAllocateTimerObject(NdisMiniportHandle, &Timer, &Adapter->DropTimer);
  if (Status != NDIS_STATUS_SUCCESS)
    goto Fail;

  Status = NdisMCmRegisterAddressFamilyEx(NdisMiniportHandle, &Af);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisFreeTimerObject(Adapter->DropTimer);
    goto Fail;
  }
  return NDIS_STATUS_SUCCESS;

Fail:
  if (Adapter->Hw != NULL)
    NdisFreeMemory(Adapter->Hw, sizeof(MCM_HW), 0);
  NdisFreeSpinLock(&Adapter->Lock);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  return Status;
}

_Use_decl_annotations_ VOID McmHaltEx(NDIS_HANDLE MiniportAdapterContext,
                                      NDIS_HALT_ACTION HaltAction) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)MiniportAdapterContext;

  UNREFERENCED_PARAMETER(HaltAction);

  NdisCancelTimerObject(Adapter->DropTimer);
  NdisFreeTimerObject(Adapter->DropTimer);
  NdisFreeMemory(Adapter->Hw, sizeof(MCM_HW), 0);
  NdisFreeSpinLock(&Adapter->Lock);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
}

/* ---------------------------------------------------------------------- */
/* Parties and the SAR                                                    */
/* ---------------------------------------------------------------------- */

static PMCM_PARTY McmpAllocateParty(PMCM_ADAPTER Adapter, PMCM_VC Vc,
                                    NDIS_HANDLE NdisPartyHandle) {
  PMCM_PARTY Party;

  Party = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle,
                                            sizeof(*Party), MCM_TAG,
                                            NormalPoolPriority);
  if (Party == NULL)
    return NULL;
  NdisZeroMemory(Party, sizeof(*Party));
  Party->Vc = Vc;
  Party->NdisPartyHandle = NdisPartyHandle;
  InitializeListHead(&Party->DropLink);

  NdisAcquireSpinLock(&Adapter->Lock);
  Party->LegId = Adapter->NextLeg++ % MCM_MAX_LEGS;
  InsertTailList(&Vc->PartyList, &Party->Link);
  Vc->PartyCount++;
  NdisReleaseSpinLock(&Adapter->Lock);
  return Party;
}

static VOID McmpUnlinkParty(PMCM_ADAPTER Adapter, PMCM_PARTY Party) {
  NdisAcquireSpinLock(&Adapter->Lock);
  RemoveEntryList(&Party->Link);
  Party->Vc->PartyCount--;
  NdisReleaseSpinLock(&Adapter->Lock);
}

static VOID McmpFreeParty(PMCM_ADAPTER Adapter, PMCM_PARTY Party) {
  UNREFERENCED_PARAMETER(Adapter);
  NdisFreeMemory(Party, sizeof(*Party), 0);
}

/* Asks the SAR to release a party's leg. NDIS_STATUS_SUCCESS: the leg was
 * idle and is gone. NDIS_STATUS_PENDING: the SAR releases it in the
 * background and clears MCM_LEG_ACTIVE in LegStatus when done. */
static NDIS_STATUS McmpHwReleaseLeg(PMCM_ADAPTER Adapter, PMCM_PARTY Party) {
  if ((Adapter->Hw->LegStatus[Party->LegId] & MCM_LEG_ACTIVE) == 0)
    return NDIS_STATUS_SUCCESS;
  Adapter->Hw->Command = MCM_CMD_RELEASE_LEG | Party->LegId;
  return NDIS_STATUS_PENDING;
}

static BOOLEAN McmpHwLegReleased(PMCM_ADAPTER Adapter, PMCM_PARTY Party) {
  return (BOOLEAN)((Adapter->Hw->LegStatus[Party->LegId] & MCM_LEG_ACTIVE) ==
                   0);
}

static VOID McmpArmDropTimer(PMCM_ADAPTER Adapter) {
  LARGE_INTEGER DueTime;

  DueTime.QuadPart = -(LONGLONG)MCM_DROP_POLL_MS * 10000;
  NdisSetTimerObject(Adapter->DropTimer, DueTime, 0, NULL);
}

/* Sends the client the current state of a leaf that stays on the call. */
static VOID McmpReportPartyStatus(PMCM_ADAPTER Adapter, PMCM_PARTY Party) {
  PMCM_STATUS_REQUEST Req;
  NDIS_STATUS Status;

  Req = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle,
                                          sizeof(*Req), MCM_TAG,
                                          NormalPoolPriority);
  if (Req == NULL)
    return;
  NdisZeroMemory(Req, sizeof(*Req));
  Req->Request.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
  Req->Request.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
  Req->Request.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
  Req->Request.RequestType = NdisRequestSetInformation;
  Req->Request.DATA.SET_INFORMATION.Oid = OID_CONTOSO_LEAF_STATUS;
  Req->Record.LegId = Party->LegId;
  Req->Record.LegActive = Adapter->Hw->LegStatus[Party->LegId] & MCM_LEG_ACTIVE;
  Req->Record.CellsSent = Adapter->Hw->CellsSent[Party->LegId];
  Req->Request.DATA.SET_INFORMATION.InformationBuffer = &Req->Record;
  Req->Request.DATA.SET_INFORMATION.InformationBufferLength =
      sizeof(Req->Record);

  Status = NdisMCmOidRequest(Adapter->NdisAfHandle, Party->Vc->NdisVcHandle,
                             Party->NdisPartyHandle, &Req->Request);
  if (Status != NDIS_STATUS_PENDING)
    NdisFreeMemory(Req, sizeof(*Req), 0);
}

_Use_decl_annotations_ NDIS_STATUS
McmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
            NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PMCM_VC Vc = (PMCM_VC)CallMgrVcContext;
  PMCM_PARTY Party;

  UNREFERENCED_PARAMETER(CallParameters);

  Party = McmpAllocateParty(Vc->Adapter, Vc, NdisPartyHandle);
  if (Party == NULL)
    return NDIS_STATUS_RESOURCES;
  Vc->Adapter->Hw->LegStatus[Party->LegId] = MCM_LEG_ACTIVE;
  *CallMgrPartyContext = Party;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS McmDropParty(NDIS_HANDLE CallMgrPartyContext,
                                                PVOID CloseData, UINT Size) {
  PMCM_PARTY Party = (PMCM_PARTY)CallMgrPartyContext;
  PMCM_ADAPTER Adapter = Party->Vc->Adapter;
  BOOLEAN Arm;

  if (CloseData != NULL && Size != 0)
    return NDIS_STATUS_INVALID_DATA;

  if (McmpHwReleaseLeg(Adapter, Party) == NDIS_STATUS_SUCCESS) {
    McmpUnlinkParty(Adapter, Party);
    // BUG (condis.DropParty): this drop returns NDIS_STATUS_SUCCESS below, so
    // NDIS completes it; completing it here as well completes it twice.
    NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
    McmpFreeParty(Adapter, Party);
    return NDIS_STATUS_SUCCESS;
  }

  /* The SAR is releasing the leg; McmDropTimer completes the drop. */
  Party->Ticks = 0;
  NdisAcquireSpinLock(&Adapter->Lock);
  InsertTailList(&Adapter->PendingDropList, &Party->DropLink);
  Arm = (BOOLEAN)!Adapter->DropTimerArmed;
  Adapter->DropTimerArmed = TRUE;
  NdisReleaseSpinLock(&Adapter->Lock);

  if (Arm)
    McmpArmDropTimer(Adapter);
  return NDIS_STATUS_PENDING;
}

/* The SAR confirmed the release of a pended drop. */
static VOID McmpCompleteReleasedDrop(PMCM_ADAPTER Adapter, PMCM_PARTY Party) {
  NDIS_HANDLE VcHandle = Party->Vc->NdisVcHandle;
  PNDIS_OID_REQUEST Request = &Adapter->AccountingRequest;

  McmpUnlinkParty(Adapter, Party);
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);

  Adapter->AccountingRecord.LegId = Party->LegId;
  Adapter->AccountingRecord.LegActive = 0;
  Adapter->AccountingRecord.CellsSent = Adapter->Hw->CellsSent[Party->LegId];
  Request->RequestType = NdisRequestSetInformation;
  Request->DATA.SET_INFORMATION.Oid = OID_CONTOSO_LEAF_ACCOUNTING;
  Request->DATA.SET_INFORMATION.InformationBuffer = &Adapter->AccountingRecord;
  Request->DATA.SET_INFORMATION.InformationBufferLength =
      sizeof(Adapter->AccountingRecord);
  // BUG (condis.DropParty): the party handle died with the successful
  // completion above. Send the accounting report before completing the drop.
  NdisMCmOidRequest(Adapter->NdisAfHandle, VcHandle, Party->NdisPartyHandle,
                    Request);

  McmpFreeParty(Adapter, Party);
}

_Use_decl_annotations_ VOID McmDropTimer(PVOID SystemSpecific1,
                                         PVOID FunctionContext,
                                         PVOID SystemSpecific2,
                                         PVOID SystemSpecific3) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)FunctionContext;
  LIST_ENTRY Released, TimedOut;
  PLIST_ENTRY Entry, Next;
  PMCM_PARTY Party;
  BOOLEAN Rearm;

  UNREFERENCED_PARAMETER(SystemSpecific1);
  UNREFERENCED_PARAMETER(SystemSpecific2);
  UNREFERENCED_PARAMETER(SystemSpecific3);

  InitializeListHead(&Released);
  InitializeListHead(&TimedOut);

  NdisDprAcquireSpinLock(&Adapter->Lock);
  for (Entry = Adapter->PendingDropList.Flink;
       Entry != &Adapter->PendingDropList; Entry = Next) {
    Next = Entry->Flink;
    Party = CONTAINING_RECORD(Entry, MCM_PARTY, DropLink);
    if (McmpHwLegReleased(Adapter, Party)) {
      RemoveEntryList(Entry);
      InsertTailList(&Released, Entry);
    } else if (++Party->Ticks >= MCM_DROP_TIMEOUT_TICKS) {
      RemoveEntryList(Entry);
      InsertTailList(&TimedOut, Entry);
    }
  }
  Rearm = (BOOLEAN)!IsListEmpty(&Adapter->PendingDropList);
  Adapter->DropTimerArmed = Rearm;
  NdisDprReleaseSpinLock(&Adapter->Lock);

  while (!IsListEmpty(&Released)) {
    Entry = Released.Flink;
    RemoveEntryList(Entry);
    McmpCompleteReleasedDrop(Adapter,
                             CONTAINING_RECORD(Entry, MCM_PARTY, DropLink));
  }

  while (!IsListEmpty(&TimedOut)) {
    Entry = TimedOut.Flink;
    RemoveEntryList(Entry);
    Party = CONTAINING_RECORD(Entry, MCM_PARTY, DropLink);
    /* The SAR never let go of the leg: fail the drop. The party stays on
     * the call, so its handle stays valid; tell the client where it is. */
    NdisMCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
    McmpReportPartyStatus(Adapter, Party);
  }

  if (Rearm)
    McmpArmDropTimer(Adapter);
}

/* The call is closing: force every leg of Vc that is still being dropped
 * and complete those drops now. */
static VOID McmpFlushPendingDrops(PMCM_ADAPTER Adapter, PMCM_VC Vc) {
  PLIST_ENTRY Entry;
  PMCM_PARTY Party;
  NDIS_STATUS Status;

  for (;;) {
    Party = NULL;
    NdisAcquireSpinLock(&Adapter->Lock);
    for (Entry = Adapter->PendingDropList.Flink;
         Entry != &Adapter->PendingDropList; Entry = Entry->Flink) {
      PMCM_PARTY Candidate = CONTAINING_RECORD(Entry, MCM_PARTY, DropLink);

      if (Candidate->Vc == Vc) {
        RemoveEntryList(Entry);
        Party = Candidate;
        break;
      }
    }
    NdisReleaseSpinLock(&Adapter->Lock);
    if (Party == NULL)
      break;

    Status = McmpHwReleaseLeg(Adapter, Party);
    McmpUnlinkParty(Adapter, Party);
    // BUG (condis.DropParty): McmpHwReleaseLeg may return NDIS_STATUS_PENDING,
    // and that is forwarded as the drop's final status. Complete with
    // NDIS_STATUS_SUCCESS.
    NdisMCmDropPartyComplete(Status, Party->NdisPartyHandle);
    McmpFreeParty(Adapter, Party);
  }
}

/* ---------------------------------------------------------------------- */
/* Interrupt DPC: faulted legs and incoming calls                         */
/* ---------------------------------------------------------------------- */

/* The network released a leg on its own. */
static VOID McmpIndicateLegFault(PMCM_ADAPTER Adapter, PMCM_VC Vc,
                                 ULONG LegId) {
  PLIST_ENTRY Entry;
  PMCM_PARTY Party = NULL;
  BOOLEAN LastParty = FALSE;

  NdisDprAcquireSpinLock(&Adapter->Lock);
  for (Entry = Vc->PartyList.Flink; Entry != &Vc->PartyList;
       Entry = Entry->Flink) {
    PMCM_PARTY Candidate = CONTAINING_RECORD(Entry, MCM_PARTY, Link);

    if (Candidate->LegId == LegId) {
      Party = Candidate;
      LastParty = (BOOLEAN)(Vc->PartyCount == 1);
      break;
    }
  }
  NdisDprReleaseSpinLock(&Adapter->Lock);
  if (Party == NULL)
    return;

  // BUG (condis.Role): a miniport call manager must use the NdisMCm* form;
  // the stand-alone call manager's function is not for it.
  if (LastParty)
    NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle,
                                    NULL, 0);
  else
    NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS,
                                     Party->NdisPartyHandle, NULL, 0);
}

/* The network offers a point-to-point call on the registered SAP. */
static VOID McmpIndicateIncomingCall(PMCM_ADAPTER Adapter) {
  static CO_CALL_PARAMETERS Params;
  PMCM_VC Vc;
  NDIS_STATUS Status;

  if (Adapter->NdisSapHandle == NULL)
    return;
  Vc = NdisAllocateMemoryWithTagPriority(
      Adapter->MiniportAdapterHandle, sizeof(*Vc), MCM_TAG, NormalPoolPriority);
  if (Vc == NULL)
    return;
  NdisZeroMemory(Vc, sizeof(*Vc));
  Vc->Adapter = Adapter;
  InitializeListHead(&Vc->PartyList);

  Status = NdisMCmCreateVc(Adapter->MiniportAdapterHandle,
                           Adapter->NdisAfHandle, Vc, &Vc->NdisVcHandle);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    return;
  }
  Status = NdisMCmActivateVc(Vc->NdisVcHandle, &Params);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisMCmDeleteVc(Vc->NdisVcHandle);
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    return;
  }
  Status = NdisMCmDispatchIncomingCall(Adapter->NdisSapHandle, Vc->NdisVcHandle,
                                       &Params);
  if (Status != NDIS_STATUS_PENDING)
    McmIncomingCallComplete(Status, Vc, &Params);
}

_Use_decl_annotations_ BOOLEAN McmIsr(NDIS_HANDLE MiniportInterruptContext,
                                     PBOOLEAN QueueDefaultInterruptDpc,
                                     PULONG TargetProcessors) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)MiniportInterruptContext;
  ULONG Faulted = Adapter->Hw->FaultedLeg;

  UNREFERENCED_PARAMETER(TargetProcessors);

  if (Faulted != 0) {
    // BUG (condis.Irql): an ISR runs at device IRQL, above the DISPATCH_LEVEL
    // every spin lock works at; stopping the timer's rescan from here needs
    // the adapter lock. Leave it to McmInterruptDpc.
    NdisDprAcquireSpinLock(&Adapter->Lock);
    Adapter->DropTimerArmed = FALSE;
    NdisDprReleaseSpinLock(&Adapter->Lock);
  }
  *QueueDefaultInterruptDpc = TRUE;
  return TRUE;
}

_Use_decl_annotations_ VOID
McmInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                PVOID ReceiveThrottleParameters, PVOID NdisReserved2) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)MiniportInterruptContext;
  PMCM_VC Vc = Adapter->MultipointVc;
  ULONG Faulted = Adapter->Hw->FaultedLeg;

  UNREFERENCED_PARAMETER(MiniportDpcContext);
  UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
  UNREFERENCED_PARAMETER(NdisReserved2);

  if (Faulted != 0 && Vc != NULL) {
    Adapter->Hw->FaultedLeg = 0;
    McmpIndicateLegFault(Adapter, Vc, Faulted - 1);
  }
  if (Adapter->Hw->IncomingCall != 0) {
    Adapter->Hw->IncomingCall = 0;
    McmpIndicateIncomingCall(Adapter);
  }
}

/* ---------------------------------------------------------------------- */
/* Call-manager handlers                                                  */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS McmOpenAf(NDIS_HANDLE CallMgrBindingContext,
                                             PCO_ADDRESS_FAMILY AddressFamily,
                                             NDIS_HANDLE NdisAfHandle,
                                             PNDIS_HANDLE CallMgrAfContext) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)CallMgrBindingContext;

  if (AddressFamily->AddressFamily != CONTOSO_AF)
    return NDIS_STATUS_NOT_SUPPORTED;
  Adapter->NdisAfHandle = NdisAfHandle;
  *CallMgrAfContext = Adapter;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS McmCloseAf(NDIS_HANDLE CallMgrAfContext) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)CallMgrAfContext;

  Adapter->NdisAfHandle = NULL;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
McmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
               NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)CallMgrAfContext;

  UNREFERENCED_PARAMETER(Sap);
  if (Adapter->NdisSapHandle != NULL)
    return NDIS_STATUS_RESOURCES; /* one SAP per adapter */
  Adapter->NdisSapHandle = NdisSapHandle;
  *CallMgrSapContext = Adapter;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
McmDeregisterSap(NDIS_HANDLE CallMgrSapContext) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)CallMgrSapContext;

  Adapter->NdisSapHandle = NULL;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
McmCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
              PNDIS_HANDLE ProtocolVcContext) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)ProtocolAfContext;
  PMCM_VC Vc;

  Vc = NdisAllocateMemoryWithTagPriority(
      Adapter->MiniportAdapterHandle, sizeof(*Vc), MCM_TAG, NormalPoolPriority);
  if (Vc == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Vc, sizeof(*Vc));
  Vc->Adapter = Adapter;
  Vc->NdisVcHandle = NdisVcHandle;
  InitializeListHead(&Vc->PartyList);
  *ProtocolVcContext = Vc;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
McmCmDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  NdisFreeMemory(ProtocolVcContext, sizeof(MCM_VC), 0);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
McmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
            NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PMCM_VC Vc = (PMCM_VC)CallMgrVcContext;
  PMCM_PARTY Party = NULL;
  NDIS_STATUS Status;

  if (NdisPartyHandle != NULL) {
    Party = McmpAllocateParty(Vc->Adapter, Vc, NdisPartyHandle);
    if (Party == NULL)
      return NDIS_STATUS_RESOURCES;
    Vc->Adapter->Hw->LegStatus[Party->LegId] = MCM_LEG_ACTIVE;
    *CallMgrPartyContext = Party;
  }

  Status = NdisMCmActivateVc(Vc->NdisVcHandle, CallParameters);
  if (Status != NDIS_STATUS_SUCCESS) {
    if (Party != NULL) {
      McmpUnlinkParty(Vc->Adapter, Party);
      McmpFreeParty(Vc->Adapter, Party);
    }
    return Status;
  }
  if (Party != NULL)
    Vc->Adapter->MultipointVc = Vc;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS McmCloseCall(NDIS_HANDLE CallMgrVcContext,
                                                NDIS_HANDLE CallMgrPartyContext,
                                                PVOID CloseData, UINT Size) {
  PMCM_VC Vc = (PMCM_VC)CallMgrVcContext;
  PMCM_PARTY Last = (PMCM_PARTY)CallMgrPartyContext;
  PMCM_ADAPTER Adapter = Vc->Adapter;

  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  McmpFlushPendingDrops(Adapter, Vc);
  NdisMCmDeactivateVc(Vc->NdisVcHandle);
  if (Adapter->MultipointVc == Vc)
    Adapter->MultipointVc = NULL;
  if (Last != NULL) {
    Adapter->Hw->LegStatus[Last->LegId] = 0;
    McmpUnlinkParty(Adapter, Last);
    McmpFreeParty(Adapter, Last);
  }
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID
McmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                        PCO_CALL_PARAMETERS CallParameters) {
  PMCM_VC Vc = (PMCM_VC)CallMgrVcContext;

  UNREFERENCED_PARAMETER(CallParameters);
  if (Status == NDIS_STATUS_SUCCESS) {
    NdisMCmDispatchCallConnected(Vc->NdisVcHandle);
    return;
  }
  /* The client refused the call: tear the VC down again. */
  NdisMCmDeactivateVc(Vc->NdisVcHandle);
  NdisMCmDeleteVc(Vc->NdisVcHandle);
  NdisFreeMemory(Vc, sizeof(*Vc), 0);
}

_Use_decl_annotations_ VOID
McmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                      PCO_CALL_PARAMETERS CallParameters) {
  /* NDIS never calls this for an MCM; the slot must still be filled. */
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(CallMgrVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
}

_Use_decl_annotations_ VOID
McmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(CallMgrVcContext);
}

_Use_decl_annotations_ NDIS_STATUS McmModifyCallQoS(
    NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters) {
  UNREFERENCED_PARAMETER(CallMgrVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
  return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_ VOID
McmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(CallMgrAfContext);
}

_Use_decl_annotations_ NDIS_STATUS McmCmOidRequest(
    NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  UNREFERENCED_PARAMETER(ProtocolAfContext);
  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  UNREFERENCED_PARAMETER(OidRequest);
  return NDIS_STATUS_NOT_SUPPORTED;
}

_Use_decl_annotations_ VOID McmCmOidRequestComplete(
    NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
    NDIS_STATUS Status) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)ProtocolAfContext;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  UNREFERENCED_PARAMETER(Status);
  if (OidRequest != &Adapter->AccountingRequest)
    NdisFreeMemory(CONTAINING_RECORD(OidRequest, MCM_STATUS_REQUEST, Request),
                   sizeof(MCM_STATUS_REQUEST), 0);
}

/* ---------------------------------------------------------------------- */
/* CoNDIS miniport half                                                   */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS
McmCoCreateVc(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE NdisVcHandle,
              PNDIS_HANDLE MiniportVcContext) {
  UNREFERENCED_PARAMETER(MiniportAdapterContext);
  /* The data path needs nothing but NDIS's handle for the VC. */
  *MiniportVcContext = NdisVcHandle;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
McmCoDeleteVc(NDIS_HANDLE MiniportVcContext) {
  UNREFERENCED_PARAMETER(MiniportVcContext);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS McmCoActivateVc(
    NDIS_HANDLE MiniportVcContext, PCO_CALL_PARAMETERS CallParameters) {
  UNREFERENCED_PARAMETER(MiniportVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
McmCoDeactivateVc(NDIS_HANDLE MiniportVcContext) {
  UNREFERENCED_PARAMETER(MiniportVcContext);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID
McmCoSendNetBufferLists(NDIS_HANDLE MiniportVcContext,
                        PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags) {
  PNET_BUFFER_LIST Nbl;

  UNREFERENCED_PARAMETER(SendFlags);
  /* This sample has no data path: fail every send. */
  for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Nbl->Next)
    Nbl->Status = NDIS_STATUS_FAILURE;
  NdisMCoSendNetBufferListsComplete(MiniportVcContext, NetBufferLists, 0);
}

_Use_decl_annotations_ NDIS_STATUS
McmCoOidRequest(NDIS_HANDLE MiniportAdapterContext,
                NDIS_HANDLE MiniportVcContext, PNDIS_OID_REQUEST NdisRequest) {
  PMCM_ADAPTER Adapter = (PMCM_ADAPTER)MiniportAdapterContext;
  MCM_LEAF_RECORD *Record;

  UNREFERENCED_PARAMETER(MiniportVcContext);
  if (NdisRequest->RequestType != NdisRequestQueryInformation ||
      NdisRequest->DATA.QUERY_INFORMATION.Oid != OID_CONTOSO_LEAF_ACCOUNTING)
    return NDIS_STATUS_NOT_SUPPORTED;
  if (NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
      sizeof(*Record))
    return NDIS_STATUS_INVALID_DATA;
  Record = (MCM_LEAF_RECORD *)NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;
  if (Record->LegId >= MCM_MAX_LEGS)
    return NDIS_STATUS_INVALID_DATA;

  /* The SAR's counters are plain memory: answer at once. */
  Record->LegActive = Adapter->Hw->LegStatus[Record->LegId] & MCM_LEG_ACTIVE;
  Record->CellsSent = Adapter->Hw->CellsSent[Record->LegId];
  NdisRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(*Record);
  NdisMCoOidRequestComplete(Adapter->MiniportAdapterHandle, NULL, NdisRequest,
                            NDIS_STATUS_SUCCESS);
  /* BUG (condis.Completion): the query was answered synchronously, yet the
   * completion was called too; NDIS completes it a second time. */
  return NDIS_STATUS_SUCCESS;
}
