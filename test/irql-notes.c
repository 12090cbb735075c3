// condis.Irql path notes: why the function started at its IRQL, where the
// IRQL was raised or lowered, where a spin lock was taken or given back.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -analyzer-output=text \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -analyzer-output=text \
// RUN: -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  KSPIN_LOCK KLock;
  KIRQL OldIrql;
  NDIS_HANDLE AfHandle;
  NDIS_HANDLE VcHandle;
  NDIS_HANDLE Interrupt;
  LONG Count;
} ADAPTER, *PADAPTER;

MINIPORT_ISR IsrNote01;
BOOLEAN IsrNote01(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) { // expected-note{{'IsrNote01' is declared MINIPORT_ISR: an ISR runs at device IRQL}}
  PADAPTER Adapter = (PADAPTER)Context;
  NdisMCmDeactivateVc(Adapter->VcHandle); // expected-warning{{'NdisMCmDeactivateVc' called at device IRQL}} expected-note{{'NdisMCmDeactivateVc' called at device IRQL}}
  return TRUE;
}

BOOLEAN SyncNote02(NDIS_HANDLE Context) { // expected-note{{'SyncNote02' is passed to NdisMSynchronizeWithInterruptEx: a routine synchronized with the interrupt runs at device IRQL}}
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCoDeleteVc(Adapter->VcHandle); // expected-warning{{'NdisCoDeleteVc' called at device IRQL}} expected-note{{'NdisCoDeleteVc' called at device IRQL}}
  return TRUE;
}

VOID Synchronize02(PADAPTER Adapter) {
  NdisMSynchronizeWithInterruptEx(Adapter->Interrupt, 0, SyncNote02, Adapter);
}

PROTOCOL_CM_DROP_PARTY LockNote03;
NDIS_STATUS LockNote03(NDIS_HANDLE PartyContext, PVOID CloseData, UINT Size) { // expected-note{{'LockNote03' is a PROTOCOL_CM_DROP_PARTY handler: NDIS calls it at IRQL <= DISPATCH_LEVEL}}
  PADAPTER Adapter = (PADAPTER)PartyContext;
  NdisAcquireSpinLock(&Adapter->Lock); // expected-note{{IRQL raised to DISPATCH_LEVEL here (NdisAcquireSpinLock)}}
  if (Adapter->Count == 0) // expected-note{{Assuming field 'Count' is equal to 0}} expected-note{{Taking true branch}}
    return NDIS_STATUS_FAILURE; // expected-warning{{'LockNote03' returns holding spin lock 'Adapter->Lock'}} expected-note{{'LockNote03' returns holding spin lock 'Adapter->Lock'}}
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS;
}

NDIS_IO_WORKITEM_FUNCTION RaiseLowerNotes04;
VOID RaiseLowerNotes04(PVOID Context, NDIS_HANDLE WorkItem) { // expected-note{{'RaiseLowerNotes04' is declared NDIS_IO_WORKITEM_FUNCTION: an NDIS I/O work item runs at PASSIVE_LEVEL}}
  PADAPTER Adapter = (PADAPTER)Context;
  NDIS_RAISE_IRQL_TO_DISPATCH(&Adapter->OldIrql); // expected-note{{IRQL raised to DISPATCH_LEVEL here (NDIS_RAISE_IRQL_TO_DISPATCH)}}
  NDIS_LOWER_IRQL(Adapter->OldIrql, DISPATCH_LEVEL); // expected-note{{IRQL lowered to PASSIVE_LEVEL here (NDIS_LOWER_IRQL)}}
  NdisMCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
  NdisCoGetTapiCallId(Adapter->VcHandle, NULL); // expected-warning{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}} expected-note{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}}
}

MINIPORT_INTERRUPT_DPC DprLockNotes05;
VOID DprLockNotes05(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) { // expected-note{{'DprLockNotes05' is declared MINIPORT_INTERRUPT_DPC: an interrupt DPC runs at DISPATCH_LEVEL}}
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-note{{Spin lock 'Adapter->Lock' acquired here (NdisDprAcquireSpinLock)}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-note{{Spin lock 'Adapter->Lock' released here (NdisDprReleaseSpinLock)}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{Spin lock 'Adapter->Lock' released with NdisDprReleaseSpinLock although this path already released it}} expected-note{{Spin lock 'Adapter->Lock' released with NdisDprReleaseSpinLock although this path already released it}}
}

PROTOCOL_CO_STATUS_EX BranchNote06;
VOID BranchNote06(NDIS_HANDLE BindingContext, NDIS_HANDLE VcContext, // expected-note{{'BranchNote06' is a PROTOCOL_CO_STATUS_EX handler: NDIS calls it at IRQL <= DISPATCH_LEVEL}}
                  PNDIS_STATUS_INDICATION Indication) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  if (KeGetCurrentIrql() == DISPATCH_LEVEL) // expected-note{{IRQL is DISPATCH_LEVEL on this path}} expected-note{{Assuming the condition is true}} expected-note{{Taking true branch}}
    NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}} expected-note{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID SalNote07(PADAPTER Adapter) { // expected-note{{'SalNote07' is annotated _IRQL_requires_(PASSIVE_LEVEL)}}
  NdisCoGetTapiCallId(Adapter->VcHandle, NULL); // expected-warning{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}} expected-note{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}}
}

// A helper reached only by inlining starts at its own annotation; the note
// says so at the helper's name.
_IRQL_requires_(APC_LEVEL)
VOID ApcHelperNote08(PADAPTER Adapter) { // expected-note{{'ApcHelperNote08' is annotated _IRQL_requires_(APC_LEVEL): IRQL is APC_LEVEL on entry}}
  NdisCoGetTapiCallId(Adapter->VcHandle, NULL); // expected-warning{{'NdisCoGetTapiCallId' called at APC_LEVEL}} expected-note{{'NdisCoGetTapiCallId' called at APC_LEVEL}}
}

VOID InlinedSalNote08(PADAPTER Adapter) {
  ApcHelperNote08(Adapter); // expected-note{{Calling 'ApcHelperNote08'}}
}
