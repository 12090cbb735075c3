/*
 * wdm.h - condis-check's WDK-shaped simulator (test/Inputs/wdk, see
 * README.md there): the kernel routines an NDIS driver reaches through
 * ndis.h, in the shape the kit's km/wdm.h gives them on x64 (_AMD64_) and
 * x86 (_X86_):
 *
 *   - KeRaiseIrql, KeAcquireSpinLock and (x86) KeLowerIrql,
 *     KeReleaseSpinLock and the AtDpcLevel forms are macros over
 *     KfRaiseIrql, KeAcquireSpinLockRaiseToDpc (x64) or KfAcquireSpinLock,
 *     KfReleaseSpinLock, KfLowerIrql, KefAcquireSpinLockAtDpcLevel and
 *     KefReleaseSpinLockFromDpcLevel (x86);
 *   - on x64 KeGetCurrentIrql reads CR8 in an inline function, and
 *     KeLowerIrql/KfRaiseIrql are exported functions when ntddk.h came
 *     first, inline KzLowerIrql/KzRaiseIrql when wdm.h is included alone;
 *   - InterlockedIncrement & co. are the compiler's intrinsics, the
 *     ExInterlocked list routines are Exf* fastcall functions on x86;
 *   - the LIST_ENTRY routines are inline functions that check the links
 *     and fail fast (FatalListEntryError -> RtlFailFast -> __fastfail) on a
 *     corrupt list, active whenever _MSC_FULL_VER is recent, as under
 *     clang's MS compatibility mode;
 *   - RtlCopyMemory and RtlZeroMemory are memcpy and memset.
 *
 * Declarations and the inline functions the kit has; SAL expands to nothing.
 */
#ifndef _WDMDDK_
#define _WDMDDK_
#define _WDM_INCLUDED_
#pragma clang system_header

#include <ntdef.h>
#include <ntstatus.h>

EXTERN_C_START

#define NTKERNELAPI DECLSPEC_IMPORT
#define NTHALAPI DECLSPEC_IMPORT

/* ---- memory (the kit takes memcpy and memset from the CRT's string.h) ---- */
#if defined(_WIN64)
typedef unsigned __int64 size_t;
#else
typedef unsigned int size_t;
#endif
void *__cdecl memcpy(void *Destination, const void *Source, size_t Size);
void *__cdecl memmove(void *Destination, const void *Source, size_t Size);
void *__cdecl memset(void *Destination, int Value, size_t Size);
#define RtlCopyMemory(Destination, Source, Length)                             \
  memcpy((Destination), (Source), (Length))
#define RtlMoveMemory(Destination, Source, Length)                             \
  memmove((Destination), (Source), (Length))
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))

/* ---- interlocked operations: compiler intrinsics ---- */
LONG _InterlockedIncrement(LONG volatile *Addend);
LONG _InterlockedDecrement(LONG volatile *Addend);
LONG _InterlockedExchange(LONG volatile *Target, LONG Value);
#pragma intrinsic(_InterlockedIncrement)
#pragma intrinsic(_InterlockedDecrement)
#pragma intrinsic(_InterlockedExchange)
#define InterlockedIncrement _InterlockedIncrement
#define InterlockedDecrement _InterlockedDecrement
#define InterlockedExchange _InterlockedExchange

/* ---- fast fail and the checked list routines ---- */
#define FAST_FAIL_CORRUPT_LIST_ENTRY 3

#if _MSC_VER >= 1610
DECLSPEC_NORETURN VOID __fastfail(_In_ unsigned int Code);
#pragma intrinsic(__fastfail)

DECLSPEC_NORETURN FORCEINLINE VOID RtlFailFast(_In_ ULONG Code) {
  __fastfail(Code);
}
#endif

#if !defined(_MSC_FULL_VER) || (_MSC_FULL_VER < 161030716)
#if !defined(NO_KERNEL_LIST_ENTRY_CHECKS)
#define NO_KERNEL_LIST_ENTRY_CHECKS
#endif
#endif

FORCEINLINE VOID InitializeListHead(_Out_ PLIST_ENTRY ListHead) {
  ListHead->Flink = ListHead->Blink = ListHead;
}

_Must_inspect_result_ BOOLEAN CFORCEINLINE
IsListEmpty(_In_ const LIST_ENTRY *ListHead) {
  return (BOOLEAN)(ListHead->Flink == ListHead);
}

#if defined(NO_KERNEL_LIST_ENTRY_CHECKS)

FORCEINLINE BOOLEAN RemoveEntryList(_In_ PLIST_ENTRY Entry) {
  PLIST_ENTRY Before = Entry->Blink, After = Entry->Flink;
  Before->Flink = After;
  After->Blink = Before;
  return (BOOLEAN)(Before == After);
}

FORCEINLINE PLIST_ENTRY RemoveHeadList(_Inout_ PLIST_ENTRY ListHead) {
  PLIST_ENTRY First = ListHead->Flink, Second = First->Flink;
  ListHead->Flink = Second;
  Second->Blink = ListHead;
  return First;
}

FORCEINLINE VOID InsertTailList(_Inout_ PLIST_ENTRY ListHead,
                                _Inout_ __drv_aliasesMem PLIST_ENTRY Entry) {
  PLIST_ENTRY Last = ListHead->Blink;
  Entry->Flink = ListHead;
  Entry->Blink = Last;
  Last->Flink = Entry;
  ListHead->Blink = Entry;
}

FORCEINLINE VOID InsertHeadList(_Inout_ PLIST_ENTRY ListHead,
                                _Inout_ __drv_aliasesMem PLIST_ENTRY Entry) {
  PLIST_ENTRY First = ListHead->Flink;
  Entry->Flink = First;
  Entry->Blink = ListHead;
  First->Blink = Entry;
  ListHead->Flink = Entry;
}

#else /* NO_KERNEL_LIST_ENTRY_CHECKS */

/* Reports a corrupt list; a wrapper so that another reaction can be
 * swapped in. */
FORCEINLINE VOID FatalListEntryError(_In_ PVOID p1, _In_ PVOID p2,
                                     _In_ PVOID p3) {
  UNREFERENCED_PARAMETER(p1);
  UNREFERENCED_PARAMETER(p2);
  UNREFERENCED_PARAMETER(p3);
  RtlFailFast(FAST_FAIL_CORRUPT_LIST_ENTRY);
}

FORCEINLINE BOOLEAN RemoveEntryList(_In_ PLIST_ENTRY Entry) {
  PLIST_ENTRY Before = Entry->Blink, After = Entry->Flink;
  if (Before->Flink != Entry || After->Blink != Entry)
    FatalListEntryError((PVOID)Before, (PVOID)Entry, (PVOID)After);
  Before->Flink = After;
  After->Blink = Before;
  return (BOOLEAN)(Before == After);
}

FORCEINLINE PLIST_ENTRY RemoveHeadList(_Inout_ PLIST_ENTRY ListHead) {
  PLIST_ENTRY First = ListHead->Flink, Second = First->Flink;
  if (First->Blink != ListHead || Second->Blink != First)
    FatalListEntryError((PVOID)ListHead, (PVOID)First, (PVOID)Second);
  ListHead->Flink = Second;
  Second->Blink = ListHead;
  return First;
}

FORCEINLINE VOID InsertTailList(_Inout_ PLIST_ENTRY ListHead,
                                _Out_ __drv_aliasesMem PLIST_ENTRY Entry) {
  PLIST_ENTRY Last = ListHead->Blink;
  if (Last->Flink != ListHead)
    FatalListEntryError((PVOID)Last, (PVOID)ListHead, (PVOID)Last->Flink);
  Entry->Flink = ListHead;
  Entry->Blink = Last;
  Last->Flink = Entry;
  ListHead->Blink = Entry;
}

FORCEINLINE VOID InsertHeadList(_Inout_ PLIST_ENTRY ListHead,
                                _Out_ __drv_aliasesMem PLIST_ENTRY Entry) {
  PLIST_ENTRY First = ListHead->Flink;
  if (First->Blink != ListHead)
    FatalListEntryError((PVOID)ListHead, (PVOID)First, (PVOID)First->Blink);
  Entry->Flink = First;
  Entry->Blink = ListHead;
  First->Blink = Entry;
  ListHead->Flink = Entry;
}

#endif /* NO_KERNEL_LIST_ENTRY_CHECKS */

/* ---- IRQL ---- */
#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#if defined(_AMD64_)
#define CLOCK_LEVEL 13
#define PROFILE_LEVEL 15
#define HIGH_LEVEL 15
#else
#define PROFILE_LEVEL 27
#define CLOCK_LEVEL 28
#define HIGH_LEVEL 31
#endif

#if defined(_X86_)

_IRQL_requires_max_(HIGH_LEVEL) _IRQL_saves_ NTHALAPI KIRQL NTAPI
KeGetCurrentIrql(VOID);

_IRQL_requires_max_(HIGH_LEVEL) NTHALAPI VOID FASTCALL
KfLowerIrql(_In_ _IRQL_restores_ _Notliteral_ KIRQL NewIrql);
_IRQL_requires_max_(HIGH_LEVEL) _IRQL_raises_(NewIrql) _IRQL_saves_ NTHALAPI
KIRQL FASTCALL KfRaiseIrql(_In_ KIRQL NewIrql);
#define KeLowerIrql(a) KfLowerIrql(a)
#define KeRaiseIrql(a, b) *(b) = KfRaiseIrql(a)

_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_saves_ _IRQL_raises_(DISPATCH_LEVEL)
NTHALAPI KIRQL KeRaiseIrqlToDpcLevel(VOID);

#else /* _AMD64_ */

unsigned __int64 __readcr8(VOID);
VOID __writecr8(unsigned __int64 Data);
#define ReadCR8() __readcr8()
#define WriteCR8(Data) __writecr8(Data)

_IRQL_requires_max_(HIGH_LEVEL) _IRQL_saves_ CFORCEINLINE KIRQL
KeGetCurrentIrql(VOID) {
  return (KIRQL)ReadCR8();
}

#define KeRaiseIrql(a, b) *(b) = KfRaiseIrql(a)

/* ntddk.h (or another kit header) first: the kernel exports them. */
#if defined(_NTDDK_) || defined(_NTDRIVER_) || defined(_NTIFS_)

_IRQL_requires_max_(HIGH_LEVEL) NTKERNELAPI VOID
KeLowerIrql(_In_ _Notliteral_ _IRQL_restores_ KIRQL NewIrql);
_IRQL_requires_max_(HIGH_LEVEL) _IRQL_raises_(NewIrql) _IRQL_saves_
NTKERNELAPI KIRQL KfRaiseIrql(_In_ KIRQL NewIrql);

#else

_IRQL_requires_max_(HIGH_LEVEL) CFORCEINLINE VOID
KzLowerIrql(_In_ _Notliteral_ _IRQL_restores_ KIRQL NewIrql) {
  WriteCR8(NewIrql);
}

_IRQL_requires_max_(HIGH_LEVEL) _IRQL_raises_(NewIrql) _IRQL_saves_
CFORCEINLINE KIRQL KzRaiseIrql(_In_ KIRQL NewIrql) {
  KIRQL OldIrql = KeGetCurrentIrql();
  WriteCR8(NewIrql);
  return OldIrql;
}

#define KeLowerIrql KzLowerIrql
#define KfRaiseIrql KzRaiseIrql

#endif /* _NTDDK_ */

#endif /* _AMD64_ */

/* ---- spin locks ---- */
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;
typedef struct _KLOCK_QUEUE_HANDLE {
  struct {
    PVOID Next;
    PKSPIN_LOCK Lock;
  } LockQueue;
  KIRQL OldIrql;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

NTKERNELAPI VOID NTAPI KeInitializeSpinLock(_Out_ PKSPIN_LOCK SpinLock);

#if defined(_X86_)

_Requires_lock_not_held_(*SpinLock) _Acquires_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL) NTKERNELAPI VOID FASTCALL
KefAcquireSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);
_Requires_lock_held_(*SpinLock) _Releases_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL) NTKERNELAPI VOID FASTCALL
KefReleaseSpinLockFromDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);
#define KeAcquireSpinLockAtDpcLevel(a) KefAcquireSpinLockAtDpcLevel(a)
#define KeReleaseSpinLockFromDpcLevel(a) KefReleaseSpinLockFromDpcLevel(a)

_Requires_lock_not_held_(*SpinLock) _Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_saves_ _IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL FASTCALL KfAcquireSpinLock(_Inout_ PKSPIN_LOCK SpinLock);
_Requires_lock_held_(*SpinLock) _Releases_lock_(*SpinLock)
_IRQL_requires_(DISPATCH_LEVEL) NTKERNELAPI VOID FASTCALL
KfReleaseSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                  _In_ _IRQL_restores_ KIRQL NewIrql);
#define KeAcquireSpinLock(a, b) *(b) = KfAcquireSpinLock(a)
#define KeReleaseSpinLock(a, b) KfReleaseSpinLock(a, b)

#else /* _AMD64_ */

#define KeAcquireSpinLock(SpinLock, OldIrql)                                   \
  *(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock)

_Requires_lock_not_held_(*SpinLock) _Acquires_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL) NTKERNELAPI VOID
KeAcquireSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);
_Requires_lock_not_held_(*SpinLock) _Acquires_lock_(*SpinLock)
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_saves_ _IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI KIRQL KeAcquireSpinLockRaiseToDpc(_Inout_ PKSPIN_LOCK SpinLock);
_Requires_lock_held_(*SpinLock) _Releases_lock_(*SpinLock)
_IRQL_requires_(DISPATCH_LEVEL) NTKERNELAPI VOID
KeReleaseSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                  _In_ _IRQL_restores_ KIRQL NewIrql);
_Requires_lock_held_(*SpinLock) _Releases_lock_(*SpinLock)
_IRQL_requires_min_(DISPATCH_LEVEL) NTKERNELAPI VOID
KeReleaseSpinLockFromDpcLevel(_Inout_ PKSPIN_LOCK SpinLock);

#endif /* _AMD64_ */

_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
NTKERNELAPI VOID FASTCALL
KeAcquireInStackQueuedSpinLock(_Inout_ PKSPIN_LOCK SpinLock,
                               _Out_ PKLOCK_QUEUE_HANDLE LockHandle);
_IRQL_requires_(DISPATCH_LEVEL) NTKERNELAPI VOID FASTCALL
KeReleaseInStackQueuedSpinLock(_In_ PKLOCK_QUEUE_HANDLE LockHandle);
_IRQL_requires_min_(DISPATCH_LEVEL) NTKERNELAPI VOID FASTCALL
KeAcquireInStackQueuedSpinLockAtDpcLevel(_Inout_ PKSPIN_LOCK SpinLock,
                                         _Out_ PKLOCK_QUEUE_HANDLE LockHandle);
_IRQL_requires_min_(DISPATCH_LEVEL) NTKERNELAPI VOID FASTCALL
KeReleaseInStackQueuedSpinLockFromDpcLevel(_In_ PKLOCK_QUEUE_HANDLE LockHandle);

/* ---- interlocked lists: Exf* fastcall functions on x86 ---- */
#if defined(_X86_)
NTKERNELAPI PLIST_ENTRY FASTCALL ExfInterlockedInsertHeadList(
    _Inout_ PLIST_ENTRY ListHead, _Inout_ __drv_aliasesMem PLIST_ENTRY ListEntry,
    _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PLIST_ENTRY FASTCALL ExfInterlockedInsertTailList(
    _Inout_ PLIST_ENTRY ListHead, _Inout_ __drv_aliasesMem PLIST_ENTRY ListEntry,
    _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PLIST_ENTRY FASTCALL ExfInterlockedRemoveHeadList(
    _Inout_ PLIST_ENTRY ListHead, _Inout_ PKSPIN_LOCK Lock);
#define ExInterlockedInsertHeadList ExfInterlockedInsertHeadList
#define ExInterlockedInsertTailList ExfInterlockedInsertTailList
#define ExInterlockedRemoveHeadList ExfInterlockedRemoveHeadList
#else
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedInsertHeadList(
    _Inout_ PLIST_ENTRY ListHead, _Inout_ __drv_aliasesMem PLIST_ENTRY ListEntry,
    _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedInsertTailList(
    _Inout_ PLIST_ENTRY ListHead, _Inout_ __drv_aliasesMem PLIST_ENTRY ListEntry,
    _Inout_ PKSPIN_LOCK Lock);
NTKERNELAPI PLIST_ENTRY FASTCALL ExInterlockedRemoveHeadList(
    _Inout_ PLIST_ENTRY ListHead, _Inout_ PKSPIN_LOCK Lock);
#endif

/* ---- DPCs and timers ---- */
struct _KDPC;
_Function_class_(KDEFERRED_ROUTINE) _IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_(DISPATCH_LEVEL)
_IRQL_requires_same_ typedef VOID KDEFERRED_ROUTINE(
    _In_ struct _KDPC *Dpc, _In_opt_ PVOID DeferredContext,
    _In_opt_ PVOID SystemArgument1, _In_opt_ PVOID SystemArgument2);
typedef KDEFERRED_ROUTINE *PKDEFERRED_ROUTINE;
typedef struct _KDPC {
  UCHAR Type;
  UCHAR Importance;
  USHORT Number;
  LIST_ENTRY DpcListEntry;
  PKDEFERRED_ROUTINE DeferredRoutine;
  PVOID DeferredContext;
  PVOID SystemArgument1;
  PVOID SystemArgument2;
  PVOID DpcData;
} KDPC, *PKDPC, *PRKDPC;
typedef struct _KTIMER {
  ULONGLONG DueTime;
  LIST_ENTRY TimerListEntry;
  PKDPC Dpc;
  LONG Period;
} KTIMER, *PKTIMER;

NTKERNELAPI VOID KeInitializeDpc(_Out_ __drv_aliasesMem PRKDPC Dpc,
                                 _In_ PKDEFERRED_ROUTINE DeferredRoutine,
                                 _In_opt_ __drv_aliasesMem PVOID DeferredContext);
NTKERNELAPI BOOLEAN KeInsertQueueDpc(_Inout_ PRKDPC Dpc,
                                     _In_opt_ PVOID SystemArgument1,
                                     _In_opt_ __drv_aliasesMem PVOID SystemArgument2);
_IRQL_requires_max_(DISPATCH_LEVEL) NTKERNELAPI BOOLEAN
KeSetTimer(_Inout_ PKTIMER Timer, _In_ LARGE_INTEGER DueTime,
           _In_opt_ PKDPC Dpc);
#if defined(_X86_)
NTKERNELAPI VOID KeQuerySystemTime(_Out_ PLARGE_INTEGER CurrentTime);
#endif

/* ---- drivers ---- */
typedef struct _DEVICE_OBJECT DEVICE_OBJECT, *PDEVICE_OBJECT;
typedef struct _DRIVER_OBJECT DRIVER_OBJECT, *PDRIVER_OBJECT;
_Function_class_(DRIVER_INITIALIZE) _IRQL_requires_same_
_IRQL_requires_(PASSIVE_LEVEL) typedef NTSTATUS DRIVER_INITIALIZE(_In_ struct _DRIVER_OBJECT *DriverObject,
                           _In_ PUNICODE_STRING RegistryPath);
typedef DRIVER_INITIALIZE *PDRIVER_INITIALIZE;

/* ---- pool and lookaside lists ---- */
typedef enum _POOL_TYPE {
  NonPagedPool,
  PagedPool,
  NonPagedPoolNx = 512
} POOL_TYPE;
typedef enum _EX_POOL_PRIORITY {
  LowPoolPriority,
  NormalPoolPriority = 16,
  HighPoolPriority = 32
} EX_POOL_PRIORITY;
NTKERNELAPI PVOID NTAPI ExAllocatePoolWithTag(_In_ POOL_TYPE PoolType,
                                              _In_ SIZE_T NumberOfBytes,
                                              _In_ ULONG Tag);
_IRQL_requires_max_(DISPATCH_LEVEL) NTKERNELAPI VOID
ExFreePool(_Pre_notnull_ __drv_freesMem(Mem) PVOID P);
_IRQL_requires_max_(DISPATCH_LEVEL) NTKERNELAPI VOID
ExFreePoolWithTag(_Pre_notnull_ __drv_freesMem(Mem) PVOID P, _In_ ULONG Tag);

typedef struct _SLIST_ENTRY {
  struct _SLIST_ENTRY *Next;
} SLIST_ENTRY, *PSLIST_ENTRY;
typedef union _SLIST_HEADER {
  ULONGLONG Alignment;
  struct {
    SLIST_ENTRY Next;
    USHORT Depth;
    USHORT Sequence;
  } s;
} SLIST_HEADER, *PSLIST_HEADER;
NTKERNELAPI USHORT NTAPI ExQueryDepthSList(_In_ PSLIST_HEADER SListHead);
NTKERNELAPI PSLIST_ENTRY NTAPI InterlockedPopEntrySList(
    _Inout_ PSLIST_HEADER ListHead);
NTKERNELAPI PSLIST_ENTRY NTAPI InterlockedPushEntrySList(
    _Inout_ PSLIST_HEADER ListHead, _Inout_ __drv_aliasesMem PSLIST_ENTRY ListEntry);

typedef PVOID ALLOCATE_FUNCTION(_In_ POOL_TYPE PoolType,
                                _In_ SIZE_T NumberOfBytes, _In_ ULONG Tag);
typedef ALLOCATE_FUNCTION *PALLOCATE_FUNCTION;
typedef VOID FREE_FUNCTION(_In_ PVOID Buffer);
typedef FREE_FUNCTION *PFREE_FUNCTION;
typedef struct _GENERAL_LOOKASIDE {
  SLIST_HEADER ListHead;
  USHORT Depth;
  USHORT MaximumDepth;
  ULONG TotalAllocates;
  ULONG AllocateMisses;
  ULONG TotalFrees;
  ULONG FreeMisses;
  POOL_TYPE Type;
  ULONG Tag;
  ULONG Size;
  PALLOCATE_FUNCTION Allocate;
  PFREE_FUNCTION Free;
  LIST_ENTRY ListEntry;
} GENERAL_LOOKASIDE;
typedef struct _NPAGED_LOOKASIDE_LIST {
  GENERAL_LOOKASIDE L;
#if defined(_X86_)
  KSPIN_LOCK Lock__ObsoleteButDoNotDelete;
#endif
} NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;

_IRQL_requires_max_(DISPATCH_LEVEL) NTKERNELAPI VOID
ExInitializeNPagedLookasideList(_Out_ PNPAGED_LOOKASIDE_LIST Lookaside,
                                _In_opt_ PALLOCATE_FUNCTION Allocate,
                                _In_opt_ PFREE_FUNCTION Free, _In_ ULONG Flags,
                                _In_ SIZE_T Size, _In_ ULONG Tag,
                                _In_ USHORT Depth);
_IRQL_requires_max_(DISPATCH_LEVEL) NTKERNELAPI VOID
ExDeleteNPagedLookasideList(_Inout_ PNPAGED_LOOKASIDE_LIST Lookaside);

_IRQL_requires_max_(DISPATCH_LEVEL) __inline PVOID
ExAllocateFromNPagedLookasideList(_Inout_ PNPAGED_LOOKASIDE_LIST Lookaside) {
  PVOID Entry;
  Lookaside->L.TotalAllocates += 1;
  Entry = InterlockedPopEntrySList(&Lookaside->L.ListHead);
  if (Entry == NULL) {
    Lookaside->L.AllocateMisses += 1;
    Entry = (Lookaside->L.Allocate)(Lookaside->L.Type, Lookaside->L.Size,
                                    Lookaside->L.Tag);
  }
  return Entry;
}

_IRQL_requires_max_(DISPATCH_LEVEL) __inline VOID
ExFreeToNPagedLookasideList(_Inout_ PNPAGED_LOOKASIDE_LIST Lookaside,
                            _In_ __drv_freesMem(Mem) PVOID Entry) {
  Lookaside->L.TotalFrees += 1;
  if (ExQueryDepthSList(&Lookaside->L.ListHead) >= Lookaside->L.Depth) {
    Lookaside->L.FreeMisses += 1;
    (Lookaside->L.Free)(Entry);
  } else {
    InterlockedPushEntrySList(&Lookaside->L.ListHead, (PSLIST_ENTRY)Entry);
  }
}

/* ---- debugging ---- */
ULONG __cdecl DbgPrint(_In_ PCSTR Format, ...);
ULONG __cdecl DbgPrintEx(_In_ ULONG ComponentId, _In_ ULONG Level,
                         _In_ PCSTR Format, ...);
#if DBG
#define KdPrint(_x_) DbgPrint _x_
#define ASSERT(exp) ((!(exp)) ? (DbgPrint("assertion failed: %s\n", #exp), FALSE) : TRUE)
#else
#define KdPrint(_x_)
#define ASSERT(exp) ((void)0)
#endif

EXTERN_C_END

#endif /* _WDMDDK_ */
