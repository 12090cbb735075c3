// condis.Irql on an NDIS 5 miniport built against a Server 2003 DDK-shaped
// ndis.h (Inputs/ddk5): the DDK has no role typedefs, so the IRQL a routine
// starts at comes from where the driver hands it to NDIS:
//   - the ISRHandler field of NDIS_MINIPORT_CHARACTERISTICS: device IRQL;
//   - its HandleInterruptHandler field: DISPATCH_LEVEL;
//   - NdisMSynchronizeWithInterrupt: device IRQL;
//   - NdisMInitializeTimer and NdisInitializeTimer: DISPATCH_LEVEL;
//   - an NDIS_WORK_ITEM's routine (NdisInitializeWorkItem, run by
//     NdisScheduleWorkItem): PASSIVE_LEVEL.
// Fields are recognised stored by assignment, by designated initialiser and
// by position (through the anonymous NDIS30/40/50 members). On x86 an NDIS 5
// miniport gets the NDIS spin-lock routines as functions, on x64 as macros
// over the kernel's: both are judged as the NDIS routine the driver wrote.
// The advice names NDIS 5's ways to defer work (MiniportHandleInterrupt,
// NdisScheduleWorkItem), not NDIS 6's.
//
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Irql -verify %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Irql -verify %s

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

// ---- stored by assignment (the DDK samples' way) ----
VOID MiniportIsr01(PBOOLEAN InterruptRecognized,
                   PBOOLEAN QueueMiniportHandleInterrupt,
                   NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisAcquireSpinLock' called at device IRQL; it must be called at IRQL <= DISPATCH_LEVEL: set QueueMiniportHandleInterrupt in the ISR and make the call from MiniportHandleInterrupt}}
  NdisReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisReleaseSpinLock' called at device IRQL}}
  NdisScheduleWorkItem(&Adapter->WorkItem); // expected-warning{{'NdisScheduleWorkItem' called at device IRQL}}
  *InterruptRecognized = TRUE;
  *QueueMiniportHandleInterrupt = TRUE;
}

VOID MiniportHandleInterrupt01(NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // expected-warning{{'NdisInitializeTimer' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL: defer the call to an NDIS work item (NdisScheduleWorkItem)}}
}

// Same shape as an ISR, never registered: nothing says its IRQL.
VOID NotRegisteredIsr01(PBOOLEAN InterruptRecognized,
                        PBOOLEAN QueueMiniportHandleInterrupt,
                        NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisReleaseSpinLock(&Adapter->Lock); // no-warning
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_CHARACTERISTICS Chars;
  NDIS_HANDLE Wrapper;
  NdisMInitializeWrapper(&Wrapper, DriverObject, RegistryPath, NULL);
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.MajorNdisVersion = NDIS_MINIPORT_MAJOR_VERSION;
  Chars.MinorNdisVersion = NDIS_MINIPORT_MINOR_VERSION;
  Chars.HandleInterruptHandler = MiniportHandleInterrupt01;
  Chars.ISRHandler = MiniportIsr01;
  return NdisMRegisterMiniport(Wrapper, &Chars, sizeof(Chars));
}

// ---- stored by designated initialiser ----
VOID MiniportIsr02(PBOOLEAN InterruptRecognized,
                   PBOOLEAN QueueMiniportHandleInterrupt,
                   NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisMCmDeactivateVc(Adapter->VcHandle); // expected-warning{{'NdisMCmDeactivateVc' called at device IRQL}}
  *InterruptRecognized = FALSE;
}

VOID MiniportHandleInterrupt02(NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // expected-warning{{'NdisInitializeTimer' called at DISPATCH_LEVEL}}
}

NDIS_MINIPORT_CHARACTERISTICS DesignatedChars02 = {
    .MajorNdisVersion = 5,
    .MinorNdisVersion = 1,
    .HandleInterruptHandler = MiniportHandleInterrupt02,
    .ISRHandler = MiniportIsr02,
};

// ---- stored by position, braces elided through the anonymous members ----
VOID MiniportIsr03(PBOOLEAN InterruptRecognized,
                   PBOOLEAN QueueMiniportHandleInterrupt,
                   NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisMCmActivateVc(Adapter->VcHandle, NULL); // expected-warning{{'NdisMCmActivateVc' called at device IRQL}}
  *InterruptRecognized = FALSE;
}

VOID MiniportHandleInterrupt03(NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // expected-warning{{'NdisInitializeTimer' called at DISPATCH_LEVEL}}
}

NDIS_MINIPORT_CHARACTERISTICS PositionalChars03 = {
    5, 1, 0, 0,
    NULL,                      // CheckForHangHandler
    NULL,                      // DisableInterruptHandler
    NULL,                      // EnableInterruptHandler
    NULL,                      // HaltHandler
    MiniportHandleInterrupt03, // HandleInterruptHandler
    NULL,                      // InitializeHandler
    MiniportIsr03,             // ISRHandler
};

// ---- routines run by NDIS 5 support functions ----
BOOLEAN SynchronizeRoutine04(PVOID SynchronizeContext) {
  PADAPTER Adapter = (PADAPTER)SynchronizeContext;
  NdisMCmDeleteVc(Adapter->VcHandle); // expected-warning{{'NdisMCmDeleteVc' called at device IRQL}}
  return TRUE;
}

VOID TimerRoutine05(PVOID SystemSpecific1, PVOID FunctionContext,
                    PVOID SystemSpecific2, PVOID SystemSpecific3) {
  PADAPTER Adapter = (PADAPTER)FunctionContext;
  NdisDprAcquireSpinLock(&Adapter->Lock); // no-warning
  NdisDprReleaseSpinLock(&Adapter->Lock); // no-warning
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // expected-warning{{'NdisInitializeTimer' called at DISPATCH_LEVEL}}
}

VOID PollRoutine06(PVOID SystemSpecific1, PVOID FunctionContext,
                   PVOID SystemSpecific2, PVOID SystemSpecific3) {
  PADAPTER Adapter = (PADAPTER)FunctionContext;
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // expected-warning{{'NdisInitializeTimer' called at DISPATCH_LEVEL}}
}

VOID WorkRoutine07(PNDIS_WORK_ITEM WorkItem, PVOID Context) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisInitializeTimer(&Adapter->PollTimer, NULL, Adapter); // no-warning
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at PASSIVE_LEVEL}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at PASSIVE_LEVEL}}
}

NDIS_STATUS MiniportInitialize08(PNDIS_STATUS OpenErrorStatus,
                                 PUINT SelectedMediumIndex,
                                 PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
                                 NDIS_HANDLE MiniportAdapterHandle,
                                 NDIS_HANDLE WrapperConfigurationContext) {
  static ADAPTER Adapter;
  Adapter.MiniportAdapterHandle = MiniportAdapterHandle;
  NdisMInitializeTimer(&Adapter.Timer, MiniportAdapterHandle, TimerRoutine05, &Adapter);
  NdisInitializeTimer(&Adapter.PollTimer, PollRoutine06, &Adapter);
  // The DDK declares NDIS_PROC with a struct tag first seen in its own
  // parameter list, so clang (not MSVC) needs the cast drivers often write.
  NdisInitializeWorkItem(&Adapter.WorkItem, (NDIS_PROC)WorkRoutine07, &Adapter);
  NdisScheduleWorkItem(&Adapter.WorkItem); // no-warning
  NdisMSynchronizeWithInterrupt(&Adapter.Interrupt, SynchronizeRoutine04, &Adapter); // no-warning
  return NDIS_STATUS_SUCCESS;
}
