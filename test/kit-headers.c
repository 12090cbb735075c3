// The kit file system under the plugin (checker/KitFileSystem.h): a header
// included with another case than its file name is found, as on Windows,
// and ndis.h's NDIS_API_VERSION_AVAILABLE, which clang rejects as the WDK
// writes it, is served mended (rules/headers.def) with the value MSVC gives.
//
// Plain clang stops at the first of the two.
// RUN: not %clang_cc1 -fsyntax-only -I %condis_inputs/kit/km \
// RUN:   -I %condis_inputs/kit/shared -DNDIS630_MINIPORT %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLAIN
// PLAIN: fatal error: 'KitSpecs.h' file not found
// With KitSpecs.h copied under the name asked for, it stops at the paste.
// RUN: rm -rf %t.spelled && mkdir -p %t.spelled
// RUN: cp %condis_inputs/kit/shared/kitspecs.h %t.spelled/KitSpecs.h
// RUN: not %clang_cc1 -fsyntax-only -I %condis_inputs/kit/km \
// RUN:   -I %condis_inputs/kit/shared -I %t.spelled -DNDIS630_MINIPORT %s \
// RUN:   -DSPELLED 2>&1 | FileCheck %s --check-prefix=PASTE
// PASTE: error: invalid suffix 'xNDIS_MINIPORT_MAJOR_VERSION' on integer constant
//
// With the plugin, for the host and both Windows targets:
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -I %condis_inputs/kit/km -I %condis_inputs/kit/shared \
// RUN:   -DNDIS630_MINIPORT -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -I %condis_inputs/kit/km -I %condis_inputs/kit/shared \
// RUN:   -DNDIS630_MINIPORT -verify %s -triple x86_64-pc-windows-msvc \
// RUN:   -fms-extensions -fms-compatibility
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -I %condis_inputs/kit/km -I %condis_inputs/kit/shared \
// RUN:   -DNDIS630_MINIPORT -verify %s -triple i686-pc-windows-msvc \
// RUN:   -fms-extensions -fms-compatibility
//
// The mended line keeps the header's CRLF line ends and line numbers.
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -I %condis_inputs/kit/km -I %condis_inputs/kit/shared \
// RUN:   -DNDIS630_MINIPORT -DCRLF -I %condis_inputs/kit -verify %s
//
// The NDIS 5 DDK's ntddk.h: intrinsic declarations whose types differ from
// clang's builtins (x86 and x64) and an __asm operand of unknown size (x86).
// RUN: not %clang_cc1 -fsyntax-only -triple i686-pc-windows-msvc \
// RUN:   -fms-extensions -fms-compatibility -D_X86_ -I %condis_inputs/kit \
// RUN:   -DDDK %s 2>&1 | FileCheck %s --check-prefix=DDK86
// DDK86: error: conflicting types for '_InterlockedXor'
// RUN: not %clang_cc1 -fsyntax-only -triple x86_64-pc-windows-msvc \
// RUN:   -fms-extensions -fms-compatibility -D_AMD64_ -I %condis_inputs/kit \
// RUN:   -DDDK %s 2>&1 | FileCheck %s --check-prefix=DDK64
// DDK64: error: conflicting types for '_interlockedbittestandset'
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -I %condis_inputs/kit/km -I %condis_inputs/kit/shared -I %condis_inputs/kit \
// RUN:   -DNDIS630_MINIPORT -DDDK -verify %s -triple i686-pc-windows-msvc \
// RUN:   -fms-extensions -fms-compatibility -D_X86_
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -I %condis_inputs/kit/km -I %condis_inputs/kit/shared -I %condis_inputs/kit \
// RUN:   -DNDIS630_MINIPORT -DDDK -verify %s -triple x86_64-pc-windows-msvc \
// RUN:   -fms-extensions -fms-compatibility -D_AMD64_
//
// The mended macro has the kit's value: NDIS 5.1 is below NDIS_MIN_API here,
// so ndis.h's own #error fires (without the mend the #if is an error).
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -I %condis_inputs/kit/km -I %condis_inputs/kit/shared \
// RUN:   -DNDIS51_MINIPORT %s 2>&1 | FileCheck %s --check-prefix=NDIS51
// NDIS51: error: NDIS: This NDIS API version is not supported on the target architecture.
//
// -plugin-arg-condis-kit off leaves clang's file system alone; a wrong
// argument is an error naming the plugin and the accepted value.
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -plugin-arg-condis-kit off -I %condis_inputs/kit/km \
// RUN:   -I %condis_inputs/kit/shared -DNDIS630_MINIPORT %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLAIN
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core \
// RUN:   -plugin-arg-condis-kit on -I %condis_inputs/kit/km \
// RUN:   -I %condis_inputs/kit/shared -DNDIS630_MINIPORT %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADARG
// BADARG: error: invalid argument 'on' for plugin 'condis-kit': the accepted value is 'off'


#ifdef DDK
#include <ddk/ntddk.h>
#endif
#include <ndis.h>

_Static_assert(KIT_SPECS_SEEN == 1, "kitspecs.h is read as <KitSpecs.h>");
_Static_assert(NDIS_API_VERSION_AVAILABLE(6, 30), "6.30 is 0x630");
_Static_assert(!NDIS_API_VERSION_AVAILABLE(6, 20), "6.20 is 0x620");
_Static_assert(NDIS_API_VERSION_AVAILABLE(6, 82), "6.82 is 0x682");
_Static_assert(!NDIS_API_VERSION_AVAILABLE(5, 1), "5.1 is 0x501");
_Static_assert(NDIS_API_VERSION_AVAILABLE(NDIS_MINIPORT_MAJOR_VERSION,
                                          NDIS_MINIPORT_MINOR_VERSION),
               "macro arguments are expanded, as MSVC does");

#ifdef CRLF
#include <crlf/ndis.h>
_Static_assert(NDIS_API_VERSION_AVAILABLE(NDIS_MINIPORT_MAJOR_VERSION,
                                          NDIS_MINIPORT_MINOR_VERSION),
               "the CRLF header's line is mended too");
#endif

// The analysis runs on the driver code after the headers.
int kitDivideByZero01(int Legs) {
  if (Legs)
    return 0;
  return 100 / Legs; // expected-warning{{Division by zero}}
}
