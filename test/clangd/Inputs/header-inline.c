// The division by zero here is only visible through the body of an inline
// function of a header that clangd compiles into its preamble, where function
// bodies are skipped: condis-clangd parses the file again in full to see it,
// as `clang --analyze` does. The lsp-diag / lsp-fix comments are read by
// test/clangd/lsp_client.py.
#include "inline-helpers.h"

ULONG
MyBytesPerParty(ULONG TotalBytes)
{
    return TotalBytes / MyNoParties(); // lsp-diag{{core.DivideZero: Division by zero}} lsp-fix{{    return TotalBytes;}}
}
