// condis.Irql names a spin lock as the driver wrote it, also when the driver
// takes it through a macro of its own: ACQUIRE_ADAPTER_LOCK(pAdapt) is
// 'pAdapt->Lock', not 'pAdapt'; a lock macro without parameters still
// names its lock, and a lock with no name reads "A spin lock", never "Spin
// lock a spin lock". The same with the NDIS functions of test/Inputs/ndis.h
// and with the WDK's macros over the kernel's (x64, x86).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   -analyzer-output=text -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   -analyzer-output=text %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Irql \
// RUN:   -analyzer-output=text %wdk_x86 -DNDIS630=1 -verify %s

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  NDIS_SPIN_LOCK Locks[2];
  LONG Count;
} ADAPTER, *PADAPTER;

#define ACQUIRE_ADAPTER_LOCK(pA) NdisAcquireSpinLock(&(pA)->Lock)
#define RELEASE_ADAPTER_LOCK(pA) NdisReleaseSpinLock(&(pA)->Lock)
#define DPR_LOCK_ADAPTER() NdisDprAcquireSpinLock(&Adapter->Lock)
#define DPR_UNLOCK_ADAPTER() NdisDprReleaseSpinLock(&Adapter->Lock)
#define LOCK_GLOBAL_ADAPTER NdisAcquireSpinLock(&GlobalAdapter->Lock)
#define ACQUIRE_QUEUE_LOCK(pA, i) NdisAcquireSpinLock(&((pA)->Locks[i]))

PADAPTER GlobalAdapter;

PROTOCOL_CM_CLOSE_AF lockMacroHeld01;
NDIS_STATUS lockMacroHeld01(NDIS_HANDLE AfContext) {
  PADAPTER pAdapt = (PADAPTER)AfContext;
  ACQUIRE_ADAPTER_LOCK(pAdapt); // expected-note{{IRQL raised to DISPATCH_LEVEL here (NdisAcquireSpinLock)}}
  if (pAdapt->Count != 0) // expected-note{{Assuming field 'Count' is not equal to 0}} expected-note{{Taking true branch}}
    return NDIS_STATUS_NOT_ACCEPTED; // expected-warning{{'lockMacroHeld01' returns holding spin lock 'pAdapt->Lock' (acquired with NdisAcquireSpinLock); release it on every path before returning}} expected-note{{'lockMacroHeld01' returns holding spin lock 'pAdapt->Lock'}}
  RELEASE_ADAPTER_LOCK(pAdapt);
  return NDIS_STATUS_SUCCESS;
}
// expected-note@*:* {{'lockMacroHeld01' is a PROTOCOL_CM_CLOSE_AF handler}}

MINIPORT_INTERRUPT_DPC lockMacroWithoutArguments02;
VOID lockMacroWithoutArguments02(NDIS_HANDLE Context, PVOID DpcContext,
                                 PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  DPR_LOCK_ADAPTER(); // expected-note{{Spin lock 'Adapter->Lock' acquired here (NdisDprAcquireSpinLock)}}
  Adapter->Count++;
  DPR_UNLOCK_ADAPTER(); // expected-note{{Spin lock 'Adapter->Lock' released here (NdisDprReleaseSpinLock)}}
  DPR_UNLOCK_ADAPTER(); // expected-warning{{Spin lock 'Adapter->Lock' released with NdisDprReleaseSpinLock although this path already released it}} expected-note{{Spin lock 'Adapter->Lock' released with NdisDprReleaseSpinLock although this path already released it}}
}
// expected-note@*:* {{'lockMacroWithoutArguments02' is declared MINIPORT_INTERRUPT_DPC}}

PROTOCOL_CM_CLOSE_AF globalLockMacro03;
NDIS_STATUS globalLockMacro03(NDIS_HANDLE AfContext) {
  LOCK_GLOBAL_ADAPTER; // expected-note{{IRQL raised to DISPATCH_LEVEL here (NdisAcquireSpinLock)}}
  return NDIS_STATUS_SUCCESS; // expected-warning{{'globalLockMacro03' returns holding spin lock 'GlobalAdapter->Lock' (acquired with NdisAcquireSpinLock)}} expected-note{{'globalLockMacro03' returns holding spin lock 'GlobalAdapter->Lock'}}
}
// expected-note@*:* {{'globalLockMacro03' is a PROTOCOL_CM_CLOSE_AF handler}}

PROTOCOL_CM_CLOSE_AF indexedLockMacro04;
NDIS_STATUS indexedLockMacro04(NDIS_HANDLE AfContext) {
  PADAPTER pAdapt = (PADAPTER)AfContext;
  ACQUIRE_QUEUE_LOCK(pAdapt, 1); // expected-note{{IRQL raised to DISPATCH_LEVEL here (NdisAcquireSpinLock)}}
  ACQUIRE_QUEUE_LOCK(pAdapt, 1); // expected-warning{{Spin lock 'pAdapt->Locks[1]' acquired with NdisAcquireSpinLock while this path already holds it}} expected-note{{Spin lock 'pAdapt->Locks[1]' acquired with NdisAcquireSpinLock while this path already holds it}}
  return NDIS_STATUS_SUCCESS;
}
// expected-note@*:* {{'indexedLockMacro04' is a PROTOCOL_CM_CLOSE_AF handler}}

// Written out, the lock keeps the driver's own spelling.
PROTOCOL_CM_CLOSE_AF writtenOut05;
NDIS_STATUS writtenOut05(NDIS_HANDLE AfContext) {
  PADAPTER pAdapt = (PADAPTER)AfContext;
  NdisAcquireSpinLock(&(pAdapt->Locks[0])); // expected-note{{IRQL raised to DISPATCH_LEVEL here (NdisAcquireSpinLock)}}
  return NDIS_STATUS_SUCCESS; // expected-warning{{'writtenOut05' returns holding spin lock 'pAdapt->Locks[0]'}} expected-note{{'writtenOut05' returns holding spin lock 'pAdapt->Locks[0]'}}
}
// expected-note@*:* {{'writtenOut05' is a PROTOCOL_CM_CLOSE_AF handler}}

// An in-stack queued lock is released through its handle; a handle this
// path never filled names no lock.
MINIPORT_INTERRUPT_DPC unnamedLock06;
VOID unnamedLock06(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  KLOCK_QUEUE_HANDLE Handle;
  KeReleaseInStackQueuedSpinLockFromDpcLevel(&Handle); // expected-warning{{A spin lock released with KeReleaseInStackQueuedSpinLockFromDpcLevel although this path never acquired it}} expected-note{{A spin lock released with KeReleaseInStackQueuedSpinLockFromDpcLevel although this path never acquired it}}
}
// expected-note@*:* {{'unnamedLock06' is declared MINIPORT_INTERRUPT_DPC}}
