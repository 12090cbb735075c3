// condis.Irql: every API family of rules/irql.def and the CoNDIS limits of
// rules/condis.def, called in and out of range.
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
  PNDIS_RW_LOCK_EX RwLock;
  NDIS_HANDLE BindingHandle;
  NDIS_HANDLE AfHandle;
  NDIS_HANDLE VcHandle;
  CO_ADDRESS_FAMILY Af;
  VAR_STRING TapiCallId;
} ADAPTER, *PADAPTER;

NDIS_IO_WORKITEM_FUNCTION KeRaiseLower01;
VOID KeRaiseLower01(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  NdisCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // expected-warning{{'NdisCmRegisterAddressFamilyEx' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL: defer the call to an NDIS I/O work item (NdisQueueIoWorkItem)}}
  KeLowerIrql(OldIrql);
  NdisCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // no-warning
}

NDIS_IO_WORKITEM_FUNCTION KfRaise02;
VOID KfRaise02(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql = KfRaiseIrql(DISPATCH_LEVEL);
  NdisClOpenAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af, Adapter, &Adapter->AfHandle); // expected-warning{{'NdisClOpenAddressFamilyEx' called at DISPATCH_LEVEL}}
  KeLowerIrql(OldIrql);
}

NDIS_IO_WORKITEM_FUNCTION RaiseToDpc03;
VOID RaiseToDpc03(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql = KeRaiseIrqlToDpcLevel();
  NdisMCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // expected-warning{{'NdisMCmRegisterAddressFamilyEx' called at DISPATCH_LEVEL}}
  KeLowerIrql(OldIrql);
}

MINIPORT_ISR RaiseBelowCurrent04;
BOOLEAN RaiseBelowCurrent04(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql); // expected-warning{{'KeRaiseIrql' called at device IRQL; it must be called at IRQL <= DISPATCH_LEVEL}}
  KeLowerIrql(OldIrql);
  return TRUE;
}

NDIS_IO_WORKITEM_FUNCTION KeSpinLock05;
VOID KeSpinLock05(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql;
  KeAcquireSpinLock(&Adapter->KLock, &OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL: release 'Adapter->KLock' first, or defer the call to an NDIS I/O work item}}
  KeReleaseSpinLock(&Adapter->KLock, OldIrql);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}

NDIS_IO_WORKITEM_FUNCTION KeSpinLockRaiseToDpc06;
VOID KeSpinLockRaiseToDpc06(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql = KeAcquireSpinLockRaiseToDpc(&Adapter->KLock);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Adapter->KLock, OldIrql);
}

NDIS_IO_WORKITEM_FUNCTION KeAtDpcLevelTooLow07;
VOID KeAtDpcLevelTooLow07(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KeAcquireSpinLockAtDpcLevel(&Adapter->KLock); // expected-warning{{'KeAcquireSpinLockAtDpcLevel' called at PASSIVE_LEVEL; it must be called at IRQL >= DISPATCH_LEVEL: use KeAcquireSpinLock, which sets the IRQL itself}}
  KeReleaseSpinLockFromDpcLevel(&Adapter->KLock); // expected-warning{{'KeReleaseSpinLockFromDpcLevel' called at PASSIVE_LEVEL; it must be called at IRQL >= DISPATCH_LEVEL: use KeReleaseSpinLock}}
}

MINIPORT_INTERRUPT_DPC KeAtDpcLevelInDpc08;
VOID KeAtDpcLevelInDpc08(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  KeAcquireSpinLockAtDpcLevel(&Adapter->KLock); // no-warning
  KeReleaseSpinLockFromDpcLevel(&Adapter->KLock); // no-warning
}

NDIS_IO_WORKITEM_FUNCTION InStackQueued09;
VOID InStackQueued09(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KLOCK_QUEUE_HANDLE LockHandle;
  KeAcquireInStackQueuedSpinLock(&Adapter->KLock, &LockHandle);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{called at DISPATCH_LEVEL}}
  KeReleaseInStackQueuedSpinLock(&LockHandle);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
  KeAcquireInStackQueuedSpinLockAtDpcLevel(&Adapter->KLock, &LockHandle); // expected-warning{{'KeAcquireInStackQueuedSpinLockAtDpcLevel' called at PASSIVE_LEVEL; it must be called at IRQL >= DISPATCH_LEVEL: use KeAcquireInStackQueuedSpinLock}}
  KeReleaseInStackQueuedSpinLockFromDpcLevel(&LockHandle); // expected-warning{{'KeReleaseInStackQueuedSpinLockFromDpcLevel' called at PASSIVE_LEVEL}}
}

NDIS_IO_WORKITEM_FUNCTION NdisSpinLock10;
VOID NdisSpinLock10(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisMCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisMCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL: release 'Adapter->Lock' first}}
  NdisReleaseSpinLock(&Adapter->Lock);
  NdisMCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}

NDIS_IO_WORKITEM_FUNCTION NdisDprAtPassive11;
VOID NdisDprAtPassive11(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL; it must be called at DISPATCH_LEVEL: use NdisAcquireSpinLock, which sets the IRQL itself}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL; it must be called at DISPATCH_LEVEL: use NdisReleaseSpinLock}}
}

NDIS_TIMER_FUNCTION NdisDprInTimer12;
VOID NdisDprInTimer12(PVOID S1, PVOID Context, PVOID S2, PVOID S3) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
}

MINIPORT_ISR NdisLockInIsr13;
BOOLEAN NdisLockInIsr13(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at device IRQL; it must be called at DISPATCH_LEVEL: queue a DPC (NdisMQueueDpcEx) and make the call from there}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at device IRQL}}
  return TRUE;
}

NDIS_IO_WORKITEM_FUNCTION RwLock14;
VOID RwLock14(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  LOCK_STATE_EX LockState;
  NdisAcquireRWLockRead(Adapter->RwLock, &LockState, 0);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{called at DISPATCH_LEVEL}}
  NdisReleaseRWLock(Adapter->RwLock, &LockState);
  NdisAcquireRWLockWrite(Adapter->RwLock, &LockState, 0);
  NdisReleaseRWLock(Adapter->RwLock, &LockState);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}

NDIS_IO_WORKITEM_FUNCTION NdisRaiseMacros15;
VOID NdisRaiseMacros15(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  KIRQL OldIrql;
  NDIS_RAISE_IRQL_TO_DISPATCH(&OldIrql);
  NdisCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // expected-warning{{called at DISPATCH_LEVEL}}
  NDIS_LOWER_IRQL(OldIrql, DISPATCH_LEVEL);
  NdisCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // no-warning
}

NDIS_IO_WORKITEM_FUNCTION DispatchOnlyAtPassive16;
VOID DispatchOnlyAtPassive16(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL; it must be called at DISPATCH_LEVEL: call it only where the IRQL is already DISPATCH_LEVEL}}
}

MINIPORT_INTERRUPT_DPC DispatchOnlyInDpc17;
VOID DispatchOnlyInDpc17(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // no-warning
  NdisMCoReceiveComplete(Adapter->BindingHandle); // no-warning
}

MINIPORT_ISR CoNdisInIsr18;
BOOLEAN CoNdisInIsr18(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisMCmDispatchIncomingCall(NULL, Adapter->VcHandle, NULL); // expected-warning{{'NdisMCmDispatchIncomingCall' called at device IRQL; it must be called at IRQL <= DISPATCH_LEVEL}}
  NdisMCmActivateVc(Adapter->VcHandle, NULL); // expected-warning{{'NdisMCmActivateVc' called at device IRQL}}
  NdisClMakeCall(Adapter->VcHandle, NULL, NULL, NULL); // expected-warning{{'NdisClMakeCall' called at device IRQL}}
  NdisCoSendNetBufferLists(Adapter->VcHandle, NULL, 0); // expected-warning{{'NdisCoSendNetBufferLists' called at device IRQL}}
  NdisMCoActivateVcComplete(NDIS_STATUS_SUCCESS, Adapter->VcHandle, NULL); // expected-warning{{'NdisMCoActivateVcComplete' called at device IRQL}}
  return TRUE;
}

MINIPORT_INTERRUPT_DPC CoNdisInDpc19;
VOID CoNdisInDpc19(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisMCmDispatchIncomingCall(NULL, Adapter->VcHandle, NULL); // no-warning
  NdisMCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisMCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}}
}
