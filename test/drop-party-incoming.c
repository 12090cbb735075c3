// condis.DropParty: in ProtocolClIncomingDropParty the call manager has
// already dropped the party, so the party handle in the handler's own party
// context is dead; the calls the client still makes with it are
// NdisClDropParty, which finishes the drop, and, when that says the party
// was the last (NDIS_STATUS_FAILURE), NdisClCloseCall (condis-rules.md,
// "Pairing rules" and "Handle-lifetime rules", client side;
// ddi:nc-ndis-protocol_cl_incoming_drop_party.md).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -analyzer-output=text -I %condis_inputs -verify=notes %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   %wdk_x64 -DNDIS630=1 -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   %wdk_x86 -DNDIS630=1 -verify %s

#include "Inputs/cl-party.h"

PROTOCOL_CL_INCOMING_DROP_PARTY incomingDropQueriesParty01;
_Use_decl_annotations_
VOID incomingDropQueriesParty01(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
                                PVOID CloseData, UINT Size) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  NdisCoOidRequest(NULL, NULL, Party->Vc->NdisVcHandle, Party->NdisPartyHandle, &Party->Request); // expected-warning{{Party handle passed to NdisCoOidRequest after the call manager dropped the party (ProtocolClIncomingDropParty); the client may give it only to NdisClDropParty to finish the drop, or, for the last party, to NdisClCloseCall}}
  // notes-warning@-1{{Party handle passed to NdisCoOidRequest after the call manager dropped the party}}
  // notes-note@-2{{Party handle passed to NdisCoOidRequest after the call manager dropped the party}}
  UNREFERENCED_PARAMETER(DropStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
}

PROTOCOL_CL_INCOMING_DROP_PARTY noWarnIncomingDropFinishes02;
_Use_decl_annotations_
VOID noWarnIncomingDropFinishes02(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
                                  PVOID CloseData, UINT Size) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  NdisClDropParty(Party->NdisPartyHandle, NULL, 0); // no-warning
  UNREFERENCED_PARAMETER(DropStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
}

// Through a helper, and with the handle copied to a local first.
static VOID ClQueryParty(NDIS_HANDLE PartyHandle, PCL_PARTY Party) {
  NdisCoOidRequest(NULL, NULL, Party->Vc->NdisVcHandle, PartyHandle, &Party->Request); // expected-warning{{Party handle passed to NdisCoOidRequest after the call manager dropped the party}}
  // notes-warning@-1{{Party handle passed to NdisCoOidRequest after the call manager dropped the party}}
  // notes-note@-2{{Party handle passed to NdisCoOidRequest after the call manager dropped the party}}
}

static VOID ClOnIncomingDrop03(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
                               PVOID CloseData, UINT Size) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  NDIS_HANDLE Handle = Party->NdisPartyHandle; // notes-note{{'Handle' initialized here}}
  ClQueryParty(Handle, Party); // notes-note{{Calling 'ClQueryParty'}} \
                               // notes-note{{Passing value via 1st parameter 'PartyHandle'}}
  UNREFERENCED_PARAMETER(DropStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
}

// Registered through the client's optional handlers rather than declared.
NDIS_CO_CLIENT_OPTIONAL_HANDLERS ClientHandlers = {
    .ClIncomingDropPartyHandler = ClOnIncomingDrop03,
};

// The same call outside the handler is fine: the party is alive there.
VOID noWarnQueryOutsideHandler04(PCL_PARTY Party) {
  NdisCoOidRequest(NULL, NULL, Party->Vc->NdisVcHandle, Party->NdisPartyHandle, &Party->Request); // no-warning
}

// The VC handle in the same context is not the party's: only the party
// handle died.
PROTOCOL_CL_INCOMING_DROP_PARTY noWarnVcStillAlive05;
_Use_decl_annotations_
VOID noWarnVcStillAlive05(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
                          PVOID CloseData, UINT Size) {
  PCL_PARTY Party = (PCL_PARTY)ProtocolPartyContext;
  NdisCoOidRequest(NULL, NULL, Party->Vc->NdisVcHandle, NULL, &Party->Request); // no-warning
  NdisClDropParty(Party->NdisPartyHandle, NULL, 0); // no-warning
  UNREFERENCED_PARAMETER(DropStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
}

// The last party: the drop fails and the client closes the call with the
// same handle, through a helper as real clients do.
static NDIS_STATUS ClDropOrClose(PCL_PARTY Party) {
  NDIS_STATUS Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0);
  if (Status == NDIS_STATUS_FAILURE)
    return NdisClCloseCall(Party->Vc->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // no-warning
  return Status;
}

PROTOCOL_CL_INCOMING_DROP_PARTY noWarnLastPartyClosesCall06;
_Use_decl_annotations_
VOID noWarnLastPartyClosesCall06(NDIS_STATUS DropStatus, NDIS_HANDLE ProtocolPartyContext,
                                 PVOID CloseData, UINT Size) {
  (VOID)ClDropOrClose((PCL_PARTY)ProtocolPartyContext);
  UNREFERENCED_PARAMETER(DropStatus);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
}
