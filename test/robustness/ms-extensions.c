// Microsoft extensions a driver source uses: __declspec, __int64, __forceinline,
// __stdcall, __pragma, SEH __try/__except/__finally and __leave. SEH needs a
// Windows target, so this file is analysed for x86_64-pc-windows-msvc only.
// The checker must not crash, and finds the drop-party bugs inside them.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc \
// RUN:   -fms-extensions -fms-compatibility -fasync-exceptions

#include "cm-party.h"

typedef unsigned __int64 PARTY_COOKIE;

__declspec(noinline) static VOID __stdcall CmLogCookie(PARTY_COOKIE Cookie) {
  (void)Cookie;
}

__declspec(selectany) PCM_PARTY LastParty = NULL;

static __forceinline VOID CmCompleteInline(PCM_PARTY Party, NDIS_STATUS Status) {
  NdisCmDropPartyComplete(Status, Party->NdisPartyHandle);
}

PROTOCOL_CM_DROP_PARTY sehPendingWithoutHandOff01;
NDIS_STATUS sehPendingWithoutHandOff01(NDIS_HANDLE CallMgrPartyContext,
                                       PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  __try {
    CmLogCookie((PARTY_COOKIE)(ULONG_PTR)Party);
  } __except (1) {
    return NDIS_STATUS_FAILURE;
  }
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

VOID sehExceptDoubleCompletion02(PCM_PARTY Party) {
  __try {
    CmCompleteInline(Party, NDIS_STATUS_FAILURE);
  } __except (1) {
    Party->Flags = 2;
  }
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{completed a second time}}
}

VOID sehFinallyDoubleCompletionCurrentlyFalseNegative06(PCM_PARTY Party) {
  // clang 22 builds no CFG for a function holding __finally, so the
  // analyzer skips the whole function.
  __try {
    CmCompleteInline(Party, NDIS_STATUS_FAILURE);
  } __finally {
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // no-warning
  }
}

PROTOCOL_CM_DROP_PARTY sehLeaveCompletedDespiteSync03;
NDIS_STATUS sehLeaveCompletedDespiteSync03(NDIS_HANDLE CallMgrPartyContext,
                                           PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  __try {
    CmCompleteInline(Party, NDIS_STATUS_SUCCESS);
    if (Size == 0)
      __leave;
    Party->Flags = 1;
  } __except (1) {
    Party->Flags = 2;
  }
  return NDIS_STATUS_SUCCESS; // expected-warning{{completed the drop and then returns a final status}}
}

PROTOCOL_CM_DROP_PARTY noWarnSehHandOff04;
NDIS_STATUS noWarnSehHandOff04(NDIS_HANDLE CallMgrPartyContext,
                               PVOID CloseData, UINT Size) {
  __try {
    LastParty = (PCM_PARTY)CallMgrPartyContext;
  } __except (1) {
    return NDIS_STATUS_RESOURCES;
  }
  __pragma(warning(suppress : 4127)) return NDIS_STATUS_PENDING; // no-warning
}

VOID msInt64UseAfterDrop05(PCM_PARTY Party) {
  __int64 Before = (__int64)Party->Flags;
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  if (Before >= 0)
    NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // expected-warning{{after the drop completed with NDIS_STATUS_SUCCESS}}
}
