// condis.Irql: a function returns at the IRQL it was entered at, holding no
// spin lock it took; the saved old IRQL flows through variables and
// structure fields; only the paths that break the rule are reported.
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
  LONG PendingCalls;
  VAR_STRING TapiCallId;
} ADAPTER, *PADAPTER;

typedef struct _CALL_CONTEXT {
  PADAPTER Adapter;
  KIRQL SavedIrql;
} CALL_CONTEXT, *PCALL_CONTEXT;

// ---- a lock left held on an early return ----
PROTOCOL_CM_DROP_PARTY EarlyReturnHoldsLock01;
NDIS_STATUS EarlyReturnHoldsLock01(NDIS_HANDLE PartyContext, PVOID CloseData, UINT Size) {
  PADAPTER Adapter = (PADAPTER)PartyContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  if (Adapter->PendingCalls == 0)
    return NDIS_STATUS_FAILURE; // expected-warning{{'EarlyReturnHoldsLock01' returns holding spin lock 'Adapter->Lock' (acquired with NdisAcquireSpinLock); release it on every path before returning}}
  Adapter->PendingCalls--;
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS; // no-warning
}

PROTOCOL_CM_CLOSE_AF BalancedOnEveryPath02;
NDIS_STATUS BalancedOnEveryPath02(NDIS_HANDLE AfContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  if (Adapter->PendingCalls != 0) {
    NdisReleaseSpinLock(&Adapter->Lock);
    return NDIS_STATUS_PENDING; // no-warning
  }
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS; // no-warning
}

// ---- a raise not undone on one path ----
NDIS_IO_WORKITEM_FUNCTION RaiseNotUndone03;
VOID RaiseNotUndone03(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  if (Adapter->PendingCalls)
    return; // expected-warning{{'RaiseNotUndone03' returns at DISPATCH_LEVEL without undoing the raise by KeRaiseIrql; restore the saved IRQL (KeLowerIrql) on every path before returning}}
  KeLowerIrql(OldIrql);
}

// Raising to the level a DPC already runs at changes nothing.
MINIPORT_INTERRUPT_DPC RaiseInDpcIsNoOp04;
VOID RaiseInDpcIsNoOp04(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
} // no-warning

// ---- returning at another IRQL than the entry one ----
MINIPORT_INTERRUPT_DPC DpcLowersToPassive05;
VOID DpcLowersToPassive05(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  KeLowerIrql(PASSIVE_LEVEL);
} // expected-warning@-1{{'DpcLowersToPassive05' returns at PASSIVE_LEVEL but was entered at DISPATCH_LEVEL; return at the IRQL the function was called at}}

// ---- the saved IRQL through a structure field ----
NDIS_IO_WORKITEM_FUNCTION SavedInField06;
VOID SavedInField06(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KeAcquireSpinLock(&Adapter->KLock, &Adapter->OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Adapter->KLock, Adapter->OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}

NDIS_IO_WORKITEM_FUNCTION SavedCopiedBetweenStructs07;
VOID SavedCopiedBetweenStructs07(PVOID Context, NDIS_HANDLE WorkItem) {
  PCALL_CONTEXT Call = (PCALL_CONTEXT)Context;
  KIRQL Old;
  KeRaiseIrql(DISPATCH_LEVEL, &Old);
  Call->SavedIrql = Old;
  Call->Adapter->OldIrql = Call->SavedIrql;
  NdisMCmNotifyCloseAddressFamily(Call->Adapter->AfHandle); // expected-warning{{called at DISPATCH_LEVEL}}
  KeLowerIrql(Call->Adapter->OldIrql);
  NdisMCmNotifyCloseAddressFamily(Call->Adapter->AfHandle); // no-warning
} // no-warning

// Lowering with some other value than the saved one loses track: the IRQL
// is unknown afterwards and nothing more is reported.
NDIS_IO_WORKITEM_FUNCTION LowerToUnknownValue08;
VOID LowerToUnknownValue08(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL Old;
  KeRaiseIrql(DISPATCH_LEVEL, &Old);
  KeLowerIrql(Adapter->OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
} // no-warning

// ---- only some branches break the rule ----
PROTOCOL_CL_INCOMING_CALL OnlyOneBranchLocked09;
NDIS_STATUS OnlyOneBranchLocked09(NDIS_HANDLE SapContext, NDIS_HANDLE VcContext,
                                  PCO_CALL_PARAMETERS Params) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  if (Params != NULL) {
    NdisAcquireSpinLock(&Adapter->Lock);
    NdisMCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisMCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
    NdisReleaseSpinLock(&Adapter->Lock);
  } else {
    NdisMCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
  }
  return NDIS_STATUS_SUCCESS;
}

// A branch on KeGetCurrentIrql() narrows the IRQL of each side.
PROTOCOL_CO_STATUS_EX BranchOnCurrentIrql10;
VOID BranchOnCurrentIrql10(NDIS_HANDLE BindingContext, NDIS_HANDLE VcContext,
                           PNDIS_STATUS_INDICATION Indication) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  if (KeGetCurrentIrql() == DISPATCH_LEVEL) {
    NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
    NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // no-warning
  } else {
    NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
    NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at IRQL <= APC_LEVEL; it must be called at DISPATCH_LEVEL}}
  }
}

PROTOCOL_CO_STATUS_EX GuardedByCurrentIrql11;
VOID GuardedByCurrentIrql11(NDIS_HANDLE BindingContext, NDIS_HANDLE VcContext,
                            PNDIS_STATUS_INDICATION Indication) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  if (NDIS_CURRENT_IRQL() > PASSIVE_LEVEL)
    return;
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}}
}

// At a known IRQL, KeGetCurrentIrql() returns it.
MINIPORT_INTERRUPT_DPC CurrentIrqlKnown12;
VOID CurrentIrqlKnown12(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  if (KeGetCurrentIrql() == PASSIVE_LEVEL)
    NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // no-warning
}
