// condis.DropParty: double completion (c), NDIS_STATUS_PENDING as the
// completion status (d), per-party state released before the completion (g),
// and a NULL drop buffer with a non-zero size (h).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc -fms-extensions

#include "cm-party.h"

// ---- (c) double completion ------------------------------------------------

VOID doubleCompletion01(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{Drop for this party completed a second time by NdisCmDropPartyComplete; complete each pended drop exactly once}}
}

// A local copy of the handle is the same handle; the MCM macro is named.
VOID doubleCompletionLocalCopy02(PCM_PARTY Party, NDIS_STATUS Status) {
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  NdisMCmDropPartyComplete(Status, Handle);
  NdisMCmDropPartyComplete(Status, Party->NdisPartyHandle); // expected-warning{{completed a second time by NdisMCmDropPartyComplete}}
}

static VOID CmCompleteDrop(PCM_PARTY Party) {
  NdisCmDropPartyComplete(Party->DropStatus, Party->NdisPartyHandle); // expected-warning{{completed a second time}}
}

VOID doubleCompletionThroughHelper03(PCM_PARTY Party, BOOLEAN Abort) {
  if (Abort)
    NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
  CmCompleteDrop(Party);
}

VOID noWarnTwoParties04(PCM_PARTY First, PCM_PARTY Second) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, First->NdisPartyHandle);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Second->NdisPartyHandle); // no-warning
}

// ---- (d) pending as the completion status ----------------------------------

VOID pendingAsStatus01(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_PENDING, Party->NdisPartyHandle); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisCmDropPartyComplete; a completion reports the final status of the drop}}
}

NDIS_STATUS CmSignalDrop(PCM_PARTY Party);

VOID pendingStatusPropagated02(PCM_PARTY Party) {
  NDIS_STATUS Status = CmSignalDrop(Party);
  if (Status == NDIS_STATUS_PENDING)
    NdisMCmDropPartyComplete(Status, Party->NdisPartyHandle); // expected-warning{{NDIS_STATUS_PENDING passed as the status of NdisMCmDropPartyComplete}}
}

VOID noWarnStatusChecked03(PCM_PARTY Party) {
  NDIS_STATUS Status = CmSignalDrop(Party);
  if (Status != NDIS_STATUS_PENDING)
    NdisCmDropPartyComplete(Status, Party->NdisPartyHandle); // no-warning
}

VOID noWarnUnknownStatus04(PCM_PARTY Party) {
  NdisCmDropPartyComplete(CmSignalDrop(Party), Party->NdisPartyHandle); // no-warning
}

// ---- (g) per-party state released before the completion ---------------------

VOID freedBeforeCompletion01(PCM_PARTY Party) {
  NdisFreeMemory(Party, 0, 0);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{Per-party state released before NdisCmDropPartyComplete; release it only after the completion has returned}}
}

VOID freedToLookasideBeforeCompletion02(PNPAGED_LOOKASIDE_LIST Lookaside,
                                        PCM_PARTY Party) {
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  NdisFreeToNPagedLookasideList(Lookaside, Party);
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Handle); // expected-warning{{Per-party state released before NdisMCmDropPartyComplete}}
}

PROTOCOL_CM_DROP_PARTY freedInHandlerBeforeCompletion03;
NDIS_STATUS freedInHandlerBeforeCompletion03(NDIS_HANDLE CallMgrPartyContext,
                                             PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisFreeMemory(Party, sizeof(*Party), 0);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Handle); // expected-warning{{Per-party state released before NdisCmDropPartyComplete}}
  return NDIS_STATUS_PENDING;
}

VOID noWarnFreedAfterCompletion04(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisFreeMemory(Party, 0, 0); // no-warning
}

// ---- (h) NULL drop buffer with a non-zero size ----------------------------

VOID nullDropBuffer01(PCM_PARTY Party) {
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 16); // expected-warning{{NdisCmDispatchIncomingDropParty called with a NULL buffer and a non-zero size; pass a size of 0 when there is no close data}}
}

VOID nullDropBufferMacro02(PCM_PARTY Party, PVOID Data, UINT Length) {
  if (Data == NULL && Length > 0)
    NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, Data, Length); // expected-warning{{NdisMCmDispatchIncomingDropParty called with a NULL buffer and a non-zero size}}
}

VOID noWarnNullBufferZeroSize03(PCM_PARTY Party) {
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // no-warning
}

VOID noWarnBufferWithSize04(PCM_PARTY Party, PVOID Data, UINT Length) {
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, Data, Length); // no-warning
}

// The analyzer cannot tell the entries of an intrusive list apart: a party
// freed while completing an earlier entry must not make the next entry's
// completion look like a release before completion.
static VOID CmFinishReleasedDrop(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // no-warning
  NdisFreeMemory(Party, 0, 0);
}

VOID noWarnFreedByEarlierIteration05(PLIST_ENTRY Released) {
  while (!IsListEmpty(Released)) {
    PLIST_ENTRY Entry = Released->Flink;
    RemoveEntryList(Entry);
    CmFinishReleasedDrop(CONTAINING_RECORD(Entry, CM_PARTY, Link));
  }
}

// A helper that frees before the caller completes is still reported.
static VOID CmReleaseParty(PCM_PARTY Party) { NdisFreeMemory(Party, 0, 0); }

VOID freedInHelperBeforeCompletion06(PCM_PARTY Party) {
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  CmReleaseParty(Party);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Handle); // expected-warning{{Per-party state released before NdisCmDropPartyComplete}}
}
