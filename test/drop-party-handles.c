// condis.DropParty: party handles used after the drop, on the call manager
// side (e) and on the client side (f).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc -fms-extensions

#include "cm-party.h"
#include "cl-party.h"

// ---- (e) call manager side -------------------------------------------------

VOID useAfterDrop01(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisCmDispatchIncomingDropParty after the drop completed with NDIS_STATUS_SUCCESS; the call manager must not use it any more}}
}

VOID useAfterDropMcm02(PCM_PARTY Party, PNDIS_OID_REQUEST Request,
                       NDIS_HANDLE AfHandle) {
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Handle);
  NdisMCmOidRequest(AfHandle, Party->Vc->NdisVcHandle, Party->NdisPartyHandle, Request); // expected-warning{{Party handle passed to NdisMCmOidRequest after the drop completed with NDIS_STATUS_SUCCESS}}
}

static VOID CmCompleteDropOk(PCM_PARTY Party) {
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
}

VOID useAfterDropInterprocedural03(PCM_PARTY Party) {
  CmCompleteDropOk(Party);
  NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, Party->Vc->NdisVcHandle, Party->NdisPartyHandle); // expected-warning{{Party handle passed to NdisMCmCloseCallComplete after the drop completed}}
}

VOID noWarnFailedCompletionKeepsHandle04(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // no-warning
}

VOID noWarnUnknownStatusKeepsHandle05(PCM_PARTY Party, NDIS_STATUS Status) {
  NdisCmDropPartyComplete(Status, Party->NdisPartyHandle);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // no-warning
}

VOID noWarnNotAnNdisCall06(PCM_PARTY Party, NDIS_HANDLE *Saved) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  *Saved = Party->NdisPartyHandle; // no-warning
}

// ---- (f) client side: after NdisClDropParty --------------------------------

PROTOCOL_CL_DROP_PARTY_COMPLETE ClDropPartyComplete;

VOID useAfterClientDrop01(PCL_PARTY Party) {
  NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  NdisClCloseCall(Party->Vc->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisClCloseCall after NdisClDropParty invalidated it; only when NdisClDropParty returns NDIS_STATUS_FAILURE (the last party) may the client still use it, to close the call}}
}

VOID useAfterClientDropPending02(PCL_PARTY Party, NDIS_HANDLE AfHandle) {
  NDIS_STATUS Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  if (Status == NDIS_STATUS_PENDING)
    NdisCoOidRequest(NULL, AfHandle, Party->Vc->NdisVcHandle, Party->NdisPartyHandle, &Party->Request); // expected-warning{{Party handle passed to NdisCoOidRequest after NdisClDropParty invalidated it}}
}

VOID clientDropTwice03(PCL_PARTY Party) {
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  NdisClDropParty(Handle, NULL, 0);
  NdisClDropParty(Handle, NULL, 0); // expected-warning{{Party handle passed to NdisClDropParty after NdisClDropParty invalidated it}}
}

VOID noWarnLastPartyClosesCall04(PCL_PARTY Party) {
  NDIS_STATUS Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  if (Status == NDIS_STATUS_FAILURE)
    NdisClCloseCall(Party->Vc->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // no-warning
}

// ---- (f) client side: in ProtocolClDropPartyComplete -----------------------

_Use_decl_annotations_
VOID ClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  if (Status == NDIS_STATUS_FAILURE) {
    // The party was the last one: closing the call with it is right.
    NdisClCloseCall(Party->Vc->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // no-warning
    return;
  }
  if (Status == NDIS_STATUS_SUCCESS)
    // Analysed inlined from noWarnOwnCompletionOnFailure05, so the handle
    // carries the NdisClDropParty it came from.
    NdisClCloseCall(Party->Vc->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisClCloseCall after NdisClDropParty invalidated it}}
}

// Registered through the client's optional handlers rather than declared.
static VOID ClDropDoneRegistered(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  NdisClDropParty(Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisClDropParty after the drop completed with NDIS_STATUS_SUCCESS}}
  NdisFreeMemory(Party, 0, 0); // no-warning
}

NDIS_CO_CLIENT_OPTIONAL_HANDLERS ClientHandlers = {
    .ClDropPartyCompleteHandler = ClDropDoneRegistered,
};

// The documented pattern: when NdisClDropParty does not pend, the client
// calls its own completion handler with the status it returned.
VOID noWarnOwnCompletionOnFailure05(PCL_PARTY Party) {
  NDIS_STATUS Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  if (Status != NDIS_STATUS_PENDING)
    ClDropPartyComplete(Status, Party);
}

static VOID ClFinishDrop(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext);
PROTOCOL_CL_DROP_PARTY_COMPLETE ClFinishDrop;
static VOID ClFinishDrop(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  NdisClCloseCall(Party->Vc->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisClCloseCall after NdisClDropParty invalidated it}}
  UNREFERENCED_PARAMETER(Status);
}

VOID ownCompletionUsesDroppedHandle06(PCL_PARTY Party) {
  NDIS_STATUS Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  if (Status == NDIS_STATUS_SUCCESS)
    ClFinishDrop(Status, Party);
}

// One stale handle, one report: later uses on the same path stay quiet.
VOID useAfterDropReportedOnce07(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // expected-warning{{after the drop completed with NDIS_STATUS_SUCCESS}}
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // no-warning
}

// ---- printing a dead handle is not a use -------------------------------------
// Logging routines (LogsValues rows of rules/support.def) only print the
// value; the NDIS calls that take the handle are the uses.

VOID noWarnLoggedAfterDrop08(NDIS_HANDLE PartyHandle) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle);
  DbgPrint("party %p released\n", PartyHandle); // no-warning
}

VOID noWarnLoggedAfterClientDrop09(PCL_PARTY Party) {
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  NDIS_STATUS Status = NdisClDropParty(Handle, NULL, 0);
  DbgPrintEx(0, 3, "drop of party %p returned %x\n", Handle, Status); // no-warning
}

VOID useAfterDropLoggedFirst10(PCM_PARTY Party) {
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  DbgPrint("party %p released\n", Party->NdisPartyHandle); // no-warning
  NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisMCmDispatchIncomingDropParty after the drop completed with NDIS_STATUS_SUCCESS}}
}

PROTOCOL_CL_DROP_PARTY_COMPLETE noWarnLoggedInDropComplete11;
_Use_decl_annotations_
VOID noWarnLoggedInDropComplete11(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  DbgPrint("party %p dropped\n", Party->NdisPartyHandle); // no-warning
  NdisFreeMemory(Party, 0, 0);
}

// Copying the handle's value is not a use; reading the memory behind it is.
VOID noWarnValueCopiedAfterDrop12(PCM_PARTY Party, NDIS_HANDLE *Saved) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisMoveMemory(Saved, &Party->NdisPartyHandle, sizeof(NDIS_HANDLE)); // no-warning
}

VOID useAfterDropMemoryRead13(PCM_PARTY Party, PVOID Copy) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisMoveMemory(Copy, Party->NdisPartyHandle, 16); // expected-warning{{Party handle passed to NdisMoveMemory after the drop completed with NDIS_STATUS_SUCCESS}}
}

// A driver routine without a body is not an NDIS call: the handle rules
// stay silent rather than guess what it does.
VOID CmTraceParty(NDIS_HANDLE PartyHandle);
VOID noWarnDriverRoutineWithoutBody14(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  CmTraceParty(Party->NdisPartyHandle); // no-warning
}
