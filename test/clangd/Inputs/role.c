// A miniport call manager that completes a drop with the stand-alone call
// manager's function (condis.Role, an AST-level check run at the end of the
// translation unit). The lsp-diag / lsp-fix comments are read by
// test/clangd/lsp_client.py.
#include "cm-party.h"

DRIVER_INITIALIZE DriverEntry;

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_HANDLE DriverHandle;
    NdisZeroMemory(&Chars, sizeof(Chars));
    return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, &DriverHandle);
}

VOID McmFinishDrop(PCM_PARTY Party)
{
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // lsp-diag{{condis.Role: call NdisMCmDropPartyComplete instead}} lsp-fix{{    NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);}}
}
