// condis.Irql: the IRQL a function starts at comes from its role type, from
// being the routine of NdisMSynchronizeWithInterruptEx, KeInitializeDpc or
// NdisQueueIoWorkItem, or from a CoNDIS role type. A range that may be legal
// is never reported.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  NDIS_HANDLE Interrupt;
  NDIS_HANDLE BindingHandle;
  NDIS_HANDLE AfHandle;
  NDIS_HANDLE VcHandle;
  NDIS_HANDLE WorkItem;
  CO_ADDRESS_FAMILY Af;
  KDPC Dpc;
  VAR_STRING TapiCallId;
} ADAPTER, *PADAPTER;

// ---- device IRQL ----
MINIPORT_ISR IsrRole01;
BOOLEAN IsrRole01(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisAcquireSpinLock' called at device IRQL; it must be called at IRQL <= DISPATCH_LEVEL: queue a DPC (NdisMQueueDpcEx) and make the call from there}}
  NdisReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisReleaseSpinLock' called at device IRQL}}
  NdisMQueueDpcEx(Adapter->Interrupt, 0, 1, NULL); // no-warning
  return TRUE;
}

MINIPORT_SYNCHRONIZE_INTERRUPT SyncRole02;
BOOLEAN SyncRole02(NDIS_HANDLE Context) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisMCmDeactivateVc(Adapter->VcHandle); // expected-warning{{'NdisMCmDeactivateVc' called at device IRQL}}
  return TRUE;
}

// Not declared with a role type: passed to NdisMSynchronizeWithInterruptEx.
BOOLEAN SyncRoutine03(NDIS_HANDLE Context) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCoDeleteVc(Adapter->VcHandle); // expected-warning{{'NdisCoDeleteVc' called at device IRQL}}
  return TRUE;
}

PROTOCOL_CM_CLOSE_CALL CloseCallSynchronizes03;
NDIS_STATUS CloseCallSynchronizes03(NDIS_HANDLE VcContext, NDIS_HANDLE PartyContext,
                                    PVOID CloseData, UINT Size) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  NdisMSynchronizeWithInterruptEx(Adapter->Interrupt, 0, SyncRoutine03, Adapter); // no-warning
  return NDIS_STATUS_SUCCESS;
}

// ---- DISPATCH_LEVEL ----
MINIPORT_INTERRUPT_DPC DpcRole04;
VOID DpcRole04(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
  NdisMCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // expected-warning{{'NdisMCmRegisterAddressFamilyEx' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}}
}

NDIS_TIMER_FUNCTION TimerRole05;
VOID TimerRole05(PVOID S1, PVOID Context, PVOID S2, PVOID S3) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
}

KDEFERRED_ROUTINE KeDpcRole06;
VOID KeDpcRole06(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisClOpenAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af, Adapter, &Adapter->AfHandle); // expected-warning{{'NdisClOpenAddressFamilyEx' called at DISPATCH_LEVEL}}
}

// Not declared with a role type: given to KeInitializeDpc.
VOID KeDpcRoutine07(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // no-warning
  NdisCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // expected-warning{{'NdisCmRegisterAddressFamilyEx' called at DISPATCH_LEVEL}}
}

// ---- PASSIVE_LEVEL ----
NDIS_IO_WORKITEM_FUNCTION WorkItemRole08;
VOID WorkItemRole08(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCmRegisterAddressFamilyEx(Adapter->BindingHandle, &Adapter->Af); // no-warning
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}}
}

// Not declared with a role type: queued with NdisQueueIoWorkItem.
VOID WorkItemRoutine09(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}}
}

DRIVER_INITIALIZE DriverEntry;
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  static ADAPTER Adapter;
  KeInitializeDpc(&Adapter.Dpc, KeDpcRoutine07, &Adapter);
  NdisQueueIoWorkItem(Adapter.WorkItem, WorkItemRoutine09, &Adapter);
  NdisCoGetTapiCallId(Adapter.VcHandle, &Adapter.TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}}
  return STATUS_SUCCESS;
}

// ---- CoNDIS handlers: IRQL <= DISPATCH_LEVEL, or as the reference says ----
PROTOCOL_CM_MAKE_CALL CmHandlerRange10;
NDIS_STATUS CmHandlerRange10(NDIS_HANDLE VcContext, PCO_CALL_PARAMETERS Params,
                             NDIS_HANDLE PartyHandle, PNDIS_HANDLE PartyContext) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  // PASSIVE_LEVEL is possible: not reported.
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
  // DISPATCH_LEVEL is possible: not reported either.
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // no-warning
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CL_INCOMING_CALL ClHandlerRange11;
NDIS_STATUS ClHandlerRange11(NDIS_HANDLE SapContext, NDIS_HANDLE VcContext,
                             PCO_CALL_PARAMETERS Params) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CO_AF_REGISTER_NOTIFY CoAfRegisterNotifyPassive12;
VOID CoAfRegisterNotifyPassive12(NDIS_HANDLE BindingContext, PCO_ADDRESS_FAMILY Af) {
  PADAPTER Adapter = (PADAPTER)BindingContext;
  NdisClOpenAddressFamilyEx(Adapter->BindingHandle, Af, Adapter, &Adapter->AfHandle); // no-warning
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // expected-warning{{'NdisCoGetTapiCallId' called at PASSIVE_LEVEL}}
}

PROTOCOL_CL_OPEN_AF_COMPLETE_EX ClOpenAfCompletePassive13;
VOID ClOpenAfCompletePassive13(NDIS_HANDLE AfContext, NDIS_HANDLE AfHandle, NDIS_STATUS Status) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}}
}

PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS CoReceive14;
VOID CoReceive14(NDIS_HANDLE BindingContext, NDIS_HANDLE VcContext,
                 PNET_BUFFER_LIST Nbls, ULONG Count, ULONG Flags) {
  PADAPTER Adapter = (PADAPTER)VcContext;
  NdisCoSendNetBufferLists(Adapter->VcHandle, Nbls, 0); // no-warning
}

// Recognised through its registration field, not a role-type declaration.
NDIS_STATUS RegisteredCloseAf15(NDIS_HANDLE AfContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
  NdisReleaseSpinLock(&Adapter->Lock);
  return NDIS_STATUS_SUCCESS;
}

VOID RegisterHandlers15(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *Handlers) {
  Handlers->CmCloseAfHandler = RegisteredCloseAf15;
}

// ---- nothing known: never reported ----
VOID UnknownEntry16(PADAPTER Adapter) {
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisCoGetTapiCallId(Adapter->VcHandle, &Adapter->TapiCallId); // no-warning
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
}
