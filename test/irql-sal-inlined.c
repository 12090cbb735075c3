// condis.Irql: a function's own SAL annotation holds inside it however the
// analysis reaches it. The analyzer does not analyse a function on its own
// once it has inlined it somewhere, so a helper that only unannotated
// callers reach would otherwise run at their IRQL (often unknown) and never
// at the one it is annotated with. On entry to an inlined frame the IRQL is
// narrowed to what the callee's annotation allows; a caller at an IRQL the
// annotation excludes is reported at the call, and the callee then runs at
// the caller's IRQL.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  NDIS_HANDLE AfHandle;
  NDIS_HANDLE VcHandle;
  NDIS_HANDLE BindingHandle;
  CO_ADDRESS_FAMILY Af;
  VAR_STRING TapiCallId;
} ADAPTER, *PADAPTER;

// ---- reached only through an unannotated caller (IRQL unknown) ----
_IRQL_requires_(APC_LEVEL)
VOID ApcQueryTapiCallId01(PADAPTER Adapter) {
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at APC_LEVEL; it must be called at DISPATCH_LEVEL}}
}

VOID onlyInlinedTooLow01(PADAPTER Adapter) {
  ApcQueryTapiCallId01(Adapter);
}

_IRQL_requires_(DISPATCH_LEVEL)
NDIS_STATUS DispatchRegisterAf02(PADAPTER Adapter) {
  return NdisCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // expected-warning{{'NdisCmRegisterAddressFamilyEx' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}}
}

NDIS_STATUS onlyInlinedTooHigh02(PADAPTER Adapter) {
  return DispatchRegisterAf02(Adapter);
}

// ---- a caller whose IRQL is a range: the annotation narrows it ----
_IRQL_requires_max_(APC_LEVEL)
VOID AtMostApcQuery03(PADAPTER Adapter) {
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at IRQL <= APC_LEVEL; it must be called at DISPATCH_LEVEL}}
}

PROTOCOL_CM_DROP_PARTY callerRangeNarrowed03;
NDIS_STATUS callerRangeNarrowed03(NDIS_HANDLE PartyContext, PVOID CloseData,
                                  UINT Size) {
  AtMostApcQuery03((PADAPTER)PartyContext); // no-warning
  return NDIS_STATUS_SUCCESS;
}

// ---- a caller at an IRQL the annotation allows: nothing changes ----
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID LockedIncrement04(PADAPTER Adapter) {
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
}

MINIPORT_INTERRUPT_DPC noWarnCallerAtDispatch04;
VOID noWarnCallerAtDispatch04(NDIS_HANDLE Context, PVOID DpcContext,
                              PVOID R1, PVOID R2) {
  LockedIncrement04((PADAPTER)Context);
}

// ---- a caller at an IRQL the annotation excludes: reported at the call ----
_IRQL_requires_(DISPATCH_LEVEL)
VOID NeedsDispatch05(PADAPTER Adapter) {
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}}
}

NDIS_IO_WORKITEM_FUNCTION knownWrongCaller05;
VOID knownWrongCaller05(PVOID Context, NDIS_HANDLE WorkItem) {
  NeedsDispatch05((PADAPTER)Context); // expected-warning{{'NeedsDispatch05' called at PASSIVE_LEVEL; it must be called at DISPATCH_LEVEL}}
}

// ---- the caller goes on at the IRQL the callee leaves ----
_IRQL_requires_(PASSIVE_LEVEL)
VOID PassiveHelper06(PADAPTER Adapter) {
  Adapter->VcHandle = NULL;
}

VOID callerGoesOnAtCalleeIrql06(PADAPTER Adapter) {
  PassiveHelper06(Adapter);
  // Either this call or the helper's is at the wrong IRQL.
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}}
}

// ---- an inlined frame is not held to "return at the entry IRQL" ----
_IRQL_requires_(PASSIVE_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID LockAdapter07(PADAPTER Adapter) {
  NdisAcquireSpinLock(&Adapter->Lock);
}

VOID noWarnInlinedRaise07(PADAPTER Adapter) {
  LockAdapter07(Adapter); // no-warning
  NdisReleaseSpinLock(&Adapter->Lock);
}
