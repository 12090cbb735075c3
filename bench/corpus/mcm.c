/*
 * mcm.c - Fabrikam FX-2 multipoint SAR: a whole miniport call manager (MCM),
 * written for the benchmark corpus (bench/corpus/README.md).
 *
 * Contract: a complete CoNDIS miniport with integrated call management, in
 * the shape a shipping driver has: registration (DriverEntry, SetOptions,
 * MiniportInitializeEx/HaltEx), the address family, SAP table, outgoing and
 * incoming calls, point-to-multipoint parties, QoS changes, OID requests on
 * both halves (call manager and miniport), VC activation, an interrupt DPC,
 * two timers (the signalling poll and the statistics watchdog), an I/O work
 * item for the PASSIVE_LEVEL part of tear-down, spin-locked lists and
 * per-request contexts. Built as is, it has no condis finding; built with
 * -DBENCH_SEEDED, each `#ifdef BENCH_SEEDED` block swaps one correct line
 * for a documented bug (bench/corpus/README.md lists them, and the
 * "seeded" -verify directives below are what test/bench/corpus.test checks).
 *
 * Compiles with `clang-22 -fsyntax-only -Wall -Wextra -I samples/include`.
 */
#include <ndis.h>

// clean-no-diagnostics

#define FXM_TAG 'mXfF'
#define FABRIKAM_AF 0x8102
#define FXM_MAX_VCS 32
#define FXM_MAX_LEGS 128
#define FXM_MAX_SAPS 4
#define FXM_SIGNAL_POLL_MS 20
#define FXM_WATCHDOG_MS 1000
#define FXM_SETUP_RETRIES 3
#define FXM_SETUP_TIMEOUT_TICKS 25
#define FXM_RELEASE_TIMEOUT_TICKS 50
#define FXM_MAX_PENDING_QOS 8

/* SAR command words (the top byte is the opcode). */
#define FXM_CMD_SETUP 0x01000000
#define FXM_CMD_RELEASE 0x02000000
#define FXM_CMD_ADD_LEG 0x03000000
#define FXM_CMD_DROP_LEG 0x04000000
#define FXM_CMD_MODIFY 0x05000000
#define FXM_CMD_RESET_COUNTERS 0x06000000

/* SAR status bits, per VC and per leg. */
#define FXM_ST_BUSY 0x01
#define FXM_ST_UP 0x02
#define FXM_ST_REJECTED 0x04
#define FXM_ST_FAULT 0x08

/* Interrupt cause bits. */
#define FXM_INT_SIGNAL 0x01
#define FXM_INT_LEG_FAULT 0x02
#define FXM_INT_INCOMING 0x04
#define FXM_INT_TX_DONE 0x08
#define FXM_INT_FATAL 0x80

#define OID_FABRIKAM_VC_COUNTERS 0xFF020001
#define OID_FABRIKAM_LEG_STATE 0xFF020002
#define OID_FABRIKAM_RESET_COUNTERS 0xFF020003
#define OID_FABRIKAM_SAR_VERSION 0xFF020004
#define OID_FABRIKAM_LEAF_REPORT 0xFF020005

/* The SAR's shared memory (the board maps it with NdisMMapIoSpace). */
typedef struct _FXM_HW {
  ULONG Command;
  ULONG CommandArg;
  ULONG InterruptCause;
  ULONG InterruptMask;
  ULONG VcStatus[FXM_MAX_VCS];
  ULONG LegStatus[FXM_MAX_LEGS];
  ULONG FaultedLeg;      /* leg number + 1, 0 if none */
  ULONG IncomingVcSlot;  /* slot number + 1, 0 if none */
  ULONG IncomingPeakRate;
  ULONG CellsSent[FXM_MAX_VCS];
  ULONG CellsReceived[FXM_MAX_VCS];
  ULONG CellsDropped[FXM_MAX_VCS];
  ULONG TxDoneCount;
  ULONG Version;
} FXM_HW, *PFXM_HW;

typedef enum _FXM_VC_STATE {
  FxmVcIdle,
  FxmVcSettingUp,   /* SETUP sent, waiting for the SAR */
  FxmVcActive,
  FxmVcModifying,   /* MODIFY sent */
  FxmVcReleasing,   /* RELEASE sent */
  FxmVcIncoming,    /* offered to the client */
  FxmVcClosed
} FXM_VC_STATE;

typedef enum _FXM_PARTY_STATE {
  FxmPartyAdding,
  FxmPartyUp,
  FxmPartyDropping,
  FxmPartyGone
} FXM_PARTY_STATE;

typedef struct _FXM_ADAPTER FXM_ADAPTER, *PFXM_ADAPTER;
typedef struct _FXM_VC FXM_VC, *PFXM_VC;

typedef struct _FXM_PARTY {
  LIST_ENTRY Link;      /* on FXM_VC.PartyList, under the adapter lock */
  LIST_ENTRY DropLink;  /* on FXM_ADAPTER.DropList while a drop pends */
  PFXM_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  FXM_PARTY_STATE State;
  ULONG LegId;
  ULONG Ticks;
} FXM_PARTY, *PFXM_PARTY;

struct _FXM_VC {
  LIST_ENTRY Link;        /* on FXM_ADAPTER.VcList */
  LIST_ENTRY SignalLink;  /* on FXM_ADAPTER.SignalList while SAR work pends */
  PFXM_ADAPTER Adapter;
  NDIS_HANDLE NdisVcHandle;
  NDIS_HANDLE MiniportVcHandle; /* the miniport half's view of the VC */
  FXM_VC_STATE State;
  ULONG Slot;
  ULONG Ticks;
  ULONG Retries;
  ULONG PeakRate;
  ULONG RequestedRate;
  LIST_ENTRY PartyList;
  LONG PartyCount;
  PFXM_PARTY RootParty;           /* the make-call party, if multipoint */
  PCO_CALL_PARAMETERS CallParameters; /* of the pending make call or QoS */
  BOOLEAN Outgoing;
  BOOLEAN CloseRequested;
  /* Transmit queue (NBLs waiting for the SAR's TX_DONE). */
  PNET_BUFFER_LIST TxHead;
  PNET_BUFFER_LIST TxTail;
  ULONG TxQueued;
};

typedef struct _FXM_SAP {
  NDIS_HANDLE NdisSapHandle;
  ULONG SapType;
  ULONG Selector;
  BOOLEAN InUse;
} FXM_SAP, *PFXM_SAP;

/* A counters report that goes to the client; freed on its completion. */
typedef struct _FXM_REPORT {
  NDIS_OID_REQUEST Request;
  ULONG Slot;
  ULONG Counters[3];
} FXM_REPORT, *PFXM_REPORT;

/* A miniport OID request the watchdog answers after the SAR refreshed its
 * counters. */
typedef struct _FXM_DEFERRED_OID {
  LIST_ENTRY Link;
  PNDIS_OID_REQUEST Request;
  NDIS_HANDLE MiniportVcHandle;
  ULONG Slot;
} FXM_DEFERRED_OID, *PFXM_DEFERRED_OID;

typedef enum _FXM_AF_STATE {
  FxmAfNone,
  FxmAfOpen,
  FxmAfClosing,   /* ProtocolCmCloseAf pended until the last VC goes */
  FxmAfNotifying  /* NdisMCmNotifyCloseAddressFamily sent at halt */
} FXM_AF_STATE;

/* The client's view of the adapter: the context of every AF-level handler
 * (open/close AF, SAPs, VCs, OID requests), with its way back. */
typedef struct _FXM_AF {
  PFXM_ADAPTER Adapter;
  NDIS_HANDLE NdisAfHandle; /* as the open gave it; kept for diagnostics */
  ULONG Opens;
} FXM_AF, *PFXM_AF;

struct _FXM_ADAPTER {
  NDIS_HANDLE MiniportAdapterHandle;
  FXM_AF AfBlock;
  PFXM_AF ClosingAf;       /* the AF whose close pends, for FxmTeardownWorker */
  NDIS_HANDLE NdisAfHandle;
  FXM_AF_STATE AfState;
  NDIS_SPIN_LOCK Lock;
  PFXM_HW Hw;
  LIST_ENTRY VcList;
  LIST_ENTRY SignalList;   /* VCs with a SETUP, RELEASE or MODIFY in flight */
  LIST_ENTRY DropList;     /* parties whose drop pends */
  LIST_ENTRY DeferredOids; /* FXM_DEFERRED_OID */
  ULONG VcCount;
  ULONG PendingQos;
  ULONG NextLeg;
  BOOLEAN SlotUsed[FXM_MAX_VCS];
  FXM_SAP Saps[FXM_MAX_SAPS];
  NDIS_HANDLE SignalTimer;
  BOOLEAN SignalTimerArmed;
  NDIS_HANDLE WatchdogTimer;
  NDIS_HANDLE TeardownWorkItem;
  BOOLEAN TeardownQueued;
  BOOLEAN Halting;
  BOOLEAN Fatal;
  NPAGED_LOOKASIDE_LIST PartyLookaside;
  ULONG Resets;
  ULONG SignalErrors;
};

static NDIS_HANDLE FxmDriverHandle;

DRIVER_INITIALIZE DriverEntry;
MINIPORT_SET_OPTIONS FxmSetOptions;
MINIPORT_INITIALIZE FxmInitializeEx;
MINIPORT_HALT FxmHaltEx;
MINIPORT_ISR FxmIsr;
MINIPORT_INTERRUPT_DPC FxmInterruptDpc;
NDIS_TIMER_FUNCTION FxmSignalTimer;
NDIS_TIMER_FUNCTION FxmWatchdogTimer;
NDIS_IO_WORKITEM_FUNCTION FxmTeardownWorker;

PROTOCOL_CM_OPEN_AF FxmOpenAf;
PROTOCOL_CM_CLOSE_AF FxmCloseAf;
PROTOCOL_CM_REG_SAP FxmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP FxmDeregisterSap;
PROTOCOL_CM_MAKE_CALL FxmMakeCall;
PROTOCOL_CM_CLOSE_CALL FxmCloseCall;
PROTOCOL_CM_INCOMING_CALL_COMPLETE FxmIncomingCallComplete;
PROTOCOL_CM_ADD_PARTY FxmAddParty;
PROTOCOL_CM_DROP_PARTY FxmDropParty;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE FxmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE FxmDeactivateVcComplete;
PROTOCOL_CM_MODIFY_QOS_CALL FxmModifyCallQoS;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE FxmNotifyCloseAfComplete;
PROTOCOL_CO_CREATE_VC FxmCmCreateVc;
PROTOCOL_CO_DELETE_VC FxmCmDeleteVc;
PROTOCOL_CO_OID_REQUEST FxmCmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE FxmCmOidRequestComplete;
MINIPORT_CO_CREATE_VC FxmCoCreateVc;
MINIPORT_CO_DELETE_VC FxmCoDeleteVc;
MINIPORT_CO_ACTIVATE_VC FxmCoActivateVc;
MINIPORT_CO_DEACTIVATE_VC FxmCoDeactivateVc;
MINIPORT_CO_SEND_NET_BUFFER_LISTS FxmCoSendNetBufferLists;
MINIPORT_CO_OID_REQUEST FxmCoOidRequest;

/* ---------------------------------------------------------------------- */
/* Driver and miniport registration                                       */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject,
                                            PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
  NDIS_STATUS Status;

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
  Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
  Chars.MajorDriverVersion = 2;
  Chars.MinorDriverVersion = 4;
  Chars.SetOptionsHandler = FxmSetOptions;
  Chars.InitializeHandlerEx = FxmInitializeEx;
  Chars.HaltHandlerEx = FxmHaltEx;

  Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, // #fxm-register
                                       &Chars, &FxmDriverHandle);
  if (Status != NDIS_STATUS_SUCCESS)
    FxmDriverHandle = NULL;
  return (NTSTATUS)Status;
}

static VOID FxmpFillCmHandlers(PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H) {
  NdisZeroMemory(H, sizeof(*H));
  H->Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
  H->Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
  H->Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
  H->CmCreateVcHandler = FxmCmCreateVc;
  H->CmDeleteVcHandler = FxmCmDeleteVc;
  H->CmOpenAfHandler = FxmOpenAf;
  H->CmCloseAfHandler = FxmCloseAf;
  H->CmRegisterSapHandler = FxmRegisterSap;
  H->CmDeregisterSapHandler = FxmDeregisterSap;
  H->CmMakeCallHandler = FxmMakeCall;
  H->CmCloseCallHandler = FxmCloseCall;
  H->CmIncomingCallCompleteHandler = FxmIncomingCallComplete;
  H->CmAddPartyHandler = FxmAddParty;
  H->CmDropPartyHandler = FxmDropParty;
  H->CmActivateVcCompleteHandler = FxmActivateVcComplete;
  H->CmDeactivateVcCompleteHandler = FxmDeactivateVcComplete;
  H->CmModifyCallQoSHandler = FxmModifyCallQoS;
  H->CmOidRequestHandler = FxmCmOidRequest;
  H->CmOidRequestCompleteHandler = FxmCmOidRequestComplete;
  H->CmNotifyCloseAfCompleteHandler = FxmNotifyCloseAfComplete;
}

static VOID FxmpFillCoCharacteristics(PNDIS_MINIPORT_CO_CHARACTERISTICS C) {
  NdisZeroMemory(C, sizeof(*C));
  C->Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
  C->Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
  C->Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
  C->CoCreateVcHandler = FxmCoCreateVc;
  C->CoDeleteVcHandler = FxmCoDeleteVc;
  C->CoActivateVcHandler = FxmCoActivateVc;
  C->CoDeactivateVcHandler = FxmCoDeactivateVc;
  C->CoSendNetBufferListsHandler = FxmCoSendNetBufferLists;
  C->CoOidRequestHandler = FxmCoOidRequest;
}

_Use_decl_annotations_ NDIS_STATUS FxmSetOptions(NDIS_HANDLE NdisDriverHandle,
                                                 NDIS_HANDLE DriverContext) {
  NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS CmHandlers;
  NDIS_MINIPORT_CO_CHARACTERISTICS CoChars;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(DriverContext);

  FxmpFillCmHandlers(&CmHandlers);
  Status = NdisSetOptionalHandlers(
      NdisDriverHandle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CmHandlers);
  if (Status != NDIS_STATUS_SUCCESS)
    return Status;

  FxmpFillCoCharacteristics(&CoChars);
  return NdisSetOptionalHandlers(NdisDriverHandle,
                                 (PNDIS_DRIVER_OPTIONAL_HANDLERS)&CoChars);
}

static NDIS_STATUS FxmpAllocateTimer(PFXM_ADAPTER Adapter,
                                     PNDIS_TIMER_FUNCTION Function,
                                     PNDIS_HANDLE Timer) {
  NDIS_TIMER_CHARACTERISTICS Chars;

  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.Header.Type = NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS;
  Chars.Header.Revision = NDIS_TIMER_CHARACTERISTICS_REVISION_1;
  Chars.Header.Size = NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1;
  Chars.AllocationTag = FXM_TAG;
  Chars.TimerFunction = Function;
  Chars.FunctionContext = Adapter;
  return NdisAllocateTimerObject(Adapter->MiniportAdapterHandle, &Chars, Timer);
}

static VOID FxmpArmTimer(NDIS_HANDLE Timer, ULONG Milliseconds) {
  LARGE_INTEGER DueTime;

  DueTime.QuadPart = -(LONGLONG)Milliseconds * 10000;
  NdisSetTimerObject(Timer, DueTime, 0, NULL);
}

/* Resets the SAR and checks that it answers. */
static NDIS_STATUS FxmpHwReset(PFXM_ADAPTER Adapter) {
  PFXM_HW Hw = Adapter->Hw;
  ULONG i;

  Hw->InterruptMask = 0;
  Hw->Command = FXM_CMD_RESET_COUNTERS;
  for (i = 0; i < FXM_MAX_VCS; i++) {
    Hw->VcStatus[i] = 0;
    Hw->CellsSent[i] = 0;
    Hw->CellsReceived[i] = 0;
    Hw->CellsDropped[i] = 0;
  }
  for (i = 0; i < FXM_MAX_LEGS; i++)
    Hw->LegStatus[i] = 0;
  Hw->FaultedLeg = 0;
  Hw->IncomingVcSlot = 0;
  Adapter->Resets++;
  if (Hw->Version == 0)
    Hw->Version = 0x00020004;
  Hw->InterruptMask = FXM_INT_SIGNAL | FXM_INT_LEG_FAULT | FXM_INT_INCOMING |
                      FXM_INT_TX_DONE | FXM_INT_FATAL;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS FxmInitializeEx(
    NDIS_HANDLE NdisMiniportHandle, NDIS_HANDLE MiniportDriverContext,
    PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters) {
  CO_ADDRESS_FAMILY Af = {FABRIKAM_AF, 2, 0};
  PFXM_ADAPTER Adapter;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(MiniportDriverContext);
  UNREFERENCED_PARAMETER(MiniportInitParameters);

  Adapter = NdisAllocateMemoryWithTagPriority(
      NdisMiniportHandle, sizeof(*Adapter), FXM_TAG, NormalPoolPriority);
  if (Adapter == NULL)
    return NDIS_STATUS_RESOURCES;
  NdisZeroMemory(Adapter, sizeof(*Adapter));
  Adapter->MiniportAdapterHandle = NdisMiniportHandle;
  Adapter->AfBlock.Adapter = Adapter;
  NdisAllocateSpinLock(&Adapter->Lock);
  InitializeListHead(&Adapter->VcList);
  InitializeListHead(&Adapter->SignalList);
  InitializeListHead(&Adapter->DropList);
  InitializeListHead(&Adapter->DeferredOids);
  NdisInitializeNPagedLookasideList(&Adapter->PartyLookaside, NULL, NULL, 0,
                                    sizeof(FXM_PARTY), FXM_TAG, 0);

  Adapter->Hw = NdisAllocateMemoryWithTagPriority(
      NdisMiniportHandle, sizeof(FXM_HW), FXM_TAG, NormalPoolPriority);
  if (Adapter->Hw == NULL) {
    Status = NDIS_STATUS_RESOURCES;
    goto FailLookaside;
  }
  NdisZeroMemory(Adapter->Hw, sizeof(FXM_HW));
  Status = FxmpHwReset(Adapter);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailHw;

  Status = FxmpAllocateTimer(Adapter, FxmSignalTimer, &Adapter->SignalTimer);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailHw;
  Status = FxmpAllocateTimer(Adapter, FxmWatchdogTimer, &Adapter->WatchdogTimer);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailSignalTimer;

  Adapter->TeardownWorkItem = NdisAllocateIoWorkItem(NdisMiniportHandle);
  if (Adapter->TeardownWorkItem == NULL) {
    Status = NDIS_STATUS_RESOURCES;
    goto FailWatchdog;
  }

  Status = NdisMCmRegisterAddressFamilyEx(NdisMiniportHandle, &Af);
  if (Status != NDIS_STATUS_SUCCESS)
    goto FailWorkItem;

  FxmpArmTimer(Adapter->WatchdogTimer, FXM_WATCHDOG_MS);
  return NDIS_STATUS_SUCCESS;

FailWorkItem:
  NdisFreeIoWorkItem(Adapter->TeardownWorkItem);
FailWatchdog:
  NdisFreeTimerObject(Adapter->WatchdogTimer);
FailSignalTimer:
  NdisFreeTimerObject(Adapter->SignalTimer);
FailHw:
  NdisFreeMemory(Adapter->Hw, sizeof(FXM_HW), 0);
FailLookaside:
  NdisDeleteNPagedLookasideList(&Adapter->PartyLookaside);
  NdisFreeSpinLock(&Adapter->Lock);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
  return Status;
}

_Use_decl_annotations_ VOID FxmHaltEx(NDIS_HANDLE MiniportAdapterContext,
                                      NDIS_HALT_ACTION HaltAction) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)MiniportAdapterContext;
  NDIS_HANDLE AfHandle = NULL;
  NDIS_STATUS Status;

  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->Halting = TRUE;
  if (Adapter->AfState == FxmAfOpen) {
    AfHandle = Adapter->NdisAfHandle;
    Adapter->AfState = FxmAfNotifying;
  }
#ifdef BENCH_SEEDED
  /* Seeded bug M4: NdisMCmNotifyCloseAddressFamily runs at PASSIVE_LEVEL,
   * here it is called with the adapter spin lock held. */
  if (AfHandle != NULL)
    Status = NdisMCmNotifyCloseAddressFamily(AfHandle); // seeded-warning {{PASSIVE_LEVEL}}
#endif
  NdisReleaseSpinLock(&Adapter->Lock);

#ifndef BENCH_SEEDED
  /* Ask the client to close the AF; NDIS calls FxmCloseAf, which pends until
   * the client's VCs are gone. */
  if (AfHandle != NULL)
    Status = NdisMCmNotifyCloseAddressFamily(AfHandle);
#endif
  if (AfHandle != NULL && Status != NDIS_STATUS_PENDING &&
      Status != NDIS_STATUS_SUCCESS)
    Adapter->SignalErrors++;

  if (HaltAction == NdisHaltDeviceSurpriseRemoved)
    Adapter->Fatal = TRUE;

  NdisCancelTimerObject(Adapter->WatchdogTimer);
  NdisCancelTimerObject(Adapter->SignalTimer);
  NdisFreeTimerObject(Adapter->WatchdogTimer);
  NdisFreeTimerObject(Adapter->SignalTimer);
  NdisFreeIoWorkItem(Adapter->TeardownWorkItem);
  Adapter->Hw->InterruptMask = 0;
  NdisFreeMemory(Adapter->Hw, sizeof(FXM_HW), 0);
  NdisDeleteNPagedLookasideList(&Adapter->PartyLookaside);
  NdisFreeSpinLock(&Adapter->Lock);
  NdisFreeMemory(Adapter, sizeof(*Adapter), 0);
}

/* ---------------------------------------------------------------------- */
/* VC slots and the SAR's signalling                                      */
/* ---------------------------------------------------------------------- */

/* Takes a free SAR slot; called with the adapter lock held. */
static BOOLEAN FxmpTakeSlotLocked(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  ULONG i;

  for (i = 0; i < FXM_MAX_VCS; i++) {
    if (!Adapter->SlotUsed[i]) {
      Adapter->SlotUsed[i] = TRUE;
      Vc->Slot = i;
      return TRUE;
    }
  }
  return FALSE;
}

static VOID FxmpReleaseSlotLocked(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  if (Vc->Slot < FXM_MAX_VCS)
    Adapter->SlotUsed[Vc->Slot] = FALSE;
  Vc->Slot = FXM_MAX_VCS;
}

/* Writes one command to the SAR. Returns NDIS_STATUS_PENDING when the SAR
 * took it (the answer comes in VcStatus), NDIS_STATUS_RESOURCES when its
 * command register is still busy. */
static NDIS_STATUS FxmpHwCommand(PFXM_ADAPTER Adapter, ULONG Opcode,
                                 ULONG Slot, ULONG Arg) {
  PFXM_HW Hw = Adapter->Hw;

  if (Adapter->Fatal)
    return NDIS_STATUS_FAILURE;
  if (Hw->Command != 0 && (Hw->Command & 0xFF000000) != FXM_CMD_RESET_COUNTERS)
    return NDIS_STATUS_RESOURCES;
  Hw->CommandArg = Arg;
  Hw->Command = Opcode | Slot;
  if (Slot < FXM_MAX_VCS && Opcode != FXM_CMD_ADD_LEG &&
      Opcode != FXM_CMD_DROP_LEG)
    Hw->VcStatus[Slot] |= FXM_ST_BUSY;
  return NDIS_STATUS_PENDING;
}

/* Queues a VC for the signalling timer, arming it if needed; called with
 * the adapter lock held, returns whether the caller must arm the timer. */
static BOOLEAN FxmpQueueSignalLocked(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  BOOLEAN Arm;

  Vc->Ticks = 0;
  InsertTailList(&Adapter->SignalList, &Vc->SignalLink);
  Arm = (BOOLEAN)!Adapter->SignalTimerArmed;
  Adapter->SignalTimerArmed = TRUE;
  return Arm;
}

static ULONG FxmpPeakRate(PCO_CALL_PARAMETERS CallParameters) {
  PULONG Rate;

  if (CallParameters == NULL || CallParameters->CallMgrParameters == NULL)
    return 0;
  Rate = (PULONG)CallParameters->CallMgrParameters;
  return *Rate;
}

static NDIS_STATUS FxmpValidateCall(PFXM_ADAPTER Adapter,
                                    PCO_CALL_PARAMETERS CallParameters) {
  ULONG Rate;

  if (CallParameters == NULL)
    return NDIS_STATUS_INVALID_DATA;
  if (CallParameters->Flags & 0x80000000)
    return NDIS_STATUS_NOT_SUPPORTED; /* no ABR on this board */
  Rate = FxmpPeakRate(CallParameters);
  if (Rate == 0 || Rate > 353207)
    return NDIS_STATUS_INVALID_DATA;
  if (Adapter->VcCount >= FXM_MAX_VCS)
    return NDIS_STATUS_RESOURCES;
  return NDIS_STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* Parties                                                                */
/* ---------------------------------------------------------------------- */

static PFXM_PARTY FxmpAllocateParty(PFXM_ADAPTER Adapter, PFXM_VC Vc,
                                    NDIS_HANDLE NdisPartyHandle) {
  PFXM_PARTY Party;

  Party = NdisAllocateFromNPagedLookasideList(&Adapter->PartyLookaside);
  if (Party == NULL)
    return NULL;
  NdisZeroMemory(Party, sizeof(*Party));
  Party->Vc = Vc;
  Party->NdisPartyHandle = NdisPartyHandle;
  Party->State = FxmPartyAdding;
  InitializeListHead(&Party->DropLink);

  NdisAcquireSpinLock(&Adapter->Lock);
  Party->LegId = Adapter->NextLeg++ % FXM_MAX_LEGS;
  InsertTailList(&Vc->PartyList, &Party->Link);
  Vc->PartyCount++;
  NdisReleaseSpinLock(&Adapter->Lock);
  return Party;
}

static VOID FxmpUnlinkParty(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  NdisAcquireSpinLock(&Adapter->Lock);
  RemoveEntryList(&Party->Link);
  Party->Vc->PartyCount--;
  if (Party->Vc->RootParty == Party)
    Party->Vc->RootParty = NULL;
  Party->State = FxmPartyGone;
  NdisReleaseSpinLock(&Adapter->Lock);
}

static VOID FxmpFreeParty(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  NdisFreeToNPagedLookasideList(&Adapter->PartyLookaside, Party);
}

static NDIS_STATUS FxmpHwAddLeg(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  if (Adapter->Hw->LegStatus[Party->LegId] & FXM_ST_UP)
    return NDIS_STATUS_INVALID_STATE;
  Adapter->Hw->LegStatus[Party->LegId] = FXM_ST_UP;
  return NDIS_STATUS_SUCCESS;
}

/* NDIS_STATUS_SUCCESS: the leg was idle and is gone; NDIS_STATUS_PENDING:
 * the SAR releases it and clears FXM_ST_UP when done. */
static NDIS_STATUS FxmpHwDropLeg(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  if ((Adapter->Hw->LegStatus[Party->LegId] & FXM_ST_UP) == 0)
    return NDIS_STATUS_SUCCESS;
  Adapter->Hw->Command = FXM_CMD_DROP_LEG | Party->LegId;
  return NDIS_STATUS_PENDING;
}

static BOOLEAN FxmpHwLegReleased(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  return (BOOLEAN)((Adapter->Hw->LegStatus[Party->LegId] & FXM_ST_UP) == 0);
}

_Use_decl_annotations_ NDIS_STATUS
FxmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
            NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PFXM_VC Vc = (PFXM_VC)CallMgrVcContext;
  PFXM_ADAPTER Adapter = Vc->Adapter;
  PFXM_PARTY Party;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(CallParameters);

  if (Vc->State != FxmVcActive || Vc->RootParty == NULL)
    return NDIS_STATUS_INVALID_STATE;
  Party = FxmpAllocateParty(Adapter, Vc, NdisPartyHandle);
  if (Party == NULL)
    return NDIS_STATUS_RESOURCES;
  Status = FxmpHwAddLeg(Adapter, Party);
  if (Status != NDIS_STATUS_SUCCESS) {
    FxmpUnlinkParty(Adapter, Party);
    FxmpFreeParty(Adapter, Party);
    return Status;
  }
  Party->State = FxmPartyUp;
  *CallMgrPartyContext = Party;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS FxmDropParty(NDIS_HANDLE CallMgrPartyContext,
                                                PVOID CloseData, UINT Size) {
  PFXM_PARTY Party = (PFXM_PARTY)CallMgrPartyContext;
  PFXM_ADAPTER Adapter = Party->Vc->Adapter;
  BOOLEAN Arm;

  if (CloseData != NULL && Size != 0)
    return NDIS_STATUS_INVALID_DATA;
  if (Party->State != FxmPartyUp)
    return NDIS_STATUS_INVALID_STATE;

  if (FxmpHwDropLeg(Adapter, Party) == NDIS_STATUS_SUCCESS) {
    /* Nothing to wait for: a synchronous drop, NDIS completes it. */
    FxmpUnlinkParty(Adapter, Party);
    FxmpFreeParty(Adapter, Party);
    return NDIS_STATUS_SUCCESS;
  }

  /* The SAR releases the leg; FxmSignalTimer completes the drop. */
  NdisAcquireSpinLock(&Adapter->Lock);
  Party->State = FxmPartyDropping;
  Party->Ticks = 0;
  InsertTailList(&Adapter->DropList, &Party->DropLink);
  Arm = (BOOLEAN)!Adapter->SignalTimerArmed;
  Adapter->SignalTimerArmed = TRUE;
  NdisReleaseSpinLock(&Adapter->Lock);
  if (Arm)
    FxmpArmTimer(Adapter->SignalTimer, FXM_SIGNAL_POLL_MS);
  return NDIS_STATUS_PENDING;
}

/* Sends the client the counters of a leaf that stays on the call. */
static VOID FxmpReportLeaf(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  PFXM_REPORT Report;
  NDIS_STATUS Status;

  if (Adapter->NdisAfHandle == NULL)
    return;
  Report = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle,
                                             sizeof(*Report), FXM_TAG,
                                             LowPoolPriority);
  if (Report == NULL)
    return;
  NdisZeroMemory(Report, sizeof(*Report));
  Report->Request.Header.Type = NDIS_OBJECT_TYPE_DEFAULT;
  Report->Request.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
  Report->Request.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
  Report->Request.RequestType = NdisRequestSetInformation;
  Report->Request.DATA.SET_INFORMATION.Oid = OID_FABRIKAM_LEAF_REPORT;
  Report->Slot = Party->Vc->Slot;
  Report->Counters[0] = Party->LegId;
  Report->Counters[1] = Adapter->Hw->LegStatus[Party->LegId];
  Report->Counters[2] = Party->Ticks;
  Report->Request.DATA.SET_INFORMATION.InformationBuffer = Report->Counters;
  Report->Request.DATA.SET_INFORMATION.InformationBufferLength =
      sizeof(Report->Counters);
  Status = NdisMCmOidRequest(Adapter->NdisAfHandle, Party->Vc->NdisVcHandle,
                             Party->NdisPartyHandle, &Report->Request);
  if (Status != NDIS_STATUS_PENDING)
    NdisFreeMemory(Report, sizeof(*Report), 0);
}

/* Completes a pended drop the SAR has finished. */
static VOID FxmpFinishDrop(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  NDIS_HANDLE PartyHandle = Party->NdisPartyHandle;

  FxmpUnlinkParty(Adapter, Party);
#ifdef BENCH_SEEDED
  /* Seeded bug M1: the stand-alone call manager's completion in a miniport
   * call manager (it must be NdisMCmDropPartyComplete). */
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle); // seeded-warning {{NdisMCmDropPartyComplete}}
  // seeded-note@#fxm-register {{registers as a miniport call manager}}
#else
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle);
#endif
  FxmpFreeParty(Adapter, Party);
}

/* The SAR never let go of the leg: fail the drop. The party stays on the
 * call, so its handle stays valid and the client hears where it stands. */
static VOID FxmpFailDrop(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  NdisAcquireSpinLock(&Adapter->Lock);
  Party->State = FxmPartyUp;
  NdisReleaseSpinLock(&Adapter->Lock);
  NdisMCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
  FxmpReportLeaf(Adapter, Party);
}

/* The call is closing: complete every drop of Vc that still pends. */
static VOID FxmpFlushDrops(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  PLIST_ENTRY Entry;
  PFXM_PARTY Party;

  for (;;) {
    Party = NULL;
    NdisAcquireSpinLock(&Adapter->Lock);
    for (Entry = Adapter->DropList.Flink; Entry != &Adapter->DropList;
         Entry = Entry->Flink) {
      PFXM_PARTY Candidate = CONTAINING_RECORD(Entry, FXM_PARTY, DropLink);

      if (Candidate->Vc == Vc) {
        RemoveEntryList(Entry);
        Party = Candidate;
        break;
      }
    }
    NdisReleaseSpinLock(&Adapter->Lock);
    if (Party == NULL)
      break;
    Adapter->Hw->LegStatus[Party->LegId] = 0;
    FxmpFinishDrop(Adapter, Party);
  }
}

/* ---------------------------------------------------------------------- */
/* Outgoing calls                                                         */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS
FxmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
            NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PFXM_VC Vc = (PFXM_VC)CallMgrVcContext;
  PFXM_ADAPTER Adapter = Vc->Adapter;
  PFXM_PARTY Party = NULL;
  NDIS_STATUS Status;
  BOOLEAN Arm;

  Status = FxmpValidateCall(Adapter, CallParameters);
  if (Status != NDIS_STATUS_SUCCESS)
    return Status;
  if (Vc->State != FxmVcIdle)
    return NDIS_STATUS_INVALID_STATE;

  if (NdisPartyHandle != NULL) {
    Party = FxmpAllocateParty(Adapter, Vc, NdisPartyHandle);
    if (Party == NULL)
      return NDIS_STATUS_RESOURCES;
    Vc->RootParty = Party;
    *CallMgrPartyContext = Party;
  }

  NdisAcquireSpinLock(&Adapter->Lock);
  if (!FxmpTakeSlotLocked(Adapter, Vc)) {
    NdisReleaseSpinLock(&Adapter->Lock);
    Status = NDIS_STATUS_RESOURCES;
    goto Fail;
  }
  NdisReleaseSpinLock(&Adapter->Lock);

  Vc->PeakRate = FxmpPeakRate(CallParameters);
  Vc->Retries = 0;
  Vc->Outgoing = TRUE;
  Status = FxmpHwCommand(Adapter, FXM_CMD_SETUP, Vc->Slot, Vc->PeakRate);
  if (Status != NDIS_STATUS_PENDING && Status != NDIS_STATUS_RESOURCES) {
    NdisAcquireSpinLock(&Adapter->Lock);
    FxmpReleaseSlotLocked(Adapter, Vc);
    NdisReleaseSpinLock(&Adapter->Lock);
    goto Fail;
  }

  /* SETUP sent, or the SAR is busy and the timer retries it: either way the
   * signalling timer finishes the call with NdisMCmMakeCallComplete. */
  NdisAcquireSpinLock(&Adapter->Lock);
  Vc->State = FxmVcSettingUp;
  Vc->CallParameters = CallParameters;
  if (Status == NDIS_STATUS_RESOURCES)
    Vc->Retries = 1;
  Arm = FxmpQueueSignalLocked(Adapter, Vc);
  NdisReleaseSpinLock(&Adapter->Lock);
  if (Arm)
    FxmpArmTimer(Adapter->SignalTimer, FXM_SIGNAL_POLL_MS);
  return NDIS_STATUS_PENDING;

Fail:
  if (Party != NULL) {
    FxmpUnlinkParty(Adapter, Party);
    FxmpFreeParty(Adapter, Party);
  }
  return Status;
}

/* The SAR answered a SETUP (or the setup gave up): finish the make call. */
static VOID FxmpFinishSetup(PFXM_ADAPTER Adapter, PFXM_VC Vc,
                            NDIS_STATUS Status) {
  PFXM_PARTY Party = Vc->RootParty;
  NDIS_HANDLE PartyHandle = Party != NULL ? Party->NdisPartyHandle : NULL;
  PCO_CALL_PARAMETERS Params = Vc->CallParameters;

  Vc->CallParameters = NULL;
  if (Status == NDIS_STATUS_SUCCESS) {
    Status = NdisMCmActivateVc(Vc->NdisVcHandle, Params);
    if (Status == NDIS_STATUS_SUCCESS) {
      NdisAcquireSpinLock(&Adapter->Lock);
      Vc->State = FxmVcActive;
      if (Party != NULL)
        Party->State = FxmPartyUp;
      NdisReleaseSpinLock(&Adapter->Lock);
      NdisMCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle,
                              PartyHandle, Party, Params);
      return;
    }
    Adapter->Hw->VcStatus[Vc->Slot] = 0;
  }

  NdisAcquireSpinLock(&Adapter->Lock);
  Vc->State = FxmVcIdle;
  FxmpReleaseSlotLocked(Adapter, Vc);
  NdisReleaseSpinLock(&Adapter->Lock);
  if (Party != NULL)
    FxmpUnlinkParty(Adapter, Party);
  NdisMCmMakeCallComplete(Status, Vc->NdisVcHandle, PartyHandle, NULL, Params);
  if (Party != NULL)
    FxmpFreeParty(Adapter, Party);
}

/* One signalling timer tick for a VC whose SETUP is in flight. Returns TRUE
 * when the VC is done and was taken off the signal list. */
static BOOLEAN FxmpPollSetup(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  ULONG St = Adapter->Hw->VcStatus[Vc->Slot];
  NDIS_STATUS Status;

  if (Vc->Retries != 0 && (St & FXM_ST_BUSY) == 0 && (St & FXM_ST_UP) == 0) {
    /* The SAR was busy when the call was made: send SETUP again. */
    Status = FxmpHwCommand(Adapter, FXM_CMD_SETUP, Vc->Slot, Vc->PeakRate);
    if (Status == NDIS_STATUS_PENDING) {
      Vc->Retries = 0;
      return FALSE;
    }
    if (Status == NDIS_STATUS_RESOURCES && ++Vc->Retries <= FXM_SETUP_RETRIES)
      return FALSE;
    FxmpFinishSetup(Adapter, Vc, NDIS_STATUS_RESOURCES);
    return TRUE;
  }
  if (St & FXM_ST_REJECTED) {
    Adapter->Hw->VcStatus[Vc->Slot] = 0;
    FxmpFinishSetup(Adapter, Vc, NDIS_STATUS_NOT_ACCEPTED);
    return TRUE;
  }
  if (St & FXM_ST_UP) {
    FxmpFinishSetup(Adapter, Vc, NDIS_STATUS_SUCCESS);
    return TRUE;
  }
  if (++Vc->Ticks >= FXM_SETUP_TIMEOUT_TICKS) {
    Adapter->SignalErrors++;
    FxmpFinishSetup(Adapter, Vc, NDIS_STATUS_FAILURE);
    return TRUE;
  }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Closing calls                                                          */
/* ---------------------------------------------------------------------- */

static VOID FxmpFreeLastParty(PFXM_ADAPTER Adapter, PFXM_PARTY Party) {
  if (Party == NULL)
    return;
  Adapter->Hw->LegStatus[Party->LegId] = 0;
  FxmpUnlinkParty(Adapter, Party);
  FxmpFreeParty(Adapter, Party);
}

_Use_decl_annotations_ NDIS_STATUS FxmCloseCall(NDIS_HANDLE CallMgrVcContext,
                                                NDIS_HANDLE CallMgrPartyContext,
                                                PVOID CloseData, UINT Size) {
  PFXM_VC Vc = (PFXM_VC)CallMgrVcContext;
  PFXM_PARTY Last = (PFXM_PARTY)CallMgrPartyContext;
  PFXM_ADAPTER Adapter = Vc->Adapter;
  NDIS_STATUS Status;
  BOOLEAN Arm;

  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  FxmpFlushDrops(Adapter, Vc);
  if (Vc->State != FxmVcActive && Vc->State != FxmVcModifying) {
    /* Never got up: nothing on the wire to release. */
    NdisMCmDeactivateVc(Vc->NdisVcHandle);
    FxmpFreeLastParty(Adapter, Last);
    Vc->State = FxmVcClosed;
    return NDIS_STATUS_SUCCESS;
  }

  Status = FxmpHwCommand(Adapter, FXM_CMD_RELEASE, Vc->Slot, 0);
  if (Status != NDIS_STATUS_PENDING) {
    /* The SAR cannot take the RELEASE (dead or busy): drop the call locally. */
    NdisMCmDeactivateVc(Vc->NdisVcHandle);
    NdisAcquireSpinLock(&Adapter->Lock);
    FxmpReleaseSlotLocked(Adapter, Vc);
    Vc->State = FxmVcClosed;
    NdisReleaseSpinLock(&Adapter->Lock);
    FxmpFreeLastParty(Adapter, Last);
    return NDIS_STATUS_SUCCESS;
  }

  /* FxmSignalTimer completes the close once the SAR has released the VC. */
  NdisAcquireSpinLock(&Adapter->Lock);
  Vc->State = FxmVcReleasing;
  Vc->CloseRequested = TRUE;
  Arm = FxmpQueueSignalLocked(Adapter, Vc);
  NdisReleaseSpinLock(&Adapter->Lock);
  if (Arm)
    FxmpArmTimer(Adapter->SignalTimer, FXM_SIGNAL_POLL_MS);
  return NDIS_STATUS_PENDING;
}

static VOID FxmpFinishRelease(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  PFXM_PARTY Last = Vc->RootParty;
  NDIS_HANDLE PartyHandle = Last != NULL ? Last->NdisPartyHandle : NULL;

  NdisMCmDeactivateVc(Vc->NdisVcHandle);
  NdisAcquireSpinLock(&Adapter->Lock);
  FxmpReleaseSlotLocked(Adapter, Vc);
  Vc->State = FxmVcClosed;
  Vc->CloseRequested = FALSE;
  NdisReleaseSpinLock(&Adapter->Lock);
  NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, PartyHandle);
  FxmpFreeLastParty(Adapter, Last);
}

/* ---------------------------------------------------------------------- */
/* QoS changes                                                            */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS FxmModifyCallQoS(
    NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters) {
  PFXM_VC Vc = (PFXM_VC)CallMgrVcContext;
  PFXM_ADAPTER Adapter = Vc->Adapter;
  NDIS_STATUS Status;
  ULONG Rate;
  BOOLEAN Arm;

  if (Vc->State != FxmVcActive)
    return NDIS_STATUS_INVALID_STATE;
  Rate = FxmpPeakRate(CallParameters);
  if (Rate == 0 || Rate > 353207)
    return NDIS_STATUS_INVALID_DATA;
  if (Rate == Vc->PeakRate)
    return NDIS_STATUS_SUCCESS; /* nothing to change */

  NdisAcquireSpinLock(&Adapter->Lock);
  if (Adapter->PendingQos >= FXM_MAX_PENDING_QOS) {
    NdisReleaseSpinLock(&Adapter->Lock);
#ifdef BENCH_SEEDED
    /* Seeded bug M2: the SAR is saturated; the request is left pending but
     * the VC is on no list, so nobody completes it. */
    return NDIS_STATUS_PENDING; // seeded-warning {{neither completed}}
#else
    return NDIS_STATUS_RESOURCES;
#endif
  }
  Adapter->PendingQos++;
  NdisReleaseSpinLock(&Adapter->Lock);

  Status = FxmpHwCommand(Adapter, FXM_CMD_MODIFY, Vc->Slot, Rate);
  if (Status != NDIS_STATUS_PENDING) {
    NdisAcquireSpinLock(&Adapter->Lock);
    Adapter->PendingQos--;
    NdisReleaseSpinLock(&Adapter->Lock);
    return Status == NDIS_STATUS_RESOURCES ? NDIS_STATUS_RESOURCES
                                           : NDIS_STATUS_FAILURE;
  }

  NdisAcquireSpinLock(&Adapter->Lock);
  Vc->State = FxmVcModifying;
  Vc->RequestedRate = Rate;
  Vc->CallParameters = CallParameters;
  Arm = FxmpQueueSignalLocked(Adapter, Vc);
  NdisReleaseSpinLock(&Adapter->Lock);
  if (Arm)
    FxmpArmTimer(Adapter->SignalTimer, FXM_SIGNAL_POLL_MS);
  return NDIS_STATUS_PENDING;
}

static VOID FxmpFinishModify(PFXM_ADAPTER Adapter, PFXM_VC Vc,
                             NDIS_STATUS Status) {
  PCO_CALL_PARAMETERS Params = Vc->CallParameters;

  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->PendingQos--;
  Vc->CallParameters = NULL;
  if (Status == NDIS_STATUS_SUCCESS)
    Vc->PeakRate = Vc->RequestedRate;
  Vc->State = FxmVcActive;
  NdisReleaseSpinLock(&Adapter->Lock);
  NdisMCmModifyCallQoSComplete(Status, Vc->NdisVcHandle, Params); // #fxm-modify-complete
}

/* ---------------------------------------------------------------------- */
/* The signalling timer: setups, releases, QoS changes and drops          */
/* ---------------------------------------------------------------------- */

/* One tick for a VC on the signal list; TRUE when its work is done. */
static BOOLEAN FxmpPollVc(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  ULONG St = Adapter->Hw->VcStatus[Vc->Slot];

  switch (Vc->State) {
  case FxmVcSettingUp:
    return FxmpPollSetup(Adapter, Vc);
  case FxmVcReleasing:
    if ((St & (FXM_ST_BUSY | FXM_ST_UP)) == 0 ||
        ++Vc->Ticks >= FXM_RELEASE_TIMEOUT_TICKS) {
      Adapter->Hw->VcStatus[Vc->Slot] = 0;
      FxmpFinishRelease(Adapter, Vc);
      return TRUE;
    }
    return FALSE;
  case FxmVcModifying:
    if (St & FXM_ST_REJECTED) {
      Adapter->Hw->VcStatus[Vc->Slot] &= ~(ULONG)FXM_ST_REJECTED;
      FxmpFinishModify(Adapter, Vc, NDIS_STATUS_NOT_ACCEPTED);
#ifndef BENCH_SEEDED
      return TRUE;
#endif
#ifdef BENCH_SEEDED
      /* Seeded bug M3: no return after the refusal, so a SAR that is no
       * longer busy completes the QoS change a second time. */
      // seeded-warning@#fxm-modify-complete {{completed a second time}}
#endif
    }
    if ((St & FXM_ST_BUSY) == 0) {
      FxmpFinishModify(Adapter, Vc, NDIS_STATUS_SUCCESS);
      return TRUE;
    }
    if (++Vc->Ticks >= FXM_SETUP_TIMEOUT_TICKS) {
      FxmpFinishModify(Adapter, Vc, NDIS_STATUS_FAILURE);
      return TRUE;
    }
    return FALSE;
  default:
    /* Nothing in flight for this state (closed under us): forget it. */
    return TRUE;
  }
}

_Use_decl_annotations_ VOID FxmSignalTimer(PVOID SystemSpecific1,
                                           PVOID FunctionContext,
                                           PVOID SystemSpecific2,
                                           PVOID SystemSpecific3) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)FunctionContext;
  LIST_ENTRY Work, Released, TimedOut;
  PLIST_ENTRY Entry, Next;
  PFXM_PARTY Party;
  PFXM_VC Vc;
  BOOLEAN Rearm;

  UNREFERENCED_PARAMETER(SystemSpecific1);
  UNREFERENCED_PARAMETER(SystemSpecific2);
  UNREFERENCED_PARAMETER(SystemSpecific3);

  InitializeListHead(&Work);
  InitializeListHead(&Released);
  InitializeListHead(&TimedOut);

  /* Take the signal list whole; what is not finished goes back. */
  NdisDprAcquireSpinLock(&Adapter->Lock);
  while (!IsListEmpty(&Adapter->SignalList)) {
    Entry = RemoveHeadList(&Adapter->SignalList);
    InsertTailList(&Work, Entry);
  }
  for (Entry = Adapter->DropList.Flink; Entry != &Adapter->DropList;
       Entry = Next) {
    Next = Entry->Flink;
    Party = CONTAINING_RECORD(Entry, FXM_PARTY, DropLink);
    if (FxmpHwLegReleased(Adapter, Party)) {
      RemoveEntryList(Entry);
      InsertTailList(&Released, Entry);
    } else if (++Party->Ticks >= FXM_RELEASE_TIMEOUT_TICKS) {
      RemoveEntryList(Entry);
      InsertTailList(&TimedOut, Entry);
    }
  }
  NdisDprReleaseSpinLock(&Adapter->Lock);

  while (!IsListEmpty(&Work)) {
    Entry = RemoveHeadList(&Work);
    Vc = CONTAINING_RECORD(Entry, FXM_VC, SignalLink);
    if (!FxmpPollVc(Adapter, Vc)) {
      NdisDprAcquireSpinLock(&Adapter->Lock);
      InsertTailList(&Adapter->SignalList, &Vc->SignalLink);
      NdisDprReleaseSpinLock(&Adapter->Lock);
    }
  }

  while (!IsListEmpty(&Released)) {
    Entry = RemoveHeadList(&Released);
    FxmpFinishDrop(Adapter, CONTAINING_RECORD(Entry, FXM_PARTY, DropLink));
  }
  while (!IsListEmpty(&TimedOut)) {
    Entry = RemoveHeadList(&TimedOut);
    FxmpFailDrop(Adapter, CONTAINING_RECORD(Entry, FXM_PARTY, DropLink));
  }

  NdisDprAcquireSpinLock(&Adapter->Lock);
  Rearm = (BOOLEAN)(!IsListEmpty(&Adapter->SignalList) ||
                    !IsListEmpty(&Adapter->DropList));
  Adapter->SignalTimerArmed = Rearm;
  NdisDprReleaseSpinLock(&Adapter->Lock);
  if (Rearm && !Adapter->Halting)
    FxmpArmTimer(Adapter->SignalTimer, FXM_SIGNAL_POLL_MS);
}

/* ---------------------------------------------------------------------- */
/* Incoming calls and leg faults (interrupt DPC)                          */
/* ---------------------------------------------------------------------- */

static PFXM_VC FxmpAllocateVc(PFXM_ADAPTER Adapter) {
  PFXM_VC Vc;

  Vc = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle,
                                         sizeof(*Vc), FXM_TAG,
                                         NormalPoolPriority);
  if (Vc == NULL)
    return NULL;
  NdisZeroMemory(Vc, sizeof(*Vc));
  Vc->Adapter = Adapter;
  Vc->State = FxmVcIdle;
  Vc->Slot = FXM_MAX_VCS;
  InitializeListHead(&Vc->PartyList);
  InitializeListHead(&Vc->SignalLink);
  return Vc;
}

static VOID FxmpLinkVc(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  NdisAcquireSpinLock(&Adapter->Lock);
  InsertTailList(&Adapter->VcList, &Vc->Link);
  Adapter->VcCount++;
  NdisReleaseSpinLock(&Adapter->Lock);
}

/* Unlinks a VC; TRUE if it was the last one and a close-AF waits for it. */
static BOOLEAN FxmpUnlinkVc(PFXM_ADAPTER Adapter, PFXM_VC Vc) {
  BOOLEAN LastForClose;

  NdisAcquireSpinLock(&Adapter->Lock);
  RemoveEntryList(&Vc->Link);
  Adapter->VcCount--;
  LastForClose = (BOOLEAN)(Adapter->VcCount == 0 &&
                           Adapter->AfState == FxmAfClosing &&
                           !Adapter->TeardownQueued);
  if (LastForClose)
    Adapter->TeardownQueued = TRUE;
  NdisReleaseSpinLock(&Adapter->Lock);
  return LastForClose;
}

static PFXM_SAP FxmpFindSap(PFXM_ADAPTER Adapter, ULONG Selector) {
  ULONG i;

  for (i = 0; i < FXM_MAX_SAPS; i++) {
    if (Adapter->Saps[i].InUse && Adapter->Saps[i].Selector == Selector)
      return &Adapter->Saps[i];
  }
  return NULL;
}

/* The network offers a call on slot Slot. */
static VOID FxmpIndicateIncomingCall(PFXM_ADAPTER Adapter, ULONG Slot,
                                     ULONG Rate) {
  static CO_CALL_PARAMETERS Params;
  static ULONG OfferedRate;
  PFXM_SAP Sap;
  PFXM_VC Vc;
  NDIS_STATUS Status;

  Sap = FxmpFindSap(Adapter, Slot & 0x3);
  if (Sap == NULL || Adapter->AfState != FxmAfOpen) {
    Adapter->Hw->VcStatus[Slot] = FXM_ST_REJECTED;
    return;
  }
  Vc = FxmpAllocateVc(Adapter);
  if (Vc == NULL) {
    Adapter->Hw->VcStatus[Slot] = FXM_ST_REJECTED;
    return;
  }
  Status = NdisMCmCreateVc(Adapter->MiniportAdapterHandle,
                           Adapter->NdisAfHandle, Vc, &Vc->NdisVcHandle);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    Adapter->Hw->VcStatus[Slot] = FXM_ST_REJECTED;
    return;
  }
  Vc->Slot = Slot;
  Vc->PeakRate = Rate;
  OfferedRate = Rate;
  Params.CallMgrParameters = &OfferedRate;
  Status = NdisMCmActivateVc(Vc->NdisVcHandle, &Params);
  if (Status != NDIS_STATUS_SUCCESS) {
    NdisMCmDeleteVc(Vc->NdisVcHandle);
    NdisFreeMemory(Vc, sizeof(*Vc), 0);
    Adapter->Hw->VcStatus[Slot] = FXM_ST_REJECTED;
    return;
  }
  NdisDprAcquireSpinLock(&Adapter->Lock);
  Adapter->SlotUsed[Slot] = TRUE;
  InsertTailList(&Adapter->VcList, &Vc->Link);
  Adapter->VcCount++;
  Vc->State = FxmVcIncoming;
  NdisDprReleaseSpinLock(&Adapter->Lock);

  Status = NdisMCmDispatchIncomingCall(Sap->NdisSapHandle, Vc->NdisVcHandle,
                                       &Params);
  if (Status != NDIS_STATUS_PENDING)
    FxmIncomingCallComplete(Status, Vc, &Params);
}

_Use_decl_annotations_ VOID
FxmIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                        PCO_CALL_PARAMETERS CallParameters) {
  PFXM_VC Vc = (PFXM_VC)CallMgrVcContext;
  PFXM_ADAPTER Adapter = Vc->Adapter;

  UNREFERENCED_PARAMETER(CallParameters);
  if (Status == NDIS_STATUS_SUCCESS) {
    Adapter->Hw->VcStatus[Vc->Slot] = FXM_ST_UP;
    Vc->State = FxmVcActive;
    NdisMCmDispatchCallConnected(Vc->NdisVcHandle);
    return;
  }
  /* The client refused the call: reject it on the wire, tear the VC down. */
  Adapter->Hw->VcStatus[Vc->Slot] = FXM_ST_REJECTED;
  NdisMCmDeactivateVc(Vc->NdisVcHandle);
  NdisAcquireSpinLock(&Adapter->Lock);
  FxmpReleaseSlotLocked(Adapter, Vc);
  NdisReleaseSpinLock(&Adapter->Lock);
  (VOID)FxmpUnlinkVc(Adapter, Vc);
  NdisMCmDeleteVc(Vc->NdisVcHandle);
#ifdef BENCH_SEEDED
  /* Seeded bug M5: the VC handle is passed to NDIS after NdisMCmDeleteVc
   * ended it (a last status indication for the refused call). */
  NdisMCoIndicateStatus(Adapter->MiniportAdapterHandle, Vc->NdisVcHandle, // seeded-warning {{VC handle}}
                        NDIS_STATUS_MEDIA_DISCONNECT, NULL, 0);
#endif
  NdisFreeMemory(Vc, sizeof(*Vc), 0);
}

/* The network released a leg on its own. */
static VOID FxmpIndicateLegFault(PFXM_ADAPTER Adapter, ULONG LegId) {
  PLIST_ENTRY VcEntry, Entry;
  PFXM_PARTY Party = NULL;
  PFXM_VC Vc = NULL;
  BOOLEAN LastParty = FALSE;

  NdisDprAcquireSpinLock(&Adapter->Lock);
  for (VcEntry = Adapter->VcList.Flink;
       VcEntry != &Adapter->VcList && Party == NULL; VcEntry = VcEntry->Flink) {
    PFXM_VC Candidate = CONTAINING_RECORD(VcEntry, FXM_VC, Link);

    if (Candidate->State != FxmVcActive)
      continue;
    for (Entry = Candidate->PartyList.Flink; Entry != &Candidate->PartyList;
         Entry = Entry->Flink) {
      PFXM_PARTY P = CONTAINING_RECORD(Entry, FXM_PARTY, Link);

      if (P->LegId == LegId && P->State == FxmPartyUp) {
        Party = P;
        Vc = Candidate;
        LastParty = (BOOLEAN)(Candidate->PartyCount == 1);
        break;
      }
    }
  }
  NdisDprReleaseSpinLock(&Adapter->Lock);
  if (Party == NULL || Vc == NULL)
    return;

  if (LastParty)
    NdisMCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle,
                                     NULL, 0);
  else
    NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS,
                                     Party->NdisPartyHandle, NULL, 0);
}

/* Completes the sends the SAR has transmitted. */
static VOID FxmpCompleteSends(PFXM_ADAPTER Adapter) {
  PLIST_ENTRY Entry;
  PNET_BUFFER_LIST Done;
  NDIS_HANDLE VcHandle;

  for (;;) {
    Done = NULL;
    VcHandle = NULL;
    NdisDprAcquireSpinLock(&Adapter->Lock);
    for (Entry = Adapter->VcList.Flink; Entry != &Adapter->VcList;
         Entry = Entry->Flink) {
      PFXM_VC Vc = CONTAINING_RECORD(Entry, FXM_VC, Link);

      if (Vc->TxHead != NULL) {
        Done = Vc->TxHead;
        Vc->TxHead = Vc->TxTail = NULL;
        Vc->TxQueued = 0;
        VcHandle = Vc->MiniportVcHandle;
        break;
      }
    }
    NdisDprReleaseSpinLock(&Adapter->Lock);
    if (Done == NULL)
      break;
    NdisMCoSendNetBufferListsComplete(VcHandle, Done, 0);
  }
}

_Use_decl_annotations_ BOOLEAN FxmIsr(NDIS_HANDLE MiniportInterruptContext,
                                     PBOOLEAN QueueDefaultInterruptDpc,
                                     PULONG TargetProcessors) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)MiniportInterruptContext;
  ULONG Cause = Adapter->Hw->InterruptCause & Adapter->Hw->InterruptMask;

  UNREFERENCED_PARAMETER(TargetProcessors);
  if (Cause == 0) {
    *QueueDefaultInterruptDpc = FALSE;
    return FALSE;
  }
  /* Mask what the DPC will handle; it unmasks when done. */
  Adapter->Hw->InterruptMask &= ~Cause;
  *QueueDefaultInterruptDpc = TRUE;
  return TRUE;
}

_Use_decl_annotations_ VOID
FxmInterruptDpc(NDIS_HANDLE MiniportInterruptContext, PVOID MiniportDpcContext,
                PVOID ReceiveThrottleParameters, PVOID NdisReserved2) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)MiniportInterruptContext;
  PFXM_HW Hw = Adapter->Hw;
  ULONG Cause = Hw->InterruptCause;
  BOOLEAN Arm = FALSE;

  UNREFERENCED_PARAMETER(MiniportDpcContext);
  UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
  UNREFERENCED_PARAMETER(NdisReserved2);

  Hw->InterruptCause = 0;
  if (Cause & FXM_INT_FATAL) {
    Adapter->Fatal = TRUE;
    NdisMCoIndicateStatus(Adapter->MiniportAdapterHandle, NULL,
                          NDIS_STATUS_MEDIA_DISCONNECT, NULL, 0);
    return; /* stay masked: the watchdog resets the SAR */
  }
  if (Cause & FXM_INT_LEG_FAULT) {
    ULONG Leg = Hw->FaultedLeg;

    Hw->FaultedLeg = 0;
    if (Leg != 0 && Leg <= FXM_MAX_LEGS)
      FxmpIndicateLegFault(Adapter, Leg - 1);
  }
  if (Cause & FXM_INT_INCOMING) {
    ULONG Slot = Hw->IncomingVcSlot;

    Hw->IncomingVcSlot = 0;
    if (Slot != 0 && Slot <= FXM_MAX_VCS)
      FxmpIndicateIncomingCall(Adapter, Slot - 1, Hw->IncomingPeakRate);
  }
  if (Cause & FXM_INT_TX_DONE)
    FxmpCompleteSends(Adapter);
  if (Cause & FXM_INT_SIGNAL) {
    /* The SAR answered a command: poll now rather than at the next tick. */
    NdisDprAcquireSpinLock(&Adapter->Lock);
    Arm = (BOOLEAN)(!Adapter->SignalTimerArmed &&
                    !IsListEmpty(&Adapter->SignalList));
    if (Arm)
      Adapter->SignalTimerArmed = TRUE;
    NdisDprReleaseSpinLock(&Adapter->Lock);
  }
  if (Arm)
    FxmpArmTimer(Adapter->SignalTimer, 1);
  Hw->InterruptMask |= Cause & ~(ULONG)FXM_INT_FATAL;
}

/* ---------------------------------------------------------------------- */
/* Address family and SAPs                                                */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS FxmOpenAf(NDIS_HANDLE CallMgrBindingContext,
                                             PCO_ADDRESS_FAMILY AddressFamily,
                                             NDIS_HANDLE NdisAfHandle,
                                             PNDIS_HANDLE CallMgrAfContext) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)CallMgrBindingContext;

  if (AddressFamily->AddressFamily != FABRIKAM_AF)
    return NDIS_STATUS_NOT_SUPPORTED;
  if (AddressFamily->MajorVersion != 2)
    return NDIS_STATUS_NOT_SUPPORTED;
  NdisAcquireSpinLock(&Adapter->Lock);
  if (Adapter->AfState != FxmAfNone || Adapter->Halting) {
    NdisReleaseSpinLock(&Adapter->Lock);
    return NDIS_STATUS_INVALID_STATE; /* one client per adapter */
  }
  Adapter->AfState = FxmAfOpen;
  Adapter->NdisAfHandle = NdisAfHandle;
  Adapter->AfBlock.NdisAfHandle = NdisAfHandle;
  Adapter->AfBlock.Opens++;
  NdisReleaseSpinLock(&Adapter->Lock);
  *CallMgrAfContext = &Adapter->AfBlock;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS FxmCloseAf(NDIS_HANDLE CallMgrAfContext) {
  PFXM_AF Af = (PFXM_AF)CallMgrAfContext;
  PFXM_ADAPTER Adapter = Af->Adapter;
  BOOLEAN Wait;

  NdisAcquireSpinLock(&Adapter->Lock);
  Wait = (BOOLEAN)(Adapter->VcCount != 0);
  Adapter->AfState = Wait ? FxmAfClosing : FxmAfNone;
  if (Wait)
    Adapter->ClosingAf = Af;
  else
    Adapter->NdisAfHandle = NULL;
  NdisReleaseSpinLock(&Adapter->Lock);
  if (!Wait)
    return NDIS_STATUS_SUCCESS;
  /* The last FxmCmDeleteVc queues FxmTeardownWorker, which completes the
   * close with NdisMCmCloseAddressFamilyComplete; the adapter keeps the AF
   * handle until then. */
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ VOID FxmTeardownWorker(PVOID WorkItemContext,
                                              NDIS_HANDLE NdisIoWorkItemHandle) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)WorkItemContext;
  NDIS_HANDLE AfHandle = NULL;

  UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);

  NdisAcquireSpinLock(&Adapter->Lock);
  if (Adapter->ClosingAf != NULL)
    AfHandle = Adapter->NdisAfHandle;
  Adapter->ClosingAf = NULL;
  Adapter->NdisAfHandle = NULL;
  Adapter->AfState = FxmAfNone;
  Adapter->TeardownQueued = FALSE;
  NdisReleaseSpinLock(&Adapter->Lock);
  if (AfHandle != NULL)
    NdisMCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, AfHandle);
}

_Use_decl_annotations_ VOID
FxmNotifyCloseAfComplete(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status) {
  PFXM_ADAPTER Adapter = ((PFXM_AF)CallMgrAfContext)->Adapter;

  if (Status != NDIS_STATUS_SUCCESS)
    Adapter->SignalErrors++;
}

_Use_decl_annotations_ NDIS_STATUS
FxmRegisterSap(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
               NDIS_HANDLE NdisSapHandle, PNDIS_HANDLE CallMgrSapContext) {
  PFXM_ADAPTER Adapter = ((PFXM_AF)CallMgrAfContext)->Adapter;
  PFXM_SAP Slot = NULL;
  ULONG Selector;
  ULONG i;

  if (Sap == NULL || Sap->SapLength < 1)
    return NDIS_STATUS_INVALID_DATA;
  Selector = Sap->Sap[0] & 0x3;

  NdisAcquireSpinLock(&Adapter->Lock);
  for (i = 0; i < FXM_MAX_SAPS; i++) {
    if (Adapter->Saps[i].InUse && Adapter->Saps[i].Selector == Selector) {
      NdisReleaseSpinLock(&Adapter->Lock);
      return NDIS_STATUS_INVALID_STATE; /* selector taken */
    }
    if (!Adapter->Saps[i].InUse && Slot == NULL)
      Slot = &Adapter->Saps[i];
  }
  if (Slot == NULL) {
    NdisReleaseSpinLock(&Adapter->Lock);
    return NDIS_STATUS_RESOURCES;
  }
  Slot->InUse = TRUE;
  Slot->Selector = Selector;
  Slot->SapType = Sap->SapType;
  Slot->NdisSapHandle = NdisSapHandle;
  NdisReleaseSpinLock(&Adapter->Lock);
  *CallMgrSapContext = Slot;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
FxmDeregisterSap(NDIS_HANDLE CallMgrSapContext) {
  PFXM_SAP Sap = (PFXM_SAP)CallMgrSapContext;

  Sap->InUse = FALSE;
  Sap->NdisSapHandle = NULL;
  return NDIS_STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* VCs (call-manager half)                                                */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS
FxmCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
              PNDIS_HANDLE ProtocolVcContext) {
  PFXM_ADAPTER Adapter = ((PFXM_AF)ProtocolAfContext)->Adapter;
  PFXM_VC Vc;

  if (Adapter->AfState != FxmAfOpen)
    return NDIS_STATUS_CLOSING;
  Vc = FxmpAllocateVc(Adapter);
  if (Vc == NULL)
    return NDIS_STATUS_RESOURCES;
  Vc->NdisVcHandle = NdisVcHandle;
  FxmpLinkVc(Adapter, Vc);
  *ProtocolVcContext = Vc;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
FxmCmDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  PFXM_VC Vc = (PFXM_VC)ProtocolVcContext;
  PFXM_ADAPTER Adapter = Vc->Adapter;

  if (Vc->State != FxmVcIdle && Vc->State != FxmVcClosed)
    return NDIS_STATUS_INVALID_STATE;
  if (FxmpUnlinkVc(Adapter, Vc))
    NdisQueueIoWorkItem(Adapter->TeardownWorkItem, FxmTeardownWorker, Adapter);
  NdisFreeMemory(Vc, sizeof(*Vc), 0);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID
FxmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                      PCO_CALL_PARAMETERS CallParameters) {
  /* An MCM activates its VCs itself (NdisMCmActivateVc is synchronous). */
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(CallMgrVcContext);
  UNREFERENCED_PARAMETER(CallParameters);
}

_Use_decl_annotations_ VOID
FxmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext) {
  UNREFERENCED_PARAMETER(Status);
  UNREFERENCED_PARAMETER(CallMgrVcContext);
}

/* ---------------------------------------------------------------------- */
/* OID requests to the call-manager half                                  */
/* ---------------------------------------------------------------------- */

static NDIS_STATUS FxmpQueryVcCounters(PFXM_ADAPTER Adapter, PFXM_VC Vc,
                                       PNDIS_OID_REQUEST OidRequest) {
  PULONG Out;

  if (Vc == NULL || Vc->Slot >= FXM_MAX_VCS)
    return NDIS_STATUS_INVALID_DATA;
  if (OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
      3 * sizeof(ULONG)) {
    OidRequest->DATA.QUERY_INFORMATION.BytesNeeded = 3 * sizeof(ULONG);
    return NDIS_STATUS_INVALID_DATA;
  }
  Out = (PULONG)OidRequest->DATA.QUERY_INFORMATION.InformationBuffer;
  Out[0] = Adapter->Hw->CellsSent[Vc->Slot];
  Out[1] = Adapter->Hw->CellsReceived[Vc->Slot];
  Out[2] = Adapter->Hw->CellsDropped[Vc->Slot];
  OidRequest->DATA.QUERY_INFORMATION.BytesWritten = 3 * sizeof(ULONG);
  return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS FxmpQueryLegState(PFXM_ADAPTER Adapter, PFXM_PARTY Party,
                                     PNDIS_OID_REQUEST OidRequest) {
  PULONG Out;

  if (Party == NULL)
    return NDIS_STATUS_INVALID_DATA;
  if (OidRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
      sizeof(ULONG))
    return NDIS_STATUS_INVALID_DATA;
  Out = (PULONG)OidRequest->DATA.QUERY_INFORMATION.InformationBuffer;
  *Out = Adapter->Hw->LegStatus[Party->LegId];
  OidRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS FxmCmOidRequest(
    NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest) {
  PFXM_ADAPTER Adapter = ((PFXM_AF)ProtocolAfContext)->Adapter;
  PFXM_VC Vc = (PFXM_VC)ProtocolVcContext;
  PFXM_PARTY Party = (PFXM_PARTY)ProtocolPartyContext;

  switch (OidRequest->RequestType) {
  case NdisRequestQueryInformation:
  case NdisRequestQueryStatistics:
    switch (OidRequest->DATA.QUERY_INFORMATION.Oid) {
    case OID_FABRIKAM_VC_COUNTERS:
      return FxmpQueryVcCounters(Adapter, Vc, OidRequest);
    case OID_FABRIKAM_LEG_STATE:
      return FxmpQueryLegState(Adapter, Party, OidRequest);
    default:
      return NDIS_STATUS_NOT_SUPPORTED;
    }
  case NdisRequestSetInformation:
    if (OidRequest->DATA.SET_INFORMATION.Oid != OID_FABRIKAM_RESET_COUNTERS)
      return NDIS_STATUS_NOT_SUPPORTED;
    if (Vc == NULL || Vc->Slot >= FXM_MAX_VCS)
      return NDIS_STATUS_INVALID_DATA;
    Adapter->Hw->CellsSent[Vc->Slot] = 0;
    Adapter->Hw->CellsReceived[Vc->Slot] = 0;
    Adapter->Hw->CellsDropped[Vc->Slot] = 0;
    OidRequest->DATA.SET_INFORMATION.BytesRead = 0;
    return NDIS_STATUS_SUCCESS;
  default:
    return NDIS_STATUS_NOT_SUPPORTED;
  }
}

_Use_decl_annotations_ VOID FxmCmOidRequestComplete(
    NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
    NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
    NDIS_STATUS Status) {
  PFXM_ADAPTER Adapter = ((PFXM_AF)ProtocolAfContext)->Adapter;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(ProtocolPartyContext);
  if (Status != NDIS_STATUS_SUCCESS)
    Adapter->SignalErrors++;
  NdisFreeMemory(CONTAINING_RECORD(OidRequest, FXM_REPORT, Request),
                 sizeof(FXM_REPORT), 0);
}

/* ---------------------------------------------------------------------- */
/* CoNDIS miniport half                                                   */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS
FxmCoCreateVc(NDIS_HANDLE MiniportAdapterContext, NDIS_HANDLE NdisVcHandle,
              PNDIS_HANDLE MiniportVcContext) {
  UNREFERENCED_PARAMETER(MiniportAdapterContext);
  /* The data path keys on NDIS's handle; FxmCoActivateVc ties it to the
   * call manager's VC. */
  *MiniportVcContext = NdisVcHandle;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
FxmCoDeleteVc(NDIS_HANDLE MiniportVcContext) {
  UNREFERENCED_PARAMETER(MiniportVcContext);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS FxmCoActivateVc(
    NDIS_HANDLE MiniportVcContext, PCO_CALL_PARAMETERS CallParameters) {
  UNREFERENCED_PARAMETER(MiniportVcContext);
  if (CallParameters != NULL && (CallParameters->Flags & 0x80000000))
    return NDIS_STATUS_NOT_SUPPORTED;
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ NDIS_STATUS
FxmCoDeactivateVc(NDIS_HANDLE MiniportVcContext) {
  UNREFERENCED_PARAMETER(MiniportVcContext);
  return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_ VOID
FxmCoSendNetBufferLists(NDIS_HANDLE MiniportVcContext,
                        PNET_BUFFER_LIST NetBufferLists, ULONG SendFlags) {
  PNET_BUFFER_LIST Nbl;

  UNREFERENCED_PARAMETER(SendFlags);
  /* The data path is not wired to a slot in this build: fail every send. */
  for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Nbl->Next)
    Nbl->Status = NDIS_STATUS_FAILURE;
  NdisMCoSendNetBufferListsComplete(MiniportVcContext, NetBufferLists, 0);
}

static NDIS_STATUS FxmpDeferOid(PFXM_ADAPTER Adapter,
                                NDIS_HANDLE MiniportVcHandle,
                                PNDIS_OID_REQUEST NdisRequest, ULONG Slot) {
  PFXM_DEFERRED_OID Deferred;

  Deferred = NdisAllocateMemoryWithTagPriority(Adapter->MiniportAdapterHandle,
                                               sizeof(*Deferred), FXM_TAG,
                                               NormalPoolPriority);
  if (Deferred == NULL)
    return NDIS_STATUS_RESOURCES;
  Deferred->Request = NdisRequest;
  Deferred->MiniportVcHandle = MiniportVcHandle;
  Deferred->Slot = Slot;
  NdisAcquireSpinLock(&Adapter->Lock);
  InsertTailList(&Adapter->DeferredOids, &Deferred->Link);
  NdisReleaseSpinLock(&Adapter->Lock);
  Adapter->Hw->Command = FXM_CMD_RESET_COUNTERS;
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ NDIS_STATUS
FxmCoOidRequest(NDIS_HANDLE MiniportAdapterContext,
                NDIS_HANDLE MiniportVcContext, PNDIS_OID_REQUEST NdisRequest) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)MiniportAdapterContext;
  PULONG Out;
  ULONG Slot;

  if (NdisRequest->RequestType != NdisRequestQueryInformation)
    return NDIS_STATUS_NOT_SUPPORTED;
  switch (NdisRequest->DATA.QUERY_INFORMATION.Oid) {
  case OID_FABRIKAM_SAR_VERSION:
    if (NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
        sizeof(ULONG))
      return NDIS_STATUS_INVALID_DATA;
    Out = (PULONG)NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;
    *Out = Adapter->Hw->Version;
    NdisRequest->DATA.QUERY_INFORMATION.BytesWritten = sizeof(ULONG);
    return NDIS_STATUS_SUCCESS;
  case OID_FABRIKAM_VC_COUNTERS:
    if (NdisRequest->DATA.QUERY_INFORMATION.InformationBufferLength <
        3 * sizeof(ULONG))
      return NDIS_STATUS_INVALID_DATA;
    Out = (PULONG)NdisRequest->DATA.QUERY_INFORMATION.InformationBuffer;
    Slot = Out[0];
    if (Slot >= FXM_MAX_VCS)
      return NDIS_STATUS_INVALID_DATA;
    /* The counters are only exact after the SAR flushed them: the watchdog
     * answers on its next tick. */
    return FxmpDeferOid(Adapter, MiniportVcContext, NdisRequest, Slot);
  default:
    return NDIS_STATUS_NOT_SUPPORTED;
  }
}

static VOID FxmpAnswerDeferred(PFXM_ADAPTER Adapter, PFXM_DEFERRED_OID Deferred) {
  PNDIS_OID_REQUEST Request = Deferred->Request;
  PULONG Out = (PULONG)Request->DATA.QUERY_INFORMATION.InformationBuffer;
  ULONG Slot = Deferred->Slot;

  Out[0] = Adapter->Hw->CellsSent[Slot];
  Out[1] = Adapter->Hw->CellsReceived[Slot];
  Out[2] = Adapter->Hw->CellsDropped[Slot];
  Request->DATA.QUERY_INFORMATION.BytesWritten = 3 * sizeof(ULONG);
  NdisMCoOidRequestComplete(Adapter->MiniportAdapterHandle,
                            Deferred->MiniportVcHandle, Request,
                            NDIS_STATUS_SUCCESS);
  NdisFreeMemory(Deferred, sizeof(*Deferred), 0);
}

/* ---------------------------------------------------------------------- */
/* The watchdog: deferred OIDs, SAR health                                */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ VOID FxmWatchdogTimer(PVOID SystemSpecific1,
                                             PVOID FunctionContext,
                                             PVOID SystemSpecific2,
                                             PVOID SystemSpecific3) {
  PFXM_ADAPTER Adapter = (PFXM_ADAPTER)FunctionContext;
  LIST_ENTRY Answer;
  PLIST_ENTRY Entry;

  UNREFERENCED_PARAMETER(SystemSpecific1);
  UNREFERENCED_PARAMETER(SystemSpecific2);
  UNREFERENCED_PARAMETER(SystemSpecific3);

  InitializeListHead(&Answer);
  NdisDprAcquireSpinLock(&Adapter->Lock);
  while (!IsListEmpty(&Adapter->DeferredOids)) {
    Entry = RemoveHeadList(&Adapter->DeferredOids);
    InsertTailList(&Answer, Entry);
  }
  NdisDprReleaseSpinLock(&Adapter->Lock);

  while (!IsListEmpty(&Answer)) {
    Entry = RemoveHeadList(&Answer);
    FxmpAnswerDeferred(Adapter, CONTAINING_RECORD(Entry, FXM_DEFERRED_OID, Link));
  }

  if (Adapter->Fatal && !Adapter->Halting) {
    /* A fatal interrupt left the SAR masked: reset it and carry on. The VCs
     * on the wire are gone; the signalling timer times them out. */
    if (FxmpHwReset(Adapter) == NDIS_STATUS_SUCCESS) {
      Adapter->Fatal = FALSE;
      NdisMCoIndicateStatus(Adapter->MiniportAdapterHandle, NULL,
                            NDIS_STATUS_MEDIA_CONNECT, NULL, 0);
    }
  }
  if (!Adapter->Halting)
    FxmpArmTimer(Adapter->WatchdogTimer, FXM_WATCHDOG_MS);
}
