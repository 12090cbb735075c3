// condis.DropParty: lists and pending drops. Unlinking the party from its
// VC's list (the neighbours' Flink/Blink now skip it) hands it to nobody: a
// handler that then returns NDIS_STATUS_PENDING has lost the drop. Linking
// it into a list that outlives the handler, or storing it in a structure or
// a global, does hand it off. Each case runs with the plain list routines
// of ntddk.h and with the checked ones that fail fast on a corrupt list,
// whose fail-fast routine has no body or an inline one.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s -DUSE_CHECKED_LISTS
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s -DUSE_CHECKED_LISTS -DCHECKED_LIST_FAIL_INLINE \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include "multipoint-party.h"
#ifdef USE_CHECKED_LISTS
#include "checked-list.h"
#endif

// ---- unlinked, queued nowhere: the drop is lost -----------------------------

PROTOCOL_CM_DROP_PARTY pendingAfterUnlink01;
NDIS_STATUS pendingAfterUnlink01(NDIS_HANDLE CallMgrPartyContext,
                                 PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  PMP_VC Vc = Party->Vc;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisAcquireSpinLock(&Vc->Lock);
  RemoveEntryList(&Party->Link);
  Vc->PartyCount--;
  Party->Flags = (Party->Flags & ~MP_STATE_MASK) | MP_STATE_CLOSING;
  NdisReleaseSpinLock(&Vc->Lock);
  return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING but on this path it neither completed the drop nor handed the party to a work item, timer, DPC or list that could}}
}

// The same unlink written out by hand.
PROTOCOL_CM_DROP_PARTY pendingAfterHandWrittenUnlink02;
NDIS_STATUS pendingAfterHandWrittenUnlink02(NDIS_HANDLE CallMgrPartyContext,
                                            PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  Party->Link.Blink->Flink = Party->Link.Flink;
  Party->Link.Flink->Blink = Party->Link.Blink;
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// Taking the party off the head of the VC's singly linked leaf chain (the
// VC's first leaf is the one being dropped).
PROTOCOL_CM_DROP_PARTY pendingAfterUnchainingLeaf03;
NDIS_STATUS pendingAfterUnchainingLeaf03(NDIS_HANDLE CallMgrPartyContext,
                                         PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  Party->Vc->FirstParty = Party->Next;
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// A list head on the handler's stack dies with it.
PROTOCOL_CM_DROP_PARTY pendingInLocalList04;
NDIS_STATUS pendingInLocalList04(NDIS_HANDLE CallMgrPartyContext,
                                 PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  LIST_ENTRY Dropping;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  InitializeListHead(&Dropping);
  RemoveEntryList(&Party->Link);
  InsertTailList(&Dropping, &Party->Link);
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// ---- linked into a list or stored where someone will find it -------------

PROTOCOL_CM_DROP_PARTY noWarnMovedToAdapterDropList01;
NDIS_STATUS noWarnMovedToAdapterDropList01(NDIS_HANDLE CallMgrPartyContext,
                                           PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  PMP_ADAPTER Adapter = Party->Vc->Adapter;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisAcquireSpinLock(&Adapter->Lock);
  RemoveEntryList(&Party->Link);
  InsertTailList(&Adapter->PendingDrops, &Party->Link);
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnInsertedAtHeadOfVcList02;
NDIS_STATUS noWarnInsertedAtHeadOfVcList02(NDIS_HANDLE CallMgrPartyContext,
                                           PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  RemoveEntryList(&Party->Link);
  InsertHeadList(&Party->Vc->DropList, &Party->Link);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnInsertedInGlobalList03;
NDIS_STATUS noWarnInsertedInGlobalList03(NDIS_HANDLE CallMgrPartyContext,
                                         PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  InsertTailList(&MpGlobalDropList, &Party->Link);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnUnlinkedAndKeptOnVc04;
NDIS_STATUS noWarnUnlinkedAndKeptOnVc04(NDIS_HANDLE CallMgrPartyContext,
                                        PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  PMP_VC Vc = Party->Vc;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  RemoveEntryList(&Party->Link);
  Vc->DroppingParty = Party;
  return NDIS_STATUS_PENDING; // no-warning
}

// The party's handle, kept where the completing code will find it.
PROTOCOL_CM_DROP_PARTY noWarnHandleKeptOnVc05;
NDIS_STATUS noWarnHandleKeptOnVc05(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  RemoveEntryList(&Party->Link);
  Party->Vc->DroppingPartyHandle = Party->NdisPartyHandle;
  return NDIS_STATUS_PENDING; // no-warning
}

// Unlinked and completed at once: nothing is pending.
PROTOCOL_CM_DROP_PARTY noWarnUnlinkedAndCompleted06;
NDIS_STATUS noWarnUnlinkedAndCompleted06(NDIS_HANDLE CallMgrPartyContext,
                                         PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  RemoveEntryList(&Party->Link);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  return NDIS_STATUS_PENDING; // no-warning
}

// Pushed onto the VC's leaf chain of parties being dropped.
PROTOCOL_CM_DROP_PARTY noWarnChainedOnVc07;
NDIS_STATUS noWarnChainedOnVc07(NDIS_HANDLE CallMgrPartyContext,
                                PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  Party->Next = Party->Vc->DroppingParty;
  Party->Vc->DroppingParty = Party;
  return NDIS_STATUS_PENDING; // no-warning
}
