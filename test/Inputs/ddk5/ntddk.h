/*
 * ddk5/ntddk.h - condis-check's simulator of the Server 2003 DDK's ntddk.h,
 * the part an NDIS 5 driver reaches through ndis.h when it is not an x86
 * miniport: spin locks (ddk5/kespin.h), lists, memory and debug output
 * (ddk5/ntcommon.h), and what only ntddk.h has: IRQL, DPCs, timers, pool.
 * No SAL, as in that DDK. On x86 KeRaiseIrql and KeLowerIrql are macros
 * over the fastcall KfRaiseIrql/KfLowerIrql; on x64 (where the DDK has them
 * as inline functions) they are declared here as functions.
 */
#ifndef CONDIS_DDK5_NTDDK_H
#define CONDIS_DDK5_NTDDK_H
#pragma clang system_header

#include "ntdef.h"
#include "kespin.h"
#include "ntcommon.h"

#ifdef __cplusplus
extern "C" {
#endif

/* IRQL */
#if defined(_X86_)
DECLSPEC_IMPORT KIRQL NTAPI KeGetCurrentIrql(VOID);
DECLSPEC_IMPORT KIRQL FASTCALL KfRaiseIrql(IN KIRQL NewIrql);
DECLSPEC_IMPORT VOID FASTCALL KfLowerIrql(IN KIRQL NewIrql);
#define KeLowerIrql(a) KfLowerIrql(a)
#define KeRaiseIrql(a, b) *(b) = KfRaiseIrql(a)
#else
KIRQL KeGetCurrentIrql(VOID);
KIRQL KfRaiseIrql(IN KIRQL NewIrql);
VOID KeLowerIrql(IN KIRQL NewIrql);
#define KeRaiseIrql(a, b) *(b) = KfRaiseIrql(a)
#endif

/* DPCs and timers */
typedef VOID (*PKDEFERRED_ROUTINE)(IN struct _KDPC *Dpc,
                                   IN PVOID DeferredContext OPTIONAL,
                                   IN PVOID SystemArgument1 OPTIONAL,
                                   IN PVOID SystemArgument2 OPTIONAL);
NTKERNELAPI VOID NTAPI KeInitializeDpc(IN PKDPC Dpc,
                                       IN PKDEFERRED_ROUTINE DeferredRoutine,
                                       IN PVOID DeferredContext OPTIONAL);
NTKERNELAPI BOOLEAN NTAPI KeInsertQueueDpc(IN PKDPC Dpc,
                                           IN PVOID SystemArgument1,
                                           IN PVOID SystemArgument2);
NTKERNELAPI VOID NTAPI KeInitializeTimer(IN PKTIMER Timer);
NTKERNELAPI BOOLEAN NTAPI KeSetTimer(IN PKTIMER Timer,
                                     IN LARGE_INTEGER DueTime,
                                     IN PKDPC Dpc OPTIONAL);
NTKERNELAPI VOID NTAPI KeQuerySystemTime(OUT PLARGE_INTEGER CurrentTime);

typedef enum _POOL_TYPE { NonPagedPool, PagedPool } POOL_TYPE;
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithTag(IN POOL_TYPE PoolType,
                                              IN SIZE_T NumberOfBytes,
                                              IN ULONG Tag);
NTKERNELAPI VOID NTAPI ExFreePool(IN PVOID P);

#ifdef __cplusplus
}
#endif

#endif
