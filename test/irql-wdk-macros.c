// condis.Irql on the WDK's own spelling of the IRQL and spin-lock routines
// (the WDK-shaped simulator, test/Inputs/wdk): on x64 NdisAcquireSpinLock
// is a macro over KeAcquireSpinLock over KeAcquireSpinLockRaiseToDpc, on x86
// over KfAcquireSpinLock; NdisDprAcquireSpinLock a braced statement over
// KeAcquireSpinLockAtDpcLevel (KefAcquireSpinLockAtDpcLevel on x86);
// KeRaiseIrql over KfRaiseIrql, KeLowerIrql over KfLowerIrql on x86. The
// NDIS form the driver wrote decides the IRQL a call needs and the advice;
// the messages name it. The same findings as with the function forms of
// test/Inputs/ndis.h (irql-locks.c, irql-api-families.c).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   %wdk_x86 -DNDIS630=1 -verify %s
//
// A WDM miniport includes wdm.h before ndis.h: on x64 KeLowerIrql and
// KfRaiseIrql are then inline functions (KzLowerIrql, KzRaiseIrql).
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   %wdk_x64 -DNDIS_MINIPORT_DRIVER=1 -DNDIS630_MINIPORT=1 -DNDIS_WDM=1 \
// RUN:   -DWDM_FIRST -verify %s

#ifdef WDM_FIRST
#include <wdm.h>
#endif
#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  KSPIN_LOCK KLock;
  KIRQL OldIrql;
  NDIS_HANDLE AfHandle;
  NDIS_HANDLE VcHandle;
  LONG OpenCalls;
} ADAPTER, *PADAPTER;

// ---- NdisDpr* need DISPATCH_LEVEL exactly ----------------------------------

MINIPORT_ISR dprLockInIsr01;
BOOLEAN dprLockInIsr01(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at device IRQL; it must be called at DISPATCH_LEVEL: queue a DPC (NdisMQueueDpcEx) and make the call from there}}
  Adapter->OpenCalls = 0;
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at device IRQL; it must be called at DISPATCH_LEVEL: queue a DPC (NdisMQueueDpcEx) and make the call from there}}
  *QueueDpc = TRUE;
  return TRUE;
}

NDIS_IO_WORKITEM_FUNCTION dprLockAtPassive02;
VOID dprLockAtPassive02(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL; it must be called at DISPATCH_LEVEL: use NdisAcquireSpinLock, which sets the IRQL itself}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL; it must be called at DISPATCH_LEVEL: use NdisReleaseSpinLock, which sets the IRQL itself}}
}

MINIPORT_INTERRUPT_DPC noWarnDprLockInDpc03;
VOID noWarnDprLockInDpc03(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1,
                          PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  Adapter->OpenCalls++;
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
}

// The kernel's own AtDpcLevel routine, written by the driver: the kernel
// routine is the advice.
NDIS_IO_WORKITEM_FUNCTION keLockAtPassive04;
VOID keLockAtPassive04(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KeAcquireSpinLockAtDpcLevel(&Adapter->KLock); // expected-warning{{'KeAcquireSpinLockAtDpcLevel' called at PASSIVE_LEVEL; it must be called at IRQL >= DISPATCH_LEVEL: use KeAcquireSpinLock, which sets the IRQL itself}}
  KeReleaseSpinLockFromDpcLevel(&Adapter->KLock); // expected-warning{{'KeReleaseSpinLockFromDpcLevel' called at PASSIVE_LEVEL; it must be called at IRQL >= DISPATCH_LEVEL: use KeReleaseSpinLock, which sets the IRQL itself}}
}

// ---- spin locks taken and given back --------------------------------------

PROTOCOL_CM_CLOSE_AF lockHeldOnReturn05;
NDIS_STATUS lockHeldOnReturn05(NDIS_HANDLE AfContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  if (Adapter->OpenCalls != 0)
    return NDIS_STATUS_NOT_ACCEPTED; // expected-warning{{'lockHeldOnReturn05' returns holding spin lock 'Adapter->Lock' (acquired with NdisAcquireSpinLock); release it on every path before returning}}
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_CLOSE_AF doubleRelease06;
NDIS_STATUS doubleRelease06(NDIS_HANDLE AfContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisReleaseSpinLock(&Adapter->Lock);
  NdisReleaseSpinLock(&Adapter->Lock); // expected-warning{{Spin lock 'Adapter->Lock' released with NdisReleaseSpinLock although this path already released it; release a lock once for each acquire}}
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_CLOSE_AF recursiveAcquire07;
NDIS_STATUS recursiveAcquire07(NDIS_HANDLE AfContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisAcquireSpinLock(&Adapter->Lock); // expected-warning{{Spin lock 'Adapter->Lock' acquired with NdisAcquireSpinLock while this path already holds it; spin locks are not recursive, so the processor spins forever}}
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_CLOSE_AF passiveCallUnderLock08;
NDIS_STATUS passiveCallUnderLock08(NDIS_HANDLE AfContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL: release 'Adapter->Lock' first, or defer the call to an NDIS I/O work item}}
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS;
}

NDIS_IO_WORKITEM_FUNCTION noWarnLockThenPassive09;
VOID noWarnLockThenPassive09(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql;
  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->OpenCalls--;
  NdisReleaseSpinLock(&Adapter->Lock);
  KeAcquireSpinLock(&Adapter->KLock, &OldIrql);
  KeReleaseSpinLock(&Adapter->KLock, OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}

// ---- raising and lowering ------------------------------------------------

NDIS_IO_WORKITEM_FUNCTION noWarnRaiseLowerPair10;
VOID noWarnRaiseLowerPair10(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  Adapter->OpenCalls++;
  KeLowerIrql(OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
} // no-warning

NDIS_IO_WORKITEM_FUNCTION raiseNotUndone11;
VOID raiseNotUndone11(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KeRaiseIrql(DISPATCH_LEVEL, &Adapter->OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL: defer the call to an NDIS I/O work item (NdisQueueIoWorkItem)}} expected-warning{{'raiseNotUndone11' returns at DISPATCH_LEVEL without undoing the raise by KeRaiseIrql; restore the saved IRQL (KeLowerIrql) on every path before returning}}
}

// NDIS_LOWER_IRQL lowers only when the old IRQL differs from the current.
NDIS_IO_WORKITEM_FUNCTION noWarnNdisRaiseLower12;
VOID noWarnNdisRaiseLower12(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NDIS_RAISE_IRQL_TO_DISPATCH(&Adapter->OldIrql);
  Adapter->OpenCalls++;
  NDIS_LOWER_IRQL(Adapter->OldIrql, DISPATCH_LEVEL);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
} // no-warning

PROTOCOL_CO_STATUS_EX currentIrqlBranch13;
VOID currentIrqlBranch13(NDIS_HANDLE BindingContext, NDIS_HANDLE VcContext,
                         PNDIS_STATUS_INDICATION Indication) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  if (NDIS_CURRENT_IRQL() == DISPATCH_LEVEL)
    NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
  else
    NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}
