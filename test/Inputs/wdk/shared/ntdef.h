/*
 * ntdef.h - condis-check's WDK-shaped simulator (test/Inputs/wdk): the basic
 * NT types and the compiler glue of the kit's shared/ntdef.h (with what
 * basetsd.h adds), for x64 (_AMD64_) and x86 (_X86_). On x86 the kit
 * implements the 64-bit shift helpers as inline functions in MS-style
 * inline assembly, which an x86 build parses whether it calls them or not.
 */
#ifndef _NTDEF_
#define _NTDEF_
#pragma clang system_header

#include <sal.h>
#include <kernelspecs.h>

#if !defined(_AMD64_) && !defined(_X86_)
#error Must define a target architecture (_AMD64_ or _X86_).
#endif

#ifdef __cplusplus
#define EXTERN_C extern "C"
#define EXTERN_C_START extern "C" {
#define EXTERN_C_END }
#else
#define EXTERN_C extern
#define EXTERN_C_START
#define EXTERN_C_END
#endif

#ifndef NULL
#define NULL ((void *)0)
#endif
#define TRUE 1
#define FALSE 0
#define IN
#define OUT
#define OPTIONAL
#define CONST const

#if (_MSC_VER >= 1200)
#define FORCEINLINE __forceinline
#else
#define FORCEINLINE __inline
#endif
#define CFORCEINLINE FORCEINLINE
#if (_MSC_VER >= 1200)
#define DECLSPEC_NORETURN __declspec(noreturn)
#else
#define DECLSPEC_NORETURN
#endif
#define DECLSPEC_IMPORT __declspec(dllimport)

#if defined(_X86_)
#define NTAPI __stdcall
#define FASTCALL __fastcall
#else
#define NTAPI
#define FASTCALL
#endif

#define VOID void
typedef char CHAR, *PCHAR;
typedef short SHORT;
typedef long LONG, *PLONG;
typedef int INT;
typedef unsigned char UCHAR, *PUCHAR;
typedef unsigned short USHORT, *PUSHORT;
typedef unsigned long ULONG, *PULONG;
typedef unsigned int UINT, *PUINT;
typedef __int64 LONGLONG, *PLONGLONG;
typedef unsigned __int64 ULONGLONG, *PULONGLONG;
typedef unsigned __int64 ULONG64, *PULONG64;
typedef void *PVOID;
typedef PVOID HANDLE;
typedef unsigned short WCHAR, *PWCHAR, *PWSTR;
typedef const char *PCSTR;
typedef UCHAR BOOLEAN, *PBOOLEAN;
#if defined(_WIN64)
typedef __int64 LONG_PTR;
typedef unsigned __int64 ULONG_PTR, *PULONG_PTR;
#else
typedef long LONG_PTR;
typedef unsigned long ULONG_PTR, *PULONG_PTR;
#endif
typedef ULONG_PTR SIZE_T;

typedef _Return_type_success_(return >= 0) LONG NTSTATUS;
#define NT_SUCCESS(Status) (((NTSTATUS)(Status)) >= 0)

typedef union _LARGE_INTEGER {
  struct {
    ULONG LowPart;
    LONG HighPart;
  } u;
  LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef struct _UNICODE_STRING {
  USHORT Length;
  USHORT MaximumLength;
  PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

typedef struct _LIST_ENTRY {
  struct _LIST_ENTRY *Flink;
  struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY, *PRLIST_ENTRY;
typedef struct _SINGLE_LIST_ENTRY {
  struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

#define FIELD_OFFSET(type, field) ((LONG)__builtin_offsetof(type, field))
#define CONTAINING_RECORD(address, type, field)                                \
  ((type *)((PCHAR)(address) - (ULONG_PTR)(&((type *)0)->field)))

typedef UCHAR KIRQL, *PKIRQL;

#define UNREFERENCED_PARAMETER(P) (P)

/* 64-bit shifts: plain expressions on x64, inline assembly on x86. */
#if defined(_M_IX86)
ULONGLONG NTAPI Int64ShllMod32(ULONGLONG Value, ULONG ShiftCount);
__inline ULONGLONG NTAPI Int64ShllMod32(ULONGLONG Value, ULONG ShiftCount) {
  __asm {
    mov ecx, ShiftCount
    mov eax, dword ptr [Value]
    mov edx, dword ptr [Value+4]
    shld edx, eax, cl
    shl eax, cl
  }
}
#else
#define Int64ShllMod32(a, b) (((ULONGLONG)(a)) << (b))
#endif

#endif /* _NTDEF_ */
