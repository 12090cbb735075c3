/*
 * ddk5/kespin.h - the kernel spin-lock routines as the Server 2003 DDK
 * (3790) declares them. The DDK has two copies, one in ntddk.h and one in
 * the part of ndis.h an x86 miniport uses instead of ntddk.h; both are
 * simulated by including this file. On x86 the documented names are macros
 * over the fastcall Kf and Kef exports; on x64 KeAcquireSpinLock is a macro
 * over KeAcquireSpinLockRaiseToDpc and the rest are functions.
 */
#ifndef CONDIS_DDK5_KESPIN_H
#define CONDIS_DDK5_KESPIN_H
#pragma clang system_header

#include "ntdef.h"

#ifdef __cplusplus
extern "C" {
#endif

NTKERNELAPI VOID NTAPI KeInitializeSpinLock(IN PKSPIN_LOCK SpinLock);

#if defined(_X86_)

NTKERNELAPI VOID FASTCALL KefAcquireSpinLockAtDpcLevel(IN PKSPIN_LOCK SpinLock);
NTKERNELAPI VOID FASTCALL KefReleaseSpinLockFromDpcLevel(IN PKSPIN_LOCK SpinLock);
#define KeAcquireSpinLockAtDpcLevel(a) KefAcquireSpinLockAtDpcLevel(a)
#define KeReleaseSpinLockFromDpcLevel(a) KefReleaseSpinLockFromDpcLevel(a)

DECLSPEC_IMPORT KIRQL FASTCALL KfAcquireSpinLock(IN PKSPIN_LOCK SpinLock);
DECLSPEC_IMPORT VOID FASTCALL KfReleaseSpinLock(IN PKSPIN_LOCK SpinLock,
                                                IN KIRQL NewIrql);
#define KeAcquireSpinLock(a, b) *(b) = KfAcquireSpinLock(a)
#define KeReleaseSpinLock(a, b) KfReleaseSpinLock(a, b)

#else /* _AMD64_ */

NTKERNELAPI VOID KeAcquireSpinLockAtDpcLevel(IN PKSPIN_LOCK SpinLock);
NTKERNELAPI VOID KeReleaseSpinLockFromDpcLevel(IN PKSPIN_LOCK SpinLock);
NTKERNELAPI KIRQL KeAcquireSpinLockRaiseToDpc(IN PKSPIN_LOCK SpinLock);
#define KeAcquireSpinLock(SpinLock, OldIrql)                                   \
  *(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock)
NTKERNELAPI VOID KeReleaseSpinLock(IN PKSPIN_LOCK SpinLock, IN KIRQL NewIrql);

#endif

#ifdef __cplusplus
}
#endif

#endif
