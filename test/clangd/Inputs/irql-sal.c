// condis.Irql in the editor, with a SAL annotation of the driver's own
// (it expands to nothing; condis-clangd records it while clangd parses the
// file). The lsp-diag / lsp-fix comments are read by test/clangd/lsp_client.py.
#include "cm-party.h"

_IRQL_requires_(PASSIVE_LEVEL)
VOID CmpReadRegistry(PCM_ADAPTER Adapter);

VOID CmpRefresh(PCM_ADAPTER Adapter)
{
    NdisAcquireSpinLock(&Adapter->Lock);
    CmpReadRegistry(Adapter); // lsp-diag{{condis.Irql: called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}} lsp-fix{{    Adapter->MiniportHandle = NULL;}}
    NdisReleaseSpinLock(&Adapter->Lock);
}
