/*
 * wdk-irql-macros.h - how the x64 WDK spells the IRQL and spin-lock
 * routines: KeRaiseIrql and KeAcquireSpinLock are macros over KfRaiseIrql
 * and KeAcquireSpinLockRaiseToDpc, KeLowerIrql and KeGetCurrentIrql are
 * inline functions, and NDIS's spin-lock routines are macros over the
 * kernel's (km/wdm.h, km/ndis.h). SAL expands to nothing, as with clang.
 * Stand-alone: not for use together with ndis.h.
 */
#ifndef CONDIS_SIM_WDK_IRQL_MACROS_H
#define CONDIS_SIM_WDK_IRQL_MACROS_H
#pragma clang system_header

#define _IRQL_requires_(x)
#define _IRQL_requires_max_(x)
#define _IRQL_raises_(x)
#define _IRQL_saves_
#define _IRQL_restores_
#define _Function_class_(x)
#define PASSIVE_LEVEL 0
#define DISPATCH_LEVEL 2

typedef void VOID;
typedef unsigned char KIRQL, *PKIRQL;
typedef unsigned long long KSPIN_LOCK, *PKSPIN_LOCK;
typedef int NDIS_STATUS;
typedef void *NDIS_HANDLE, *PVOID;
typedef struct _NDIS_SPIN_LOCK {
  KSPIN_LOCK SpinLock;
  KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

KIRQL __readcr8_sim(void);
VOID __writecr8_sim(KIRQL Irql);

_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL) _IRQL_saves_
KIRQL KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL)
VOID KeReleaseSpinLock(PKSPIN_LOCK SpinLock, _IRQL_restores_ KIRQL NewIrql);
#define KeAcquireSpinLock(SpinLock, OldIrql)                                   \
  *(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock)

KIRQL KfRaiseIrql(KIRQL NewIrql);
#define KeRaiseIrql(a, b) *(b) = KfRaiseIrql(a)
static __inline KIRQL KeGetCurrentIrql(void) { return __readcr8_sim(); }
static __inline VOID KeLowerIrql(KIRQL NewIrql) { __writecr8_sim(NewIrql); }

#define NdisAcquireSpinLock(_SpinLock)                                         \
  KeAcquireSpinLock(&(_SpinLock)->SpinLock, &(_SpinLock)->OldIrql)
#define NdisReleaseSpinLock(_SpinLock)                                         \
  KeReleaseSpinLock(&(_SpinLock)->SpinLock, (_SpinLock)->OldIrql)

_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisCmNotifyCloseAddressFamily(NDIS_HANDLE NdisAfHandle);

typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_CLOSE_AF)
NDIS_STATUS(PROTOCOL_CM_CLOSE_AF)(NDIS_HANDLE CallMgrAfContext);

#endif
