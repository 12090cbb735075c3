// condis.DropParty on the WDK's spelling (test/Inputs/wdk, x64 and x86):
// the NDIS lock and interlocked routines are macros over the kernel's
// (KeAcquireSpinLockRaiseToDpc, KfAcquireSpinLock, _InterlockedIncrement,
// ...). Passing them a lock or counter read through the party hands the
// party to nobody, as with the NDIS functions of test/Inputs/ndis.h: a
// handler that then pends has lost the drop.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   %wdk_x86 -DNDIS630=1 -verify %s

#include <ndis.h>

typedef struct _CM_ADAPTER {
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PendingDrops;
} CM_ADAPTER, *PCM_ADAPTER;

typedef struct _CM_VC {
  PCM_ADAPTER Adapter;
  NDIS_SPIN_LOCK Lock;
  KSPIN_LOCK KLock;
  LIST_ENTRY PartyList;
  LONG PartyCount;
} CM_VC, *PCM_VC;

typedef struct _CM_PARTY {
  LIST_ENTRY Link;
  LIST_ENTRY DropLink;
  PCM_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  ULONG State;
} CM_PARTY, *PCM_PARTY;

// ---- locks and counters hand nothing off ----------------------------------

PROTOCOL_CM_DROP_PARTY pendingAfterNdisLock01;
NDIS_STATUS pendingAfterNdisLock01(NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  PCM_VC Vc = Party->Vc;
  NdisAcquireSpinLock(&Vc->Lock);
  Party->State = 2;
  NdisReleaseSpinLock(&Vc->Lock);
  return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING but on this path it neither completed the drop nor handed the party to a work item, timer, DPC or list that could}}
}

PROTOCOL_CM_DROP_PARTY pendingAfterDprLock02;
NDIS_STATUS pendingAfterDprLock02(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  NdisDprAcquireSpinLock(&Party->Vc->Lock);
  Party->State = 2;
  NdisDprReleaseSpinLock(&Party->Vc->Lock);
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

PROTOCOL_CM_DROP_PARTY pendingAfterKernelLock03;
NDIS_STATUS pendingAfterKernelLock03(NDIS_HANDLE CallMgrPartyContext,
                                     PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  KIRQL OldIrql;
  KeAcquireSpinLock(&Party->Vc->KLock, &OldIrql);
  Party->State = 2;
  KeReleaseSpinLock(&Party->Vc->KLock, OldIrql);
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

PROTOCOL_CM_DROP_PARTY pendingAfterInterlocked04;
NDIS_STATUS pendingAfterInterlocked04(NDIS_HANDLE CallMgrPartyContext,
                                      PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  NdisInterlockedDecrement(&Party->Vc->PartyCount);
  InterlockedIncrement(&Party->Vc->PartyCount);
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

PROTOCOL_CM_DROP_PARTY pendingAfterInterlockedRemoveHead05;
NDIS_STATUS pendingAfterInterlockedRemoveHead05(NDIS_HANDLE CallMgrPartyContext,
                                                PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  PLIST_ENTRY First =
      NdisInterlockedRemoveHeadList(&Party->Vc->PartyList, &Party->Vc->Lock);
  (void)First;
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// ---- queued where something completes it --------------------------------

PROTOCOL_CM_DROP_PARTY noWarnInterlockedQueue06;
NDIS_STATUS noWarnInterlockedQueue06(NDIS_HANDLE CallMgrPartyContext,
                                     PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  PCM_ADAPTER Adapter = Party->Vc->Adapter;
  NdisInterlockedInsertTailList(&Adapter->PendingDrops, &Party->DropLink,
                                &Adapter->Lock);
  return NDIS_STATUS_PENDING; // no-warning
}

PROTOCOL_CM_DROP_PARTY noWarnQueuedUnderLock07;
NDIS_STATUS noWarnQueuedUnderLock07(NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  PCM_ADAPTER Adapter = Party->Vc->Adapter;
  NdisAcquireSpinLock(&Adapter->Lock);
  InsertTailList(&Adapter->PendingDrops, &Party->DropLink);
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_PENDING; // no-warning
}
