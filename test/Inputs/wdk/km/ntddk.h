/*
 * ntddk.h - condis-check's WDK-shaped simulator (test/Inputs/wdk): like the
 * kit's km/ntddk.h it marks the build as an NT driver (_NTDDK_), which
 * makes wdm.h declare KeLowerIrql and KfRaiseIrql as exported functions on
 * x64, and brings in wdm.h and the basic NT headers.
 */
#ifndef _NTDDK_
#define _NTDDK_
#define _NTDDK_INCLUDED_
#pragma clang system_header

#include <wdm.h>
#include <ntdef.h>
#include <ntstatus.h>

#endif /* _NTDDK_ */
