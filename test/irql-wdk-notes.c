// condis.Irql path notes on the WDK's spelling (test/Inputs/wdk, x64 and
// x86): each note names the NDIS or kernel form the driver wrote, not the
// routine the macros expand to, and the lock as the driver wrote it.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   -analyzer-output=text %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   -analyzer-output=text %wdk_x86 -DNDIS630=1 -verify %s

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  NDIS_HANDLE AfHandle;
  int OpenCalls;
} ADAPTER, *PADAPTER;

PROTOCOL_CM_CLOSE_AF WdkCloseAf01;
NDIS_STATUS WdkCloseAf01(NDIS_HANDLE AfContext) {
  PADAPTER Adapter = (PADAPTER)AfContext;
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql); // expected-note{{IRQL raised to DISPATCH_LEVEL here (KeRaiseIrql)}}
  KeLowerIrql(OldIrql); // expected-note{{IRQL lowered here (KeLowerIrql): now IRQL <= DISPATCH_LEVEL}}
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
  NdisAcquireSpinLock(&Adapter->Lock); // expected-note{{IRQL raised to DISPATCH_LEVEL here (NdisAcquireSpinLock)}}
  if (Adapter->OpenCalls != 0) // expected-note{{Assuming field 'OpenCalls' is not equal to 0}} expected-note{{Taking true branch}}
    return 1; // expected-warning{{'WdkCloseAf01' returns holding spin lock 'Adapter->Lock' (acquired with NdisAcquireSpinLock); release it on every path before returning}} expected-note{{'WdkCloseAf01' returns holding spin lock 'Adapter->Lock'}}
  NdisReleaseSpinLock(&Adapter->Lock);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
  return 0;
}
// expected-note@*:* {{'WdkCloseAf01' is a PROTOCOL_CM_CLOSE_AF handler: NDIS calls it at IRQL <= DISPATCH_LEVEL}}

MINIPORT_ISR WdkIsrDprLock02;
BOOLEAN WdkIsrDprLock02(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Target) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprAcquireSpinLock' called at device IRQL}} expected-note{{'NdisDprAcquireSpinLock' called at device IRQL}} expected-note{{Spin lock 'Adapter->Lock' acquired here (NdisDprAcquireSpinLock)}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{'NdisDprReleaseSpinLock' called at device IRQL}} expected-note{{'NdisDprReleaseSpinLock' called at device IRQL}}
  return TRUE;
}
// expected-note@*:* 2 {{'WdkIsrDprLock02' is declared MINIPORT_ISR: an ISR runs at device IRQL}}

MINIPORT_INTERRUPT_DPC WdkDpcDoubleRelease03;
VOID WdkDpcDoubleRelease03(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1,
                           PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisDprAcquireSpinLock(&Adapter->Lock); // expected-note{{Spin lock 'Adapter->Lock' acquired here (NdisDprAcquireSpinLock)}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-note{{Spin lock 'Adapter->Lock' released here (NdisDprReleaseSpinLock)}}
  NdisDprReleaseSpinLock(&Adapter->Lock); // expected-warning{{Spin lock 'Adapter->Lock' released with NdisDprReleaseSpinLock although this path already released it}} expected-note{{Spin lock 'Adapter->Lock' released with NdisDprReleaseSpinLock although this path already released it}}
}
// expected-note@*:* {{'WdkDpcDoubleRelease03' is declared MINIPORT_INTERRUPT_DPC: an interrupt DPC runs at DISPATCH_LEVEL}}
