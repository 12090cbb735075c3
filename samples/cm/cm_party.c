/*
 * cm_party.c - CSCM calls and parties: make/close call, add/drop party, the
 * drop work item and the signalling receive path.
 *
 * A drop runs in two halves: CmDropParty marks the party and pends, the
 * CmDropPartyWorker work item sends DROP PARTY to the switch at
 * PASSIVE_LEVEL and either completes the drop itself or, when the switch
 * acknowledges releases, leaves that to CmpHandleDropPartyAck.
 */
#include "cm.h"

/* Allocates a party and gives it a free endpoint reference. */
static PCM_PARTY CmpAllocateParty(PCM_VC Vc, NDIS_HANDLE NdisPartyHandle) {
  PCM_ADAPTER Adapter = Vc->Adapter;
  PCM_PARTY Party;
  ULONG Ref;

  Party = NdisAllocateFromNPagedLookasideList(&CmPartyLookaside);
  if (Party == NULL)
    return NULL;
  NdisZeroMemory(Party, sizeof(*Party));
  Party->Vc = Vc;
  Party->NdisPartyHandle = NdisPartyHandle;
  Party->State = CmPartyAdding;

  NdisAcquireSpinLock(&Adapter->Lock);
  for (Ref = 0; Ref < CM_MAX_PARTIES; Ref++) {
    if (Adapter->PartyTable[Ref] == NULL) {
      Adapter->PartyTable[Ref] = Party;
      break;
    }
  }
  NdisReleaseSpinLock(&Adapter->Lock);

  if (Ref == CM_MAX_PARTIES) {
    NdisFreeToNPagedLookasideList(&CmPartyLookaside, Party);
    return NULL;
  }
  Party->EndpointRef = Ref;
  return Party;
}

static VOID CmpFreeParty(PCM_PARTY Party) {
  PCM_ADAPTER Adapter = Party->Vc->Adapter;

  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->PartyTable[Party->EndpointRef] = NULL;
  NdisReleaseSpinLock(&Adapter->Lock);

  if (Party->DropWorkItem != NULL)
    NdisFreeIoWorkItem(Party->DropWorkItem);
  NdisFreeToNPagedLookasideList(&CmPartyLookaside, Party);
}

static VOID CmpUnlinkParty(PCM_VC Vc, PCM_PARTY Party) {
  NdisAcquireSpinLock(&Vc->Lock);
  RemoveEntryList(&Party->Link);
  Vc->PartyCount--;
  NdisReleaseSpinLock(&Vc->Lock);
}

/* Finds the party the switch means by (CallRef, EndpointRef) in State. */
static PCM_PARTY CmpFindParty(PCM_ADAPTER Adapter, ULONG CallRef,
                              ULONG EndpointRef, CM_PARTY_STATE State) {
  PCM_PARTY Party;

  if (EndpointRef >= CM_MAX_PARTIES)
    return NULL;
  NdisAcquireSpinLock(&Adapter->Lock);
  Party = Adapter->PartyTable[EndpointRef];
  if (Party != NULL && (Party->Vc->CallRef != CallRef || Party->State != State))
    Party = NULL;
  NdisReleaseSpinLock(&Adapter->Lock);
  return Party;
}

/* ---------------------------------------------------------------------- */
/* Calls                                                                  */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS
CmMakeCall(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
           NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PCM_VC Vc = (PCM_VC)CallMgrVcContext;
  PCM_PARTY Party = NULL;
  NDIS_STATUS Status;

  if (NdisPartyHandle != NULL) {
    /* Point-to-multipoint: the client's first leaf. */
    Party = CmpAllocateParty(Vc, NdisPartyHandle);
    if (Party == NULL)
      return NDIS_STATUS_RESOURCES;
    Party->State = CmPartyConnected;
    NdisAcquireSpinLock(&Vc->Lock);
    InsertTailList(&Vc->PartyList, &Party->Link);
    Vc->PartyCount++;
    Vc->InitialParty = Party;
    NdisReleaseSpinLock(&Vc->Lock);
    *CallMgrPartyContext = Party;
  }

  Status = NdisCmActivateVc(Vc->NdisVcHandle, CallParameters);
  if (Status == NDIS_STATUS_PENDING)
    return NDIS_STATUS_PENDING; /* CmActivateVcComplete completes the call */

  if (Status != NDIS_STATUS_SUCCESS && Party != NULL) {
    CmpUnlinkParty(Vc, Party);
    CmpFreeParty(Party);
  }
  Vc->InitialParty = NULL;
  return Status;
}

_Use_decl_annotations_ VOID
CmActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                     PCO_CALL_PARAMETERS CallParameters) {
  PCM_VC Vc = (PCM_VC)CallMgrVcContext;
  PCM_PARTY Party = Vc->InitialParty;

  Vc->InitialParty = NULL;
  NdisCmMakeCallComplete(Status, Vc->NdisVcHandle,
                         Party != NULL ? Party->NdisPartyHandle : NULL, Party,
                         CallParameters);
  /* A failed make-call invalidates the party handle: free after completing. */
  if (Status != NDIS_STATUS_SUCCESS && Party != NULL) {
    CmpUnlinkParty(Vc, Party);
    CmpFreeParty(Party);
  }
}

/* Completes a drop whose ack will never arrive because the call is closing. */
static VOID CmpFinishUnackedDrop(PCM_VC Vc, PCM_PARTY Party) {
  CmpUnlinkParty(Vc, Party);
  CmpFreeParty(Party);
  // BUG (condis.DropParty): Party was freed on the line above and the
  // completion reads its handle from freed memory. Complete first, then free.
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
}

_Use_decl_annotations_ NDIS_STATUS CmCloseCall(NDIS_HANDLE CallMgrVcContext,
                                               NDIS_HANDLE CallMgrPartyContext,
                                               PVOID CloseData, UINT Size) {
  PCM_VC Vc = (PCM_VC)CallMgrVcContext;
  PCM_PARTY Last = (PCM_PARTY)CallMgrPartyContext;
  PLIST_ENTRY Entry;
  PCM_PARTY Party;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);

  /* Drops still waiting for the switch's ack are finished here. */
  for (;;) {
    Party = NULL;
    NdisAcquireSpinLock(&Vc->Lock);
    for (Entry = Vc->PartyList.Flink; Entry != &Vc->PartyList;
         Entry = Entry->Flink) {
      PCM_PARTY Candidate = CONTAINING_RECORD(Entry, CM_PARTY, Link);

      if (Candidate->State == CmPartyDropSent) {
        Party = Candidate;
        break;
      }
    }
    NdisReleaseSpinLock(&Vc->Lock);
    if (Party == NULL)
      break;
    CmpFinishUnackedDrop(Vc, Party);
  }

  Vc->ClosingParty = Last;
  Status = NdisCmDeactivateVc(Vc->NdisVcHandle);
  if (Status == NDIS_STATUS_PENDING)
    return NDIS_STATUS_PENDING; /* CmDeactivateVcComplete completes the close */

  Vc->ClosingParty = NULL;
  if (Last != NULL) {
    CmpUnlinkParty(Vc, Last);
    CmpFreeParty(Last);
  }
  return Status;
}

_Use_decl_annotations_ VOID
CmDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext) {
  PCM_VC Vc = (PCM_VC)CallMgrVcContext;
  PCM_PARTY Last = Vc->ClosingParty;

  Vc->ClosingParty = NULL;
  NdisCmCloseCallComplete(Status, Vc->NdisVcHandle,
                          Last != NULL ? Last->NdisPartyHandle : NULL);
  if (Last != NULL) {
    CmpUnlinkParty(Vc, Last);
    CmpFreeParty(Last);
  }
}

/* ---------------------------------------------------------------------- */
/* Parties                                                                */
/* ---------------------------------------------------------------------- */

_Use_decl_annotations_ NDIS_STATUS
CmAddParty(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
           NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PCM_VC Vc = (PCM_VC)CallMgrVcContext;
  PCM_PARTY Party;
  NDIS_STATUS Status;

  UNREFERENCED_PARAMETER(CallParameters);

  Party = CmpAllocateParty(Vc, NdisPartyHandle);
  if (Party == NULL)
    return NDIS_STATUS_RESOURCES;

  NdisAcquireSpinLock(&Vc->Lock);
  InsertTailList(&Vc->PartyList, &Party->Link);
  Vc->PartyCount++;
  NdisReleaseSpinLock(&Vc->Lock);

  Status = CmSendSignal(Vc->Adapter, CM_MSG_ADD_PARTY, Vc->CallRef,
                        Party->EndpointRef, NULL, 0);
  if (Status != NDIS_STATUS_SUCCESS) {
    CmpUnlinkParty(Vc, Party);
    CmpFreeParty(Party);
    return Status;
  }

  /* CmpHandleAddPartyAck completes the add when the switch answers. */
  *CallMgrPartyContext = Party;
  return NDIS_STATUS_PENDING;
}

static VOID CmpHandleAddPartyAck(PCM_ADAPTER Adapter, PCM_SIGNAL_MESSAGE Msg) {
  PCM_PARTY Party;

  Party = CmpFindParty(Adapter, Msg->CallRef, Msg->EndpointRef, CmPartyAdding);
  if (Party == NULL)
    return;

  if (Msg->CauseLength != 0) {
    NdisCmAddPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle, NULL,
                           NULL);
    CmpUnlinkParty(Party->Vc, Party);
    CmpFreeParty(Party);
    return;
  }
  Party->State = CmPartyConnected;
  NdisCmAddPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, Party,
                         NULL);
}

static VOID CmpQueueDropWork(PCM_PARTY Party) {
  Party->DropWorkItem =
      NdisAllocateIoWorkItem(Party->Vc->Adapter->NdisBindingHandle);
  if (Party->DropWorkItem == NULL) {
    KdPrint(("CSCM: no work item for party %p, drop deferred\n", Party));
    return;
  }
  NdisQueueIoWorkItem(Party->DropWorkItem, CmDropPartyWorker, Party);
}

_Use_decl_annotations_ NDIS_STATUS CmDropParty(NDIS_HANDLE CallMgrPartyContext,
                                               PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  PCM_VC Vc = Party->Vc;
  BOOLEAN RemoteGone;

  /* Leaf release carries no user data on this switch. */
  if (CloseData != NULL && Size != 0)
    return NDIS_STATUS_INVALID_DATA;

  NdisAcquireSpinLock(&Vc->Lock);
  RemoteGone = (BOOLEAN)(Party->State == CmPartyRemoteGone);
  if (RemoteGone) {
    RemoveEntryList(&Party->Link);
    Vc->PartyCount--;
  } else {
    Party->State = CmPartyDropping;
  }
  NdisReleaseSpinLock(&Vc->Lock);

  if (RemoteGone) {
    /* The switch released the leaf already (CmpHandleRemoteDropParty):
     * nothing to signal, the drop is over when we return. */
    CmpFreeParty(Party);
    return NDIS_STATUS_SUCCESS;
  }

  CmpQueueDropWork(Party);
  // BUG (condis.DropParty): pends even when CmpQueueDropWork got no work item;
  // nothing completes this drop and NdisClDropParty hangs. Fail it
  // synchronously instead.
  return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_ VOID
CmDropPartyWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle) {
  PCM_PARTY Party = (PCM_PARTY)WorkItemContext;
  PCM_VC Vc = Party->Vc;
  PCM_ADAPTER Adapter = Vc->Adapter;
  NDIS_STATUS Status;

  NdisFreeIoWorkItem(NdisIoWorkItemHandle);
  Party->DropWorkItem = NULL;

  Status = CmSendSignal(Adapter, CM_MSG_DROP_PARTY, Vc->CallRef,
                        Party->EndpointRef, NULL, 0);
  if (Status != NDIS_STATUS_SUCCESS) {
    /* The leaf is still up on the switch: fail the drop, keep the party. */
    // BUG (condis.Irql): an I/O work item runs at PASSIVE_LEVEL; the Dpr
    // forms of the spin lock calls are only for code already at DISPATCH_LEVEL.
    NdisDprAcquireSpinLock(&Vc->Lock);
    Party->State = CmPartyConnected;
    NdisDprReleaseSpinLock(&Vc->Lock);
    NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
    return;
  }

  if (Adapter->AckedRelease) {
    /* CmpHandleDropPartyAck completes the drop when the switch confirms. */
    NdisAcquireSpinLock(&Vc->Lock);
    Party->State = CmPartyDropSent;
    NdisReleaseSpinLock(&Vc->Lock);
    return;
  }

  CmpUnlinkParty(Vc, Party);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  CmpFreeParty(Party);
}

/* ---------------------------------------------------------------------- */
/* Signalling receive path                                                */
/* ---------------------------------------------------------------------- */

static VOID CmpHandleDropPartyAck(PCM_ADAPTER Adapter, PCM_SIGNAL_MESSAGE Msg) {
  PCM_PARTY Party;
  PCM_VC Vc;

  Party =
      CmpFindParty(Adapter, Msg->CallRef, Msg->EndpointRef, CmPartyDropSent);
  if (Party == NULL)
    return;
  Vc = Party->Vc;

  if (Msg->CauseLength != 0) {
    /* The switch refused to release the leaf; it stays on the call. */
    NdisAcquireSpinLock(&Vc->Lock);
    Party->State = CmPartyConnected;
    NdisReleaseSpinLock(&Vc->Lock);
    NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
  }

  CmpUnlinkParty(Vc, Party);
  // BUG (condis.DropParty): a refused drop was already completed above (that
  // branch does not return), so this completes the same drop a second time.
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  CmpFreeParty(Party);
}

/* The switch released a leaf on its own: tell the client. */
static VOID CmpHandleRemoteDropParty(PCM_ADAPTER Adapter,
                                     PCM_SIGNAL_MESSAGE Msg) {
  PCM_PARTY Party;
  PCM_VC Vc;
  PVOID Cause = NULL;
  UINT CauseLength = Msg->CauseLength;
  BOOLEAN LastParty;

  Party =
      CmpFindParty(Adapter, Msg->CallRef, Msg->EndpointRef, CmPartyConnected);
  if (Party == NULL)
    return;
  Vc = Party->Vc;

  NdisAcquireSpinLock(&Vc->Lock);
  LastParty = (BOOLEAN)(Vc->PartyCount == 1);
  Party->State = CmPartyRemoteGone;
  NdisReleaseSpinLock(&Vc->Lock);

  if (LastParty) {
    /* The last leaf takes the call with it. */
    NdisCmDispatchIncomingCloseCall(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL,
                                    0);
    return;
  }

  if (CauseLength <= CM_MAX_CAUSE_LENGTH)
    Cause = Msg->Cause;
  // BUG (condis.DropParty): an over-long cause leaves Cause NULL but
  // CauseLength non-zero. Pass a zero length with the NULL buffer.
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle,
                                  Cause, CauseLength);
}

/* The switch accepted the QoS change ProtocolCmModifyCallQoS pended. */
static VOID CmpHandleModifyAck(PCM_ADAPTER Adapter) {
  PCM_VC Vc;
  PCO_CALL_PARAMETERS Parameters;

  NdisAcquireSpinLock(&Adapter->Lock);
  Vc = Adapter->ModifyingVc;
  Parameters = Adapter->ModifyParameters;
  Adapter->ModifyingVc = NULL;
  NdisReleaseSpinLock(&Adapter->Lock);
  if (Vc != NULL)
    NdisCmModifyCallQoSComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle,
                                Parameters);
}

_Use_decl_annotations_ VOID CmReceiveNetBufferLists(
    NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
    PNET_BUFFER_LIST NetBufferLists, ULONG NumberOfNetBufferLists,
    ULONG ReceiveFlags) {
  PCM_ADAPTER Adapter = (PCM_ADAPTER)ProtocolBindingContext;
  PNET_BUFFER_LIST Nbl;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(NumberOfNetBufferLists);
  UNREFERENCED_PARAMETER(ReceiveFlags);

  /* The signalling VC indicates with NDIS_RECEIVE_FLAGS_RESOURCES: the
   * lists go back to the miniport when this handler returns. */
  for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Nbl->Next) {
    PCM_SIGNAL_PACKET Packet = CONTAINING_RECORD(Nbl, CM_SIGNAL_PACKET, Nbl);

    switch (Packet->Msg.Type) {
    case CM_MSG_ADD_PARTY_ACK:
      CmpHandleAddPartyAck(Adapter, &Packet->Msg);
      break;
    case CM_MSG_DROP_PARTY:
      CmpHandleRemoteDropParty(Adapter, &Packet->Msg);
      break;
    case CM_MSG_DROP_PARTY_ACK:
      CmpHandleDropPartyAck(Adapter, &Packet->Msg);
      break;
    case CM_MSG_MODIFY_ACK:
      CmpHandleModifyAck(Adapter);
      break;
    default:
      break;
    }
  }
}

_Use_decl_annotations_ VOID CmSendNetBufferListsComplete(
    NDIS_HANDLE ProtocolVcContext, PNET_BUFFER_LIST NetBufferLists,
    ULONG SendCompleteFlags) {
  PNET_BUFFER_LIST Nbl, Next;

  UNREFERENCED_PARAMETER(ProtocolVcContext);
  UNREFERENCED_PARAMETER(SendCompleteFlags);

  for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {
    Next = Nbl->Next;
    NdisFreeMemory(CONTAINING_RECORD(Nbl, CM_SIGNAL_PACKET, Nbl),
                   sizeof(CM_SIGNAL_PACKET), 0);
  }
}
