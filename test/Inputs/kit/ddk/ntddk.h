/*
 * ntddk.h - the lines of the Windows Server 2003 DDK's ntddk.h (wxp for x86,
 * wnet for x64) that clang rejects, in the DDK's own layout: intrinsic
 * declarations whose types differ from clang's builtins, and an __asm
 * operand whose size only MSVC knows. rules/headers.def mends them;
 * test/kit-headers.c reads the result.
 */
#pragma clang system_header

#define IN
#define OUT
#define VOID void
typedef long LONG;
typedef long long LONG64;
typedef unsigned char BOOLEAN;
typedef unsigned long ULONG;

#if defined(_X86_)

LONG
_InterlockedXor (
    IN OUT LONG volatile Target,
    IN LONG Set
    );

#pragma intrinsic (_InterlockedXor)

#define _PCR fs:[0]
typedef struct _KPCR {
  char Reserved[0x51];
  char Number;
} KPCR;

static __inline
ULONG
KeGetCurrentProcessorNumber(VOID)
{
    __asm {  movzx eax, _PCR KPCR.Number  }
}

#endif

#if defined(_AMD64_)

BOOLEAN
_interlockedbittestandset (
    IN LONG *Base,
    IN LONG Offset
    );

BOOLEAN
_interlockedbittestandreset (
    IN LONG *Base,
    IN LONG Offset
    );

BOOLEAN
_bittestandset64 (
    IN LONG64 *Base,
    IN LONG64 Offset
    );

BOOLEAN
_interlockedbittestandset64 (
    IN LONG64 *Base,
    IN LONG64 Offset
    );

BOOLEAN
_interlockedbittestandreset64 (
    IN LONG64 *Base,
    IN LONG64 Offset
    );

#endif
