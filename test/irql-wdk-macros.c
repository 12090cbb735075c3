// condis.Irql with the x64 WDK's spelling: NdisAcquireSpinLock is a macro
// over KeAcquireSpinLock, itself a macro over KeAcquireSpinLockRaiseToDpc;
// KeRaiseIrql a macro over KfRaiseIrql; KeLowerIrql an inline function.
// Messages and notes name what the driver wrote.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -analyzer-output=text \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -analyzer-output=text \
// RUN: -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include <wdk-irql-macros.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  NDIS_HANDLE AfHandle;
  int OpenCalls;
} ADAPTER, *PADAPTER;

PROTOCOL_CM_CLOSE_AF WdkCloseAf01;
NDIS_STATUS WdkCloseAf01(NDIS_HANDLE AfContext) { // expected-note{{'WdkCloseAf01' is a PROTOCOL_CM_CLOSE_AF handler: NDIS calls it at IRQL <= DISPATCH_LEVEL}}
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
