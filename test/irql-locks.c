// condis.Irql: a spin lock taken twice on one path, or released when the
// path does not hold it.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  NDIS_SPIN_LOCK VcLock;
  KSPIN_LOCK KLock;
  PNDIS_RW_LOCK_EX RwLock;
  LONG Count;
} ADAPTER, *PADAPTER;

PROTOCOL_CM_ADD_PARTY AcquiredTwice01;
NDIS_STATUS AcquiredTwice01(NDIS_HANDLE VcContext, PCO_CALL_PARAMETERS Params,
                            NDIS_HANDLE PartyHandle, PNDIS_HANDLE PartyContext) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{Spin lock 'Adapter->Lock' acquired with NdisDprAcquireSpinLock while this path already holds it; spin locks are not recursive, so the processor spins forever}}
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_ADD_PARTY TwoLocksNested02;
NDIS_STATUS TwoLocksNested02(NDIS_HANDLE VcContext, PCO_CALL_PARAMETERS Params,
                             NDIS_HANDLE PartyHandle, PNDIS_HANDLE PartyContext) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisDprAcquireSpinLock(&Adapter->VcLock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->VcLock); // no-warning
  NdisReleaseSpinLock(&Adapter->Lock); // no-warning
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_REG_SAP ReleasedTwice03;
NDIS_STATUS ReleasedTwice03(NDIS_HANDLE AfContext, PCO_SAP Sap, NDIS_HANDLE SapHandle,
                            PNDIS_HANDLE SapContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->Count++;
  NdisReleaseSpinLock(&Adapter->Lock);
  NdisReleaseSpinLock(&Adapter->Lock); // expected-warning{{Spin lock 'Adapter->Lock' released with NdisReleaseSpinLock although this path already released it; release a lock once for each acquire}}
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_DEREGISTER_SAP NeverAcquired04;
NDIS_STATUS NeverAcquired04(NDIS_HANDLE SapContext) {
  PADAPTER Adapter = (PADAPTER)SapContext;
  Adapter->Count--;
  NdisReleaseSpinLock(&Adapter->Lock); // expected-warning{{Spin lock 'Adapter->Lock' released with NdisReleaseSpinLock although this path never acquired it; the function holds no spin lock when the system calls it}}
  return NDIS_STATUS_SUCCESS;
}

MINIPORT_INTERRUPT_DPC KeReleasedNeverAcquired05;
VOID KeReleasedNeverAcquired05(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  KeReleaseSpinLockFromDpcLevel(&Adapter->KLock); // expected-warning{{Spin lock 'Adapter->KLock' released with KeReleaseSpinLockFromDpcLevel although this path never acquired it}}
}

// A lock reached through a pointer field keeps its identity across the
// calls that take and give it back.
PROTOCOL_CM_CLOSE_CALL RwLockThroughPointer06;
NDIS_STATUS RwLockThroughPointer06(NDIS_HANDLE VcContext, NDIS_HANDLE PartyContext,
                                   PVOID CloseData, UINT Size) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  LOCK_STATE_EX LockState;
  KIRQL OldIrql;
  NdisAcquireRWLockWrite(Adapter->RwLock, &LockState, 0);
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  KeLowerIrql(OldIrql);
  NdisReleaseRWLock(Adapter->RwLock, &LockState); // no-warning
  return NDIS_STATUS_SUCCESS; // no-warning
}

// A helper nobody calls with a known IRQL: its caller may hold the lock.
VOID ReleaseHelper07(PADAPTER Adapter) {
  NdisReleaseSpinLock(&Adapter->Lock); // no-warning
}

// The helper inlined into a handler that holds the lock: fine.
PROTOCOL_CM_DROP_PARTY ReleasedByHelper08;
NDIS_STATUS ReleasedByHelper08(NDIS_HANDLE PartyContext, PVOID CloseData, UINT Size) {
  PADAPTER Adapter = (PADAPTER)PartyContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  ReleaseHelper07(Adapter);
  return NDIS_STATUS_SUCCESS; // no-warning
}

// Analysed on its own, with nothing known about its caller: not reported.
VOID UncalledReleaseHelper09(PADAPTER Adapter) {
  NdisReleaseSpinLock(&Adapter->Lock); // no-warning
}

typedef struct _SHARED {
  PNDIS_SPIN_LOCK pLock;
  KSPIN_LOCK KLock;
  KIRQL OldIrql;
  NDIS_HANDLE AfHandle;
  LONG Count;
} SHARED, *PSHARED;

VOID UpdateStatistics(PSHARED Shared); // no body: may change all of *Shared

// The call invalidates *Shared, so Shared->pLock is a new value afterwards:
// the release still finds the lock by how it is written.
NDIS_IO_WORKITEM_FUNCTION LockThroughPointerField10;
VOID LockThroughPointerField10(PVOID Context, NDIS_HANDLE WorkItem) {
  PSHARED Shared = (PSHARED)Context;
  NdisAcquireSpinLock(Shared->pLock);
  UpdateStatistics(Shared);
  NdisReleaseSpinLock(Shared->pLock); // no-warning
  NdisCmNotifyCloseAddressFamily(Shared->AfHandle); // no-warning
} // no-warning

// The saved IRQL in Shared->OldIrql is lost to the same invalidation; the
// lock remembers what its acquire saved.
NDIS_IO_WORKITEM_FUNCTION SavedIrqlInvalidated11;
VOID SavedIrqlInvalidated11(PVOID Context, NDIS_HANDLE WorkItem) {
  PSHARED Shared = (PSHARED)Context;
  KeAcquireSpinLock(&Shared->KLock, &Shared->OldIrql);
  UpdateStatistics(Shared);
  KeReleaseSpinLock(&Shared->KLock, Shared->OldIrql);
  NdisCmNotifyCloseAddressFamily(Shared->AfHandle); // no-warning
} // no-warning

NDIS_IO_WORKITEM_FUNCTION PointerFieldLockLeaked12;
VOID PointerFieldLockLeaked12(PVOID Context, NDIS_HANDLE WorkItem) {
  PSHARED Shared = (PSHARED)Context;
  NdisAcquireSpinLock(Shared->pLock);
  UpdateStatistics(Shared);
  if (Shared->Count)
    return; // expected-warning{{'PointerFieldLockLeaked12' returns holding spin lock 'Shared->pLock' (acquired with NdisAcquireSpinLock)}}
  NdisReleaseSpinLock(Shared->pLock);
}
