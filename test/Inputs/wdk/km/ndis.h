/*
 * ndis.h - condis-check's WDK-shaped simulator (test/Inputs/wdk, see
 * README.md there) of the kit's km/ndis.h, NDIS 6.x:
 *
 *   - the driver picks its NDIS contract as with the kit, NDIS630 (or
 *     another NDISxxx) for a protocol driver, NDIS_MINIPORT_DRIVER with
 *     NDIS630_MINIPORT for a miniport, and the header checks the choice
 *     with NDIS_API_VERSION_AVAILABLE, which pastes 0x onto its arguments
 *     and is called with the version macros' names: exactly the line
 *     clang cannot take without the tools' mend;
 *   - the spin-lock, IRQL, interlocked and memory routines are the kit's
 *     macros over the kernel routines of wdm.h (NdisDprAcquireSpinLock a
 *     braced statement), NdisAllocateSpinLock an inline function;
 *   - the CoNDIS functions, handler role types and registration
 *     structures are test/Inputs/ndis.h's, which this header shares.
 */
#if !defined(_NDIS_)
#define _NDIS_
#pragma clang system_header

#if !defined(NDIS_WDM)
#define NDIS_WDM 0
#endif

#include <ntddk.h>

EXTERN_C_START

#define NDIS_NT 1

#include <ntstatus.h>
#include <driverspecs.h>

/* ---- the NDIS contract the driver is built for ---- */
#if defined(_M_IX86) || defined(_M_AMD64)
#define NDIS_MIN_API 0x400
#else
#define NDIS_MIN_API 0x630
#endif
#define NDIS_API_VERSION_AVAILABLE(major,minor) ((((0x ## major) << 8) + (0x ## minor)) >= NDIS_MIN_API)

#if defined(NDIS_MINIPORT_MAJOR_VERSION) ||                                    \
    defined(NDIS_MINIPORT_MINOR_VERSION) ||                                    \
    defined(NDIS_PROTOCOL_MAJOR_VERSION) ||                                    \
    defined(NDIS_PROTOCOL_MINOR_VERSION) ||                                    \
    defined(NDIS_FILTER_MAJOR_VERSION) || defined(NDIS_FILTER_MINOR_VERSION)
#error NDIS: the NDIS_*_VERSION macros are the header's to define
#endif

#if defined(NDIS_MINIPORT_DRIVER)
#if defined(NDIS680_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 6
#define NDIS_MINIPORT_MINOR_VERSION 80
#elif defined(NDIS640_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 6
#define NDIS_MINIPORT_MINOR_VERSION 40
#elif defined(NDIS630_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 6
#define NDIS_MINIPORT_MINOR_VERSION 30
#elif defined(NDIS620_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 6
#define NDIS_MINIPORT_MINOR_VERSION 20
#elif defined(NDIS60_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 6
#define NDIS_MINIPORT_MINOR_VERSION 0
#else
#error NDIS: a miniport defines NDISxxx_MINIPORT (NDIS630_MINIPORT, ...)
#endif
#if !NDIS_API_VERSION_AVAILABLE(NDIS_MINIPORT_MAJOR_VERSION, NDIS_MINIPORT_MINOR_VERSION)
#error NDIS: this NDIS version is not available on the target architecture
#endif
#endif /* NDIS_MINIPORT_DRIVER */

#if defined(NDIS680)
#define NDIS_PROTOCOL_MAJOR_VERSION 6
#define NDIS_PROTOCOL_MINOR_VERSION 80
#define NDIS_FILTER_MAJOR_VERSION 6
#define NDIS_FILTER_MINOR_VERSION 80
#elif defined(NDIS640)
#define NDIS_PROTOCOL_MAJOR_VERSION 6
#define NDIS_PROTOCOL_MINOR_VERSION 40
#define NDIS_FILTER_MAJOR_VERSION 6
#define NDIS_FILTER_MINOR_VERSION 40
#elif defined(NDIS630)
#define NDIS_PROTOCOL_MAJOR_VERSION 6
#define NDIS_PROTOCOL_MINOR_VERSION 30
#define NDIS_FILTER_MAJOR_VERSION 6
#define NDIS_FILTER_MINOR_VERSION 30
#elif defined(NDIS620)
#define NDIS_PROTOCOL_MAJOR_VERSION 6
#define NDIS_PROTOCOL_MINOR_VERSION 20
#define NDIS_FILTER_MAJOR_VERSION 6
#define NDIS_FILTER_MINOR_VERSION 20
#elif defined(NDIS60)
#define NDIS_PROTOCOL_MAJOR_VERSION 6
#define NDIS_PROTOCOL_MINOR_VERSION 0
#define NDIS_FILTER_MAJOR_VERSION 6
#define NDIS_FILTER_MINOR_VERSION 0
#endif

#if !defined(NDIS_MINIPORT_DRIVER) && !defined(NDIS_PROTOCOL_MAJOR_VERSION)
/* Neither: an NDIS 4.0 protocol driver, for compatibility. */
#define NDIS40
#define NDIS_PROTOCOL_MAJOR_VERSION 4
#define NDIS_PROTOCOL_MINOR_VERSION 0
#endif

#if defined(NDIS_FILTER_MAJOR_VERSION)
#if !NDIS_API_VERSION_AVAILABLE(NDIS_FILTER_MAJOR_VERSION, NDIS_FILTER_MINOR_VERSION)
#error NDIS: this NDIS version is not available on the target architecture
#endif
#endif

#if defined(NDIS_PROTOCOL_MAJOR_VERSION)
#if !NDIS_API_VERSION_AVAILABLE(NDIS_PROTOCOL_MAJOR_VERSION, NDIS_PROTOCOL_MINOR_VERSION)
#error NDIS: this NDIS version is not available on the target architecture
#endif
#endif

#if (defined(NDIS_MINIPORT_MAJOR_VERSION) && NDIS_MINIPORT_MAJOR_VERSION >= 6) || \
    (defined(NDIS_PROTOCOL_MAJOR_VERSION) && NDIS_PROTOCOL_MAJOR_VERSION >= 6)
#define NDIS_SUPPORT_NDIS6 1
#endif

/* ---- the NDIS declarations shared with condis-check's other simulator ---- */
#include "../../ndis.h"

/* ---- memory: the run-time library's routines ---- */
#define NdisMoveMemory(Destination, Source, Length) RtlCopyMemory(Destination, Source, Length)
#define NdisZeroMemory(Destination, Length) RtlZeroMemory(Destination, Length)

#define NdisDeleteNPagedLookasideList(_L) ExDeleteNPagedLookasideList(_L)
#define NdisAllocateFromNPagedLookasideList(_L) ExAllocateFromNPagedLookasideList(_L)
#define NdisFreeToNPagedLookasideList(_L, _E) ExFreeToNPagedLookasideList(_L, _E)

_IRQL_requires_max_(DISPATCH_LEVEL) FORCEINLINE VOID
NdisInitializeNPagedLookasideList(_Out_ PNPAGED_LOOKASIDE_LIST Lookaside,
                                  _In_opt_ PALLOCATE_FUNCTION Allocate,
                                  _In_opt_ PFREE_FUNCTION Free, _In_ ULONG Flags,
                                  _In_ SIZE_T Size, _In_ ULONG Tag,
                                  _In_ USHORT Depth) {
  ExInitializeNPagedLookasideList(Lookaside, Allocate, Free, Flags, Size, Tag,
                                  Depth);
}

/* ---- spin locks: the kernel's, with the old IRQL kept in the lock ---- */
_IRQL_requires_max_(HIGH_LEVEL) VOID __inline
NdisAllocateSpinLock(_Out_ PNDIS_SPIN_LOCK SpinLock) {
  KeInitializeSpinLock(&SpinLock->SpinLock);
}

_IRQL_requires_max_(HIGH_LEVEL) VOID __inline
NdisFreeSpinLock(_In_ PNDIS_SPIN_LOCK SpinLock) {
  UNREFERENCED_PARAMETER(SpinLock);
}

#define NdisAcquireSpinLock(_SpinLock) KeAcquireSpinLock(&(_SpinLock)->SpinLock, &(_SpinLock)->OldIrql)
#define NdisReleaseSpinLock(_SpinLock) KeReleaseSpinLock(&(_SpinLock)->SpinLock, (_SpinLock)->OldIrql)
#define NdisDprAcquireSpinLock(_SpinLock)                                      \
  {                                                                            \
    KeAcquireSpinLockAtDpcLevel(&(_SpinLock)->SpinLock);                       \
  }
#define NdisDprReleaseSpinLock(_SpinLock) KeReleaseSpinLockFromDpcLevel(&(_SpinLock)->SpinLock)

/* ---- interlocked operations ---- */
#define NdisInterlockedIncrement(Addend) InterlockedIncrement(Addend)
#define NdisInterlockedDecrement(Addend) InterlockedDecrement(Addend)
#define NdisInterlockedInsertHeadList(_ListHead, _ListEntry, _SpinLock)        \
  ExInterlockedInsertHeadList(_ListHead, _ListEntry, &(_SpinLock)->SpinLock)
#define NdisInterlockedInsertTailList(_ListHead, _ListEntry, _SpinLock)        \
  ExInterlockedInsertTailList(_ListHead, _ListEntry, &(_SpinLock)->SpinLock)
#define NdisInterlockedRemoveHeadList(_ListHead, _SpinLock)                    \
  ExInterlockedRemoveHeadList(_ListHead, &(_SpinLock)->SpinLock)

/* ---- the IRQL ---- */
#define NDIS_CURRENT_IRQL() KeGetCurrentIrql()
#define NDIS_RAISE_IRQL_TO_DISPATCH(_pIrql_) KeRaiseIrql(DISPATCH_LEVEL, _pIrql_)
#define NDIS_LOWER_IRQL(_OldIrql_, _CurIrql_)                                  \
  {                                                                            \
    if (_OldIrql_ != _CurIrql_)                                                \
      KeLowerIrql(_OldIrql_);                                                  \
  }

/* ---- time ---- */
#define NdisGetCurrentSystemTime(_pSystemTime)                                 \
  {                                                                            \
    KeQuerySystemTime(_pSystemTime);                                           \
  }

EXTERN_C_END

#endif /* _NDIS_ */
