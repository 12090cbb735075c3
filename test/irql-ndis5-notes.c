// condis.Irql path notes on an NDIS 5 miniport (Inputs/ddk5): the entry
// note says where the IRQL comes from, the registration field or the NDIS 5
// routine the function was handed to.
//
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Irql -analyzer-output=text -verify %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Irql -analyzer-output=text -verify %s

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_HANDLE MiniportAdapterHandle;
  NDIS_SPIN_LOCK Lock;
  NDIS_MINIPORT_INTERRUPT Interrupt;
  NDIS_MINIPORT_TIMER Timer;
  NDIS_TIMER PollTimer;
  NDIS_WORK_ITEM WorkItem;
  NDIS_HANDLE VcHandle;
} ADAPTER, *PADAPTER;

VOID MiniportIsrNote01(PBOOLEAN InterruptRecognized, PBOOLEAN QueueMiniportHandleInterrupt, NDIS_HANDLE MiniportAdapterContext) { // expected-note 2 {{'MiniportIsrNote01' is stored into NDIS_MINIPORT_CHARACTERISTICS.ISRHandler: an ISR runs at device IRQL}}
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisAcquireSpinLock' called at device IRQL}} expected-note{{'NdisAcquireSpinLock' called at device IRQL}} expected-note{{Spin lock 'Adapter->Lock' acquired here (NdisAcquireSpinLock)}}
  NdisReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisReleaseSpinLock' called at device IRQL}} expected-note{{'NdisReleaseSpinLock' called at device IRQL}}
  *InterruptRecognized = TRUE;
}

VOID HandleInterruptNote02(NDIS_HANDLE MiniportAdapterContext) { // expected-note{{'HandleInterruptNote02' is stored into NDIS_MINIPORT_CHARACTERISTICS.HandleInterruptHandler: an interrupt DPC runs at DISPATCH_LEVEL}}
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // expected-warning{{'NdisInitializeTimer' called at DISPATCH_LEVEL}} expected-note{{'NdisInitializeTimer' called at DISPATCH_LEVEL}}
}

BOOLEAN SynchronizeNote03(PVOID SynchronizeContext) { // expected-note{{'SynchronizeNote03' is passed to NdisMSynchronizeWithInterrupt: a routine synchronized with the interrupt runs at device IRQL}}
  PADAPTER Adapter = (PADAPTER)SynchronizeContext;
  NdisMCmDeleteVc(Adapter->VcHandle); // expected-warning{{'NdisMCmDeleteVc' called at device IRQL}} expected-note{{'NdisMCmDeleteVc' called at device IRQL}}
  return TRUE;
}

VOID TimerNote04(PVOID SystemSpecific1, PVOID FunctionContext, PVOID SystemSpecific2, PVOID SystemSpecific3) { // expected-note{{'TimerNote04' is passed to NdisMInitializeTimer: an NDIS timer function runs at DISPATCH_LEVEL}}
  PADAPTER Adapter = (PADAPTER)FunctionContext;
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // expected-warning{{'NdisInitializeTimer' called at DISPATCH_LEVEL}} expected-note{{'NdisInitializeTimer' called at DISPATCH_LEVEL}}
}

VOID WorkItemNote05(PNDIS_WORK_ITEM WorkItem, PVOID Context) { // expected-note 2 {{'WorkItemNote05' is stored into NDIS_WORK_ITEM.Routine: an NDIS work item runs at PASSIVE_LEVEL}}
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}} expected-note{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}} expected-note{{Spin lock 'Adapter->Lock' acquired here (NdisDprAcquireSpinLock)}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}} expected-note{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}}
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_CHARACTERISTICS Chars;
  NDIS_HANDLE Wrapper;
  NdisMInitializeWrapper(&Wrapper, DriverObject, RegistryPath, NULL);
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.ISRHandler = MiniportIsrNote01;
  Chars.HandleInterruptHandler = HandleInterruptNote02;
  return NdisMRegisterMiniport(Wrapper, &Chars, sizeof(Chars));
}

VOID Setup(PADAPTER Adapter) {
  NdisMSynchronizeWithInterrupt(&Adapter->Interrupt, SynchronizeNote03, Adapter);
  NdisMInitializeTimer(&Adapter->Timer, Adapter->MiniportAdapterHandle, TimerNote04, Adapter);
  NdisInitializeWorkItem(&Adapter->WorkItem, (NDIS_PROC)WorkItemNote05, Adapter);
}
