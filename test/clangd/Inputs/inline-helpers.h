/*
 * inline-helpers.h - an inline helper defined in a header, included at the
 * top of the file and so compiled into clangd's preamble.
 */
#ifndef CONDIS_TEST_INLINE_HELPERS_H
#define CONDIS_TEST_INLINE_HELPERS_H
#include <ndis.h>

FORCEINLINE ULONG MyNoParties(VOID) { return 0; }
#endif
