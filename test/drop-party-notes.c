// Path notes of condis.DropParty: each report names the event that set it up.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -analyzer-output=text -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -analyzer-output=text -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include "cm-party.h"
#include "cl-party.h"
#include "multipoint-party.h"

VOID useAfterDropNotes01(PCM_PARTY Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-note{{Drop completed here with NDIS_STATUS_SUCCESS (NdisCmDropPartyComplete); the party handle is invalid from now on}}
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisCmDispatchIncomingDropParty after the drop completed}} \
  // expected-note{{Party handle passed to NdisCmDispatchIncomingDropParty after the drop completed}}
}

VOID doubleCompletionNotes02(PCM_PARTY Party, NDIS_STATUS Status) {
  NdisMCmDropPartyComplete(Status, Party->NdisPartyHandle); // expected-note{{Drop completed here (NdisMCmDropPartyComplete)}}
  NdisMCmDropPartyComplete(Status, Party->NdisPartyHandle); // expected-warning{{completed a second time}} \
  // expected-note{{completed a second time}}
}

VOID freedNotes03(PCM_PARTY Party) {
  NdisFreeMemory(Party, 0, 0); // expected-note{{Party state freed here (NdisFreeMemory)}}
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{Per-party state released before NdisCmDropPartyComplete}} \
  // expected-note{{Per-party state released before NdisCmDropPartyComplete}}
}

VOID clientDropNotes04(PCL_PARTY Party) {
  NDIS_STATUS Status = NdisClDropParty(Party->NdisPartyHandle, NULL, 0); // expected-note{{Party handle invalidated here (NdisClDropParty); only a drop that returns NDIS_STATUS_FAILURE leaves it usable}}
  if (Status == NDIS_STATUS_PENDING) // expected-note{{Assuming 'Status' is equal to NDIS_STATUS_PENDING}} \
                                     // expected-note{{Taking true branch}}
    NdisClCloseCall(Party->Vc->NdisVcHandle, Party->NdisPartyHandle, NULL, 0); // expected-warning{{after NdisClDropParty invalidated it}} \
    // expected-note{{after NdisClDropParty invalidated it}}
}

PROTOCOL_CM_DROP_PARTY syncReturnNotes05;
NDIS_STATUS syncReturnNotes05(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-note{{Drop completed here with NDIS_STATUS_SUCCESS (NdisCmDropPartyComplete)}}
  return NDIS_STATUS_SUCCESS; // expected-warning{{completed the drop and then returns a final status}} \
  // expected-note{{completed the drop and then returns a final status}}
}

static BOOLEAN CmQueueDrop(PCM_PARTY Party) {
  Party->WorkItem = NdisAllocateIoWorkItem(Party->Vc->Adapter->MiniportHandle);
  if (Party->WorkItem == NULL)
    return FALSE;
  NdisQueueIoWorkItem(Party->WorkItem, NULL, Party);
  return TRUE;
}

PROTOCOL_CM_DROP_PARTY pendingNotes06;
NDIS_STATUS pendingNotes06(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  CmQueueDrop((PCM_PARTY)CallMgrPartyContext); // expected-note{{'CmQueueDrop' returned without completing the drop or handing the party off}}
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}} \
  // expected-note{{neither completed the drop nor handed the party}}
}

PROTOCOL_CM_DROP_PARTY pendingStatusNotes07;
NDIS_STATUS pendingStatusNotes07(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  NDIS_STATUS Status = NDIS_STATUS_PENDING; // expected-note{{'Status' initialized to 259}}
  UNREFERENCED_PARAMETER(CallMgrPartyContext);
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  return Status; // expected-warning{{neither completed the drop nor handed the party}} \
  // expected-note{{neither completed the drop nor handed the party}}
}

// The client drops the next leaf (no note: another party's handle), then
// uses its copy of the dropped leaf's own handle.
PROTOCOL_CL_DROP_PARTY_COMPLETE ownHandleAfterNextLeafNotes08;
_Use_decl_annotations_
VOID ownHandleAfterNextLeafNotes08(NDIS_STATUS Status,
                                   NDIS_HANDLE ProtocolPartyContext) {
  PMP_PARTY Party = (PMP_PARTY)ProtocolPartyContext;
  NDIS_HANDLE Handle = Party->NdisPartyHandle; // expected-note{{'Handle' initialized here}}
  if (Status != NDIS_STATUS_SUCCESS) // expected-note{{Assuming 'Status' is equal to NDIS_STATUS_SUCCESS}} \
                                     // expected-note{{Taking false branch}}
    return;
  NdisClDropParty(Party->Next->NdisPartyHandle, NULL, 0);
  NdisCoOidRequest(NULL, Party->Vc->NdisAfHandle, Party->Vc->NdisVcHandle, Handle, &Party->Request); // expected-warning{{Party handle passed to NdisCoOidRequest after the drop completed with NDIS_STATUS_SUCCESS; the party is gone and its handle is invalid}} \
  // expected-note{{Party handle passed to NdisCoOidRequest after the drop completed with NDIS_STATUS_SUCCESS; the party is gone and its handle is invalid}}
}

// Logging the dead handle is no event of the report; the NDIS call is.
VOID loggedThenUsedNotes09(PCM_PARTY Party, PNDIS_OID_REQUEST Request,
                           NDIS_HANDLE AfHandle) {
  NDIS_HANDLE PartyHandle = Party->NdisPartyHandle;
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, PartyHandle); // expected-note{{Drop completed here with NDIS_STATUS_SUCCESS (NdisMCmDropPartyComplete); the party handle is invalid from now on}}
  DbgPrint("party %p released\n", PartyHandle);
  NdisMCmOidRequest(AfHandle, Party->Vc->NdisVcHandle, PartyHandle, Request); // expected-warning{{Party handle passed to NdisMCmOidRequest after the drop completed with NDIS_STATUS_SUCCESS}} \
  // expected-note{{Party handle passed to NdisMCmOidRequest after the drop completed with NDIS_STATUS_SUCCESS}}
}

// Unlinking the party from its VC's list hands it to nobody.
PROTOCOL_CM_DROP_PARTY pendingAfterUnlinkNotes10;
NDIS_STATUS pendingAfterUnlinkNotes10(NDIS_HANDLE CallMgrPartyContext,
                                      PVOID CloseData, UINT Size) {
  PMP_PARTY Party = (PMP_PARTY)CallMgrPartyContext;
  PMP_VC Vc = Party->Vc;
  UNREFERENCED_PARAMETER(CloseData);
  UNREFERENCED_PARAMETER(Size);
  NdisAcquireSpinLock(&Vc->Lock);
  RemoveEntryList(&Party->Link); // expected-note{{'RemoveEntryList' returned without completing the drop or handing the party off}}
  Vc->PartyCount--;
  NdisReleaseSpinLock(&Vc->Lock);
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}} \
  // expected-note{{neither completed the drop nor handed the party}}
}
