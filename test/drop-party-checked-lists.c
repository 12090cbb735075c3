// The WDK's LIST_ENTRY routines are inline functions that check the links
// and fail fast (FatalListEntryError -> RtlFailFast -> __fastfail, which
// never returns) on a corrupt list. Reached through CONTAINING_RECORD, the
// checks must not cost a finding: a party found on one list and unlinked
// from another (mcm.c's timer) is still followed to the use after its drop,
// and the lock still held on return is still reported. The checked branch
// is taken only for a corrupt list; the path that passes the checks goes on.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.DropParty,condis.Irql \
// RUN:   %wdk_x64 -DNDIS_MINIPORT_DRIVER=1 -DNDIS630_MINIPORT=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.DropParty,condis.Irql \
// RUN:   %wdk_x86 -DNDIS_MINIPORT_DRIVER=1 -DNDIS630_MINIPORT=1 -verify %s
// The same findings with the unchecked routines of test/Inputs/ntddk.h:
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.DropParty,condis.Irql \
// RUN:   -I %condis_inputs -verify %s

#include <ndis.h>

typedef struct _MP_ADAPTER {
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PendingDrops;
  NDIS_HANDLE AfHandle;
  NDIS_OID_REQUEST Report;
} MP_ADAPTER, *PMP_ADAPTER;

typedef struct _MP_PARTY {
  LIST_ENTRY Link;     // on the VC's party list
  LIST_ENTRY DropLink; // on the adapter's pending-drop list
  NDIS_HANDLE NdisPartyHandle;
  NDIS_HANDLE VcHandle;
  ULONG Released;
} MP_PARTY, *PMP_PARTY;

void MpFreeParty(PMP_PARTY Party);

static VOID MpUnlinkParty(PMP_ADAPTER Adapter, PMP_PARTY Party) {
  NdisAcquireSpinLock(&Adapter->Lock);
  RemoveEntryList(&Party->Link);
  NdisReleaseSpinLock(&Adapter->Lock);
}

static VOID MpCompleteDrop(PMP_ADAPTER Adapter, PMP_PARTY Party) {
  MpUnlinkParty(Adapter, Party);
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisMCmOidRequest(Adapter->AfHandle, Party->VcHandle, Party->NdisPartyHandle, // expected-warning{{Party handle passed to NdisMCmOidRequest after the drop completed with NDIS_STATUS_SUCCESS}}
                    &Adapter->Report);
  MpFreeParty(Party);
}

// The parties whose leg is gone move to a local list under the lock; each
// is then unlinked from its VC through the other link and completed.
NDIS_TIMER_FUNCTION useAfterDropThroughLists01;
VOID useAfterDropThroughLists01(PVOID S1, PVOID Context, PVOID S2, PVOID S3) {
  PMP_ADAPTER Adapter = (PMP_ADAPTER)Context;
  LIST_ENTRY Released;
  PLIST_ENTRY Entry, Next;

  InitializeListHead(&Released);
  NdisDprAcquireSpinLock(&Adapter->Lock);
  for (Entry = Adapter->PendingDrops.Flink; Entry != &Adapter->PendingDrops;
       Entry = Next) {
    Next = Entry->Flink;
    if (CONTAINING_RECORD(Entry, MP_PARTY, DropLink)->Released) {
      RemoveEntryList(Entry);
      InsertTailList(&Released, Entry);
    }
  }
  NdisDprReleaseSpinLock(&Adapter->Lock);

  while (!IsListEmpty(&Released)) {
    Entry = Released.Flink;
    RemoveEntryList(Entry);
    MpCompleteDrop(Adapter, CONTAINING_RECORD(Entry, MP_PARTY, DropLink));
  }
}

// The same with the head routines: each party is pushed on a local stack
// and popped off it again.
NDIS_TIMER_FUNCTION useAfterDropThroughHeadRoutines02;
VOID useAfterDropThroughHeadRoutines02(PVOID S1, PVOID Context, PVOID S2,
                                       PVOID S3) {
  PMP_ADAPTER Adapter = (PMP_ADAPTER)Context;
  LIST_ENTRY Released;
  PLIST_ENTRY Entry;

  InitializeListHead(&Released);
  NdisDprAcquireSpinLock(&Adapter->Lock);
  while (!IsListEmpty(&Adapter->PendingDrops)) {
    Entry = RemoveHeadList(&Adapter->PendingDrops);
    InsertHeadList(&Released, Entry);
  }
  NdisDprReleaseSpinLock(&Adapter->Lock);

  while (!IsListEmpty(&Released)) {
    Entry = RemoveHeadList(&Released);
    MpCompleteDrop(Adapter, CONTAINING_RECORD(Entry, MP_PARTY, DropLink));
  }
}

// A lock left held after unlinking the first pending party.
PROTOCOL_CM_CLOSE_AF lockHeldAfterUnlink03;
NDIS_STATUS lockHeldAfterUnlink03(NDIS_HANDLE CallMgrAfContext) {
  PMP_ADAPTER Adapter = (PMP_ADAPTER)CallMgrAfContext;
  PMP_PARTY Party;

  NdisAcquireSpinLock(&Adapter->Lock);
  if (IsListEmpty(&Adapter->PendingDrops))
    return NDIS_STATUS_SUCCESS; // expected-warning{{'lockHeldAfterUnlink03' returns holding spin lock 'Adapter->Lock'}}
  Party = CONTAINING_RECORD(Adapter->PendingDrops.Flink, MP_PARTY, DropLink);
  RemoveEntryList(&Party->DropLink);
  RemoveEntryList(&Party->Link);
  if (Party->Released)
    return NDIS_STATUS_NOT_ACCEPTED; // expected-warning{{'lockHeldAfterUnlink03' returns holding spin lock 'Adapter->Lock'}}
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS;
}
