// condis.Irql in the editor with the SAL annotation in the driver's header,
// inside clangd's preamble: condis-clangd reads it from its full parse.
// The lsp-diag / lsp-fix comments are read by test/clangd/lsp_client.py.
#include "irql-helpers.h"

VOID CmpRefresh(PCM_ADAPTER Adapter)
{
    NdisAcquireSpinLock(&Adapter->Lock);
    CmpReadRegistry(Adapter); // lsp-diag{{condis.Irql: called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}} lsp-fix{{    Adapter->MiniportHandle = NULL;}}
    NdisReleaseSpinLock(&Adapter->Lock);
}
