// condis.Irql: SAL annotations are read from the source although the
// headers define them as empty (test/Inputs/ntddk.h, like the real headers
// under clang): on the driver's own functions (entry IRQL and call sites)
// and on header declarations that have no row in the rule table.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  KSPIN_LOCK KLock;
  KIRQL OldIrql;
  NDIS_HANDLE AfHandle;
  NDIS_HANDLE VcHandle;
  NDIS_HANDLE ProtocolHandle;
  VAR_STRING TapiCallId;
} ADAPTER, *PADAPTER;

// ---- annotations on the driver's own functions give the entry IRQL ----
_IRQL_requires_(PASSIVE_LEVEL)
VOID PassiveEntry01(PADAPTER Adapter) {
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}}
}

_IRQL_requires_min_(DISPATCH_LEVEL)
VOID AtLeastDispatchEntry02(PADAPTER Adapter) {
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at IRQL >= DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}}
}

_IRQL_requires_max_(APC_LEVEL)
VOID AtMostApcEntry03(PADAPTER Adapter) {
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at IRQL <= APC_LEVEL; it must be called at DISPATCH_LEVEL}}
}

// The annotation on the prototype, the body elsewhere (_Use_decl_annotations_).
_IRQL_requires_(DISPATCH_LEVEL)
VOID PrototypeAnnotated04(PADAPTER Adapter);

_Use_decl_annotations_
VOID PrototypeAnnotated04(PADAPTER Adapter) {
  NdisMCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisMCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
}

// ---- and are checked where the driver calls them ----
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID NeedsPassive05(PADAPTER Adapter);

_IRQL_requires_(DISPATCH_LEVEL)
VOID NeedsDispatch06(PADAPTER Adapter);

NDIS_IO_WORKITEM_FUNCTION CallsAnnotated07;
VOID CallsAnnotated07(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NeedsPassive05(Adapter); // no-warning
  NeedsDispatch06(Adapter); // expected-warning{{'NeedsDispatch06' called at PASSIVE_LEVEL; it must be called at DISPATCH_LEVEL}}
  NdisAcquireSpinLock(&Adapter->Lock);
  NeedsPassive05(Adapter); // expected-warning{{'NeedsPassive05' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL: release 'Adapter->Lock' first}}
  NeedsDispatch06(Adapter); // no-warning
  NdisReleaseSpinLock(&Adapter->Lock);
}

// ---- annotations on header declarations with no rule-table row ----
MINIPORT_INTERRUPT_DPC HeaderAnnotation08;
VOID HeaderAnnotation08(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  // ndis.h: _IRQL_requires_(PASSIVE_LEVEL) NdisDeregisterProtocolDriver.
  NdisDeregisterProtocolDriver(Adapter->ProtocolHandle); // expected-warning{{'NdisDeregisterProtocolDriver' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}}
  // ndis.h: _IRQL_requires_max_(DISPATCH_LEVEL) NdisFreeSpinLock.
  NdisFreeSpinLock(&Adapter->Lock); // no-warning
}

MINIPORT_ISR HeaderAnnotationInIsr09;
BOOLEAN HeaderAnnotationInIsr09(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisFreeSpinLock(&Adapter->Lock); // expected-warning{{'NdisFreeSpinLock' called at device IRQL; it must be called at IRQL <= DISPATCH_LEVEL}}
  return TRUE;
}

// ---- a function annotated as raising may return raised or holding a lock ----
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
_Acquires_lock_(Adapter->Lock)
VOID LockAdapter10(PADAPTER Adapter) {
  NdisAcquireSpinLock(&Adapter->Lock);
} // no-warning

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID LockAdapterUnannotated11(PADAPTER Adapter) {
  NdisAcquireSpinLock(&Adapter->Lock);
} // expected-warning@-1{{'LockAdapterUnannotated11' returns holding spin lock 'Adapter->Lock' (acquired with NdisAcquireSpinLock); release it on every path before returning}}

// ---- bodyless functions move the IRQL as their annotations say ----
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL) _IRQL_saves_
KIRQL ExternRaise12(PADAPTER Adapter);
_IRQL_requires_(DISPATCH_LEVEL)
VOID ExternLower12(PADAPTER Adapter, _IRQL_restores_ KIRQL OldIrql);

NDIS_IO_WORKITEM_FUNCTION CallsExternRaise12;
VOID CallsExternRaise12(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql = ExternRaise12(Adapter);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
  ExternLower12(Adapter, OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}
