/*
 * ddk5/ntdef.h - condis-check's simulator of the NT base types an NDIS 5
 * driver sees, shaped like the Windows Server 2003 DDK (3790): no SAL (the
 * DDK spells parameters IN, OUT, OPTIONAL), the architecture chosen by the
 * build's _X86_ or _AMD64_ define. Declarations only, written for the tests;
 * shared by ddk5/ntddk.h and the self-contained part of ddk5/ndis.h.
 */
#ifndef CONDIS_DDK5_NTDEF_H
#define CONDIS_DDK5_NTDEF_H
#pragma clang system_header

#if !defined(_X86_) && !defined(_AMD64_)
#error "ddk5: define _X86_ or _AMD64_, as the DDK build environment does"
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define IN
#define OUT
#define OPTIONAL
#define VOID void
#define CONST const
#ifndef NULL
#define NULL ((void *)0)
#endif
#define TRUE 1
#define FALSE 0

#define DECLSPEC_IMPORT __declspec(dllimport)
#define NTKERNELAPI DECLSPEC_IMPORT
#if defined(_X86_)
#define NTAPI __stdcall
#define FASTCALL __fastcall
#else
#define NTAPI
#define FASTCALL
#endif
#define FORCEINLINE __forceinline

typedef void *PVOID, **PPVOID;
typedef char CHAR, *PCHAR;
typedef unsigned char UCHAR, *PUCHAR;
typedef short SHORT, *PSHORT;
typedef unsigned short USHORT, *PUSHORT;
typedef unsigned short WCHAR, *PWCHAR, *PWSTR;
typedef int INT, *PINT;
typedef unsigned int UINT, *PUINT;
typedef long LONG, *PLONG;
typedef unsigned long ULONG, *PULONG;
typedef __int64 LONGLONG;
typedef unsigned __int64 ULONGLONG;
typedef UCHAR BOOLEAN, *PBOOLEAN;
typedef LONG NTSTATUS;
#if defined(_AMD64_)
typedef __int64 LONG_PTR;
typedef unsigned __int64 ULONG_PTR;
#else
typedef long LONG_PTR;
typedef unsigned long ULONG_PTR;
#endif
typedef ULONG_PTR SIZE_T, *PULONG_PTR;

typedef union _LARGE_INTEGER {
  struct {
    ULONG LowPart;
    LONG HighPart;
  };
  LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;
typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;

typedef struct _UNICODE_STRING {
  USHORT Length;
  USHORT MaximumLength;
  PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;

typedef struct _LIST_ENTRY {
  struct _LIST_ENTRY *Flink;
  struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY;

#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_PENDING ((NTSTATUS)0x00000103L)
#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001L)
#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)

typedef UCHAR KIRQL, *PKIRQL;
#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define HIGH_LEVEL 31

typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;

/* Kernel objects: opaque to a driver, sized so they can be embedded. */
typedef struct _KDPC {
  UCHAR Type;
  UCHAR Importance;
  USHORT Number;
  LIST_ENTRY DpcListEntry;
  PVOID DeferredRoutine;
  PVOID DeferredContext;
  PVOID SystemArgument1;
  PVOID SystemArgument2;
  PVOID DpcData;
} KDPC, *PKDPC;
typedef struct _DISPATCHER_HEADER {
  LONG Lock;
  LONG SignalState;
  LIST_ENTRY WaitListHead;
} DISPATCHER_HEADER;
typedef struct _KTIMER {
  DISPATCHER_HEADER Header;
  ULONGLONG DueTime;
  LIST_ENTRY TimerListEntry;
  PKDPC Dpc;
  LONG Period;
} KTIMER, *PKTIMER;
typedef struct _KEVENT {
  DISPATCHER_HEADER Header;
} KEVENT, *PKEVENT;
typedef struct _KINTERRUPT *PKINTERRUPT;
typedef struct _DRIVER_OBJECT *PDRIVER_OBJECT;
typedef struct _DEVICE_OBJECT *PDEVICE_OBJECT;

#define FIELD_OFFSET(type, field) ((LONG)(LONG_PTR) & (((type *)0)->field))
#define CONTAINING_RECORD(address, type, field)                                \
  ((type *)((PCHAR)(address) - (ULONG_PTR)(&((type *)0)->field)))

#ifdef __cplusplus
}
#endif

#endif
