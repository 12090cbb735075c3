// A miniport helper with one analyzer finding that exists independently of
// the condis checkers (core.DivideZero): the editor tests use it to show that
// the analyzer engine inside condis-clangd publishes path-sensitive findings
// with their path notes. The lsp-diag / lsp-fix comments are read by
// test/clangd/lsp_client.py.
#include <ndis.h>

typedef struct _MY_ADAPTER {
    ULONG PartyCount;
    ULONG BytesPerParty;
} MY_ADAPTER, *PMY_ADAPTER;

ULONG
MyBytesPerParty(
    _In_ PMY_ADAPTER Adapter,
    _In_ ULONG TotalBytes
    )
{
    ULONG parties = 0;

    if (Adapter->PartyCount > 1) {
        parties = Adapter->PartyCount;
    }
    return TotalBytes / parties; // lsp-diag{{core.DivideZero: Division by zero}} lsp-fix{{    return parties ? TotalBytes / parties : 0;}}
}
