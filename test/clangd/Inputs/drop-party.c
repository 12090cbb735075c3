// A stand-alone call manager whose drop-party handler pends the drop without
// handing the party on when the work item cannot be allocated
// (condis.DropParty). The lsp-diag / lsp-fix comments are read by
// test/clangd/lsp_client.py.
#include "cm-party.h"
#include <stddef.h> /* a compiler header: needs the right resource dir */
PROTOCOL_CM_DROP_PARTY CmDropParty;
NDIS_IO_WORKITEM_FUNCTION CmDropPartyWorker;

_Use_decl_annotations_
NDIS_STATUS CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    Party->WorkItem = NdisAllocateIoWorkItem(Party->Vc->Adapter->MiniportHandle);
    if (Party->WorkItem == NULL) {
        return NDIS_STATUS_PENDING; // lsp-diag{{condis.DropParty: neither completed the drop nor handed the party to a work item}} lsp-fix{{        return NDIS_STATUS_RESOURCES;}}
    }
    NdisQueueIoWorkItem(Party->WorkItem, CmDropPartyWorker, Party);
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID CmDropPartyWorker(PVOID Context, NDIS_HANDLE WorkItem)
{
    PCM_PARTY Party = (PCM_PARTY)Context;
    UNREFERENCED_PARAMETER(WorkItem);
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
}
