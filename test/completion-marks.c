// condis.Completion: a handler that pends may leave its request marked in a
// field (Af->Flags |= AF_CLOSING) for another function of the driver, which
// tests that field and completes the request (the last NdisCoDeleteVc of a
// closing AF, a work item that looks for offered calls). Such a mark hands
// the request off. A mark nobody completes from, or a field only the
// handler itself tests, does not.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.Completion \
// RUN:   %wdk_x86 -DNDIS630=1 -verify %s

#include <ndis.h>

#define MARK_AF_CLOSING 0x1
#define MARK_CALL_OFFERED 0x2
#define MARK_ADAPTER_AF_CLOSING 0x4
#define MARK_LOGGED 0x8

typedef struct _MARK_ADAPTER {
  ULONG Flags;
  NDIS_HANDLE WorkItem;
  LIST_ENTRY Vcs;
} MARK_ADAPTER, *PMARK_ADAPTER;

typedef struct _MARK_AF {
  NDIS_HANDLE NdisAfHandle;
  PMARK_ADAPTER Adapter;
  ULONG Flags;
  ULONG VcCount;
  ULONG Traced;
  ULONG OtherFlags;
} MARK_AF, *PMARK_AF;

typedef struct _MARK_VC {
  LIST_ENTRY Link;
  NDIS_HANDLE NdisVcHandle;
  PMARK_AF Af;
  ULONG Flags;
  ULONG SelfTested;
  PCO_CALL_PARAMETERS CallParameters;
} MARK_VC, *PMARK_VC;

extern MARK_ADAPTER TheAdapter;
VOID MarkTrace(ULONG Value);

// ---- the last VC of a closing AF completes the close -----------------------

PROTOCOL_CO_DELETE_VC markDeleteVc;
NDIS_STATUS markDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  PMARK_VC Vc = (PMARK_VC)ProtocolVcContext;
  PMARK_AF Af = Vc->Af;
  if (--Af->VcCount == 0 && (Af->Flags & MARK_AF_CLOSING))
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_CLOSE_AF closeAfMarked01;
NDIS_STATUS closeAfMarked01(NDIS_HANDLE CallMgrAfContext) {
  PMARK_AF Af = (PMARK_AF)CallMgrAfContext;
  if (Af->VcCount == 0) {
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
    return NDIS_STATUS_PENDING; // no-warning
  }
  Af->Flags |= MARK_AF_CLOSING;
  return NDIS_STATUS_PENDING; // no-warning: markDeleteVc completes it
}

PROTOCOL_CM_CLOSE_AF closeAfUnmarkedPath02;
NDIS_STATUS closeAfUnmarkedPath02(NDIS_HANDLE CallMgrAfContext) {
  PMARK_AF Af = (PMARK_AF)CallMgrAfContext;
  if (Af->Adapter == NULL)
    return NDIS_STATUS_PENDING; // expected-warning{{Close-AF handler returns NDIS_STATUS_PENDING but on this path it neither completed the close-AF request nor handed the address family}}
  Af->Flags |= MARK_AF_CLOSING;
  return NDIS_STATUS_PENDING; // no-warning
}

// ---- the MCM spelling, completed through a helper of the tester -------------

static VOID markFinishCloseAf(PMARK_AF Af) {
  NdisMCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
}

VOID markAdapterVcGone(PMARK_AF Af) {
  if (Af->Adapter->Flags & MARK_ADAPTER_AF_CLOSING)
    markFinishCloseAf(Af);
}

PROTOCOL_CM_CLOSE_AF closeAfAdapterMarked03;
NDIS_STATUS closeAfAdapterMarked03(NDIS_HANDLE CallMgrAfContext) {
  PMARK_AF Af = (PMARK_AF)CallMgrAfContext;
  Af->Adapter->Flags |= MARK_ADAPTER_AF_CLOSING;
  return NDIS_STATUS_PENDING; // no-warning: markAdapterVcGone completes it
}

// ---- a work item looks for offered calls -------------------------------------

VOID markOfferWorker(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle) {
  PMARK_ADAPTER Adapter = (PMARK_ADAPTER)WorkItemContext;
  PLIST_ENTRY Link;
  for (Link = Adapter->Vcs.Flink; Link != &Adapter->Vcs; Link = Link->Flink) {
    PMARK_VC Vc = CONTAINING_RECORD(Link, MARK_VC, Link);
    if (Vc->Flags & MARK_CALL_OFFERED) {
      Vc->Flags &= ~MARK_CALL_OFFERED;
      NdisClIncomingCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, Vc->CallParameters);
    }
  }
}

PROTOCOL_CL_INCOMING_CALL incomingOffered04;
NDIS_STATUS incomingOffered04(NDIS_HANDLE ProtocolSapContext, NDIS_HANDLE ProtocolVcContext,
                              PCO_CALL_PARAMETERS CallParameters) {
  PMARK_VC Vc = (PMARK_VC)ProtocolVcContext;
  Vc->Flags |= MARK_CALL_OFFERED;
  NdisQueueIoWorkItem(TheAdapter.WorkItem, markOfferWorker, &TheAdapter);
  return NDIS_STATUS_PENDING; // no-warning: markOfferWorker completes it
}

// ---- marks that hand nothing off ------------------------------------------------

// Tested elsewhere, but by a function that completes nothing.
VOID markTraceAf(PMARK_AF Af) {
  if (Af->Traced & MARK_LOGGED)
    MarkTrace(Af->Traced);
}

PROTOCOL_CM_CLOSE_AF closeAfTraceOnly05;
NDIS_STATUS closeAfTraceOnly05(NDIS_HANDLE CallMgrAfContext) {
  PMARK_AF Af = (PMARK_AF)CallMgrAfContext;
  Af->Traced |= MARK_LOGGED;
  return NDIS_STATUS_PENDING; // expected-warning{{Close-AF handler returns NDIS_STATUS_PENDING}}
}

// Tested by a function that completes another operation.
PROTOCOL_CM_CLOSE_CALL markCloseCall;
NDIS_STATUS markCloseCall(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
                          PVOID CloseData, UINT Size) {
  PMARK_VC Vc = (PMARK_VC)CallMgrVcContext;
  if (Vc->Af->OtherFlags & MARK_AF_CLOSING) {
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;
  }
  return NDIS_STATUS_SUCCESS;
}

PROTOCOL_CM_CLOSE_AF closeAfOtherOperation06;
NDIS_STATUS closeAfOtherOperation06(NDIS_HANDLE CallMgrAfContext) {
  PMARK_AF Af = (PMARK_AF)CallMgrAfContext;
  Af->OtherFlags |= MARK_AF_CLOSING;
  return NDIS_STATUS_PENDING; // expected-warning{{Close-AF handler returns NDIS_STATUS_PENDING}}
}

// Tested only by the handler itself, which completes on another path.
PROTOCOL_CM_MAKE_CALL makeCallSelfTested07;
NDIS_STATUS makeCallSelfTested07(NDIS_HANDLE CallMgrVcContext, PCO_CALL_PARAMETERS CallParameters,
                                 NDIS_HANDLE NdisPartyHandle, PNDIS_HANDLE CallMgrPartyContext) {
  PMARK_VC Vc = (PMARK_VC)CallMgrVcContext;
  if (Vc->SelfTested) {
    NdisCmMakeCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL, NULL, CallParameters);
    return NDIS_STATUS_PENDING;
  }
  Vc->SelfTested = 1;
  return NDIS_STATUS_PENDING; // expected-warning{{Make-call handler returns NDIS_STATUS_PENDING}}
}

// A local copy of the flags is no mark.
PROTOCOL_CM_CLOSE_AF closeAfLocalCopy08;
NDIS_STATUS closeAfLocalCopy08(NDIS_HANDLE CallMgrAfContext) {
  PMARK_AF Af = (PMARK_AF)CallMgrAfContext;
  MARK_AF Copy = *Af;
  Copy.Flags |= MARK_AF_CLOSING;
  MarkTrace(Copy.Flags);
  return NDIS_STATUS_PENDING; // expected-warning{{Close-AF handler returns NDIS_STATUS_PENDING}}
}

// Tested only by the operation's handlers, to refuse a second request.
PROTOCOL_CM_CLOSE_CALL closeCallGuarded09;
NDIS_STATUS closeCallGuarded09(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
                               PVOID CloseData, UINT Size) {
  PMARK_VC Vc = (PMARK_VC)CallMgrVcContext;
  if (Vc->Flags & MARK_LOGGED)
    return NDIS_STATUS_CLOSING;
  Vc->Flags |= MARK_LOGGED;
  return NDIS_STATUS_PENDING; // expected-warning{{Close-call handler returns NDIS_STATUS_PENDING}}
}

PROTOCOL_CM_CLOSE_CALL closeCallGuardedSync10;
NDIS_STATUS closeCallGuardedSync10(NDIS_HANDLE CallMgrVcContext, NDIS_HANDLE CallMgrPartyContext,
                                   PVOID CloseData, UINT Size) {
  PMARK_VC Vc = (PMARK_VC)CallMgrVcContext;
  if (Vc->Flags & MARK_LOGGED) {
    NdisCmCloseCallComplete(NDIS_STATUS_SUCCESS, Vc->NdisVcHandle, NULL);
    return NDIS_STATUS_PENDING;
  }
  return NDIS_STATUS_SUCCESS;
}

// A value the completing function does not test for.
VOID markAfGone(PMARK_AF Af) {
  if (Af->Flags == MARK_AF_CLOSING)
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
}

PROTOCOL_CM_CLOSE_AF closeAfOtherValue11;
NDIS_STATUS closeAfOtherValue11(NDIS_HANDLE CallMgrAfContext) {
  PMARK_AF Af = (PMARK_AF)CallMgrAfContext;
  Af->Flags = MARK_LOGGED;
  return NDIS_STATUS_PENDING; // expected-warning{{Close-AF handler returns NDIS_STATUS_PENDING}}
}
