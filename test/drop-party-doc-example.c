// The example of docs/checkers/drop-party.md, kept honest.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -analyzer-output=text -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -analyzer-output=text -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include "cm-party.h"

NDIS_IO_WORKITEM_FUNCTION CmDropPartyWorker;
PROTOCOL_CM_DROP_PARTY CmDropParty;

_Use_decl_annotations_
NDIS_STATUS CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    Party->WorkItem = NdisAllocateIoWorkItem(Party->Vc->Adapter->MiniportHandle);
    if (Party->WorkItem == NULL) { // expected-note{{Assuming field 'WorkItem' is equal to NULL}} expected-note{{Taking true branch}}
        return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING but on this path it neither completed the drop nor handed the party to a work item}} expected-note{{Drop-party handler returns NDIS_STATUS_PENDING}}
    }
    NdisQueueIoWorkItem(Party->WorkItem, CmDropPartyWorker, Party);
    return NDIS_STATUS_PENDING; // no-warning
}

_Use_decl_annotations_
VOID CmDropPartyWorker(PVOID Context, NDIS_HANDLE WorkItem)
{
    PCM_PARTY Party = (PCM_PARTY)Context;
    UNREFERENCED_PARAMETER(WorkItem);
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-note{{Drop completed here with NDIS_STATUS_SUCCESS (NdisCmDropPartyComplete); the party handle is invalid from now on}}
    NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // expected-warning{{Party handle passed to NdisCmDispatchIncomingDropParty after the drop completed with NDIS_STATUS_SUCCESS; the call manager must not use it any more}} expected-note{{Party handle passed to NdisCmDispatchIncomingDropParty}}
    NdisFreeMemory(Party, 0, 0); // no-warning
}
