// condis.DropParty: on a multipoint VC, the handle of another party is not
// the dropped party's. A client's ProtocolClDropPartyComplete may go on to
// drop the remaining parties (ddi:nc-ndis-protocol_cl_drop_party_complete.md),
// and a call manager that completed one party's drop may still signal its
// siblings. A handle read from the dropped party's own context - directly,
// or through a local copy - is the dropped one; a handle read through
// another pointer stored there (Party->Next, the VC's party list) is not.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify %s -triple x86_64-pc-windows-msvc -fms-extensions

#include "multipoint-party.h"

// ---- client: ProtocolClDropPartyComplete drops the remaining leaves ------

PROTOCOL_CL_DROP_PARTY_COMPLETE noWarnNextLeafDropped01;
_Use_decl_annotations_
VOID noWarnNextLeafDropped01(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  if (Party->Next != NULL)
    NdisClDropParty(Party->Next->NdisPartyHandle, NULL, 0); // no-warning
}

// Walks the parent VC's party list for the next leaf not yet dropped.
PROTOCOL_CL_DROP_PARTY_COMPLETE noWarnRemainingLeafFromVcList02;
_Use_decl_annotations_
VOID noWarnRemainingLeafFromVcList02(NDIS_STATUS Status,
                                     NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  PMP_VC Vc = Party->Vc;
  PLIST_ENTRY Entry;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  for (Entry = Vc->PartyList.Flink; Entry != &Vc->PartyList;
       Entry = Entry->Flink) {
    PMP_PARTY Other = CONTAINING_RECORD(Entry, MP_PARTY, Link);
    if (Other == Party || (Other->Flags & MP_DROP_TRIED))
      continue;
    Other->Flags = (Other->Flags & ~MP_STATE_MASK) | MP_STATE_CLOSING | MP_DROP_TRIED;
    NdisClDropParty(Other->NdisPartyHandle, NULL, 0); // no-warning
    return;
  }
}

// Only one leaf is left: the call is closed with that leaf's handle.
PROTOCOL_CL_DROP_PARTY_COMPLETE noWarnLastLeafClosesCall03;
_Use_decl_annotations_
VOID noWarnLastLeafClosesCall03(NDIS_STATUS Status,
                                NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  PMP_VC Vc = Party->Vc;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  if (--Vc->PartyCount == 1) {
    PMP_PARTY Last = CONTAINING_RECORD(Vc->PartyList.Flink, MP_PARTY, Link);
    NdisClCloseCall(Vc->NdisVcHandle, Last->NdisPartyHandle, NULL, 0); // no-warning
  }
}

// The dropped leaf's own handle is still reported, whether read again or
// through a local copy, next to a correct drop of the next leaf.
PROTOCOL_CL_DROP_PARTY_COMPLETE ownHandleAfterDropComplete04;
_Use_decl_annotations_
VOID ownHandleAfterDropComplete04(NDIS_STATUS Status,
                                  NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  NDIS_HANDLE Handle = Party->NdisPartyHandle;
  PMP_PARTY Next = Party->Next;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  if (Next != NULL)
    NdisClDropParty(Next->NdisPartyHandle, NULL, 0); // no-warning
  NdisCoOidRequest(NULL, Party->Vc->NdisAfHandle, Party->Vc->NdisVcHandle, Handle, &Party->Request); // expected-warning{{Party handle passed to NdisCoOidRequest after the drop completed with NDIS_STATUS_SUCCESS; the party is gone and its handle is invalid}}
}

PROTOCOL_CL_DROP_PARTY_COMPLETE ownHandleReReadAfterDropComplete05;
_Use_decl_annotations_
VOID ownHandleReReadAfterDropComplete05(NDIS_STATUS Status,
                                        NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  Party->Flags = (Party->Flags & ~MP_STATE_MASK) | MP_STATE_CLOSING;
  if (Party->Next != NULL)
    NdisClDropParty(Party->Next->NdisPartyHandle, NULL, 0); // no-warning
  else
    NdisClDropParty(Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisClDropParty after the drop completed with NDIS_STATUS_SUCCESS}}
}

// ---- call manager: one party's drop completed, a sibling signalled -------

VOID noWarnCmSiblingAfterCompletion06(PMP_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  if (Party->Next != NULL)
    NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->Next->NdisPartyHandle, NULL, 0); // no-warning
}

// The switch released every leaf the VC still has: the MCM completes the
// drop it had pended and tells the client about the others.
VOID noWarnMcmSiblingsFromVcList07(PMP_PARTY Party) {
  PMP_VC Vc = Party->Vc;
  PLIST_ENTRY Entry;
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  for (Entry = Vc->PartyList.Flink; Entry != &Vc->PartyList;
       Entry = Entry->Flink) {
    PMP_PARTY Other = CONTAINING_RECORD(Entry, MP_PARTY, Link);
    if (Other == Party || (Other->Flags & MP_STATE_MASK) != MP_STATE_CONNECTED)
      continue;
    Other->Flags = (Other->Flags & ~MP_STATE_MASK) | MP_STATE_CLOSING;
    NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Other->NdisPartyHandle, NULL, 0); // no-warning
  }
}

VOID cmOwnHandleAfterSibling08(PMP_PARTY Party, PNDIS_OID_REQUEST Request) {
  PMP_PARTY Next = Party->Next;
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  NdisMCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Next->NdisPartyHandle, NULL, 0); // no-warning
  NdisMCmOidRequest(Party->Vc->NdisAfHandle, Party->Vc->NdisVcHandle, Party->NdisPartyHandle, Request); // expected-warning{{Party handle passed to NdisMCmOidRequest after the drop completed with NDIS_STATUS_SUCCESS}}
}

// ---- limits --------------------------------------------------------------

// A driver that keeps the party's handle in a separate block its context
// points to: the handle is read through another pointer, so it is taken for
// another party's.
PROTOCOL_CL_DROP_PARTY_COMPLETE ownHandleInLeafBlockCurrentlyFalseNegative;
_Use_decl_annotations_
VOID ownHandleInLeafBlockCurrentlyFalseNegative(NDIS_STATUS Status,
                                                NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  NdisClDropParty(Party->Leaf->NdisPartyHandle, NULL, 0); // no-warning (should warn)
}

// The walk forgets to skip the dropped leaf, which is still on the VC's
// list: the analyzer cannot tell that one list entry is the dropped party.
PROTOCOL_CL_DROP_PARTY_COMPLETE droppedLeafStillOnVcListCurrentlyFalseNegative;
_Use_decl_annotations_
VOID droppedLeafStillOnVcListCurrentlyFalseNegative(NDIS_STATUS Status,
                                                    NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  PMP_PARTY First;
  if (Status != NDIS_STATUS_SUCCESS)
    return;
  First = CONTAINING_RECORD(Party->Vc->PartyList.Flink, MP_PARTY, Link);
  NdisClDropParty(First->NdisPartyHandle, NULL, 0); // no-warning (should warn when First == Party)
}
