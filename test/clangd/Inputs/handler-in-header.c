// The handler is recognised from a role-type declaration in the driver's own
// header, which clangd keeps in the preamble: condis-clangd must see it as
// `clang --analyze` does. Read by test/clangd/lsp_client.py.
#include "cm-driver.h"

_Use_decl_annotations_
NDIS_STATUS CmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size)
{
    PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    Party->WorkItem = NdisAllocateIoWorkItem(Party->Vc->Adapter->MiniportHandle);
    if (Party->WorkItem == NULL) {
        return NDIS_STATUS_PENDING; // lsp-diag{{condis.DropParty: neither completed the drop}} lsp-fix{{        return NDIS_STATUS_RESOURCES;}}
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
