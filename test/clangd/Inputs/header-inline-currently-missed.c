// KNOWN LIMITATION (docs/editors.md, "What you see"): clangd builds its
// preamble with function bodies skipped, so the analyzer inside clangd cannot
// inline MyNoParties() and misses this division by zero, which
// `clang --analyze` reports. When condis-clangd learns to see header bodies
// this file gets an lsp-diag expectation instead of --expect-none.
#include "inline-helpers.h"

ULONG
MyBytesPerPartyCurrentlyMissed(ULONG TotalBytes)
{
    return TotalBytes / MyNoParties();
}
