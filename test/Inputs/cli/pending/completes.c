/*
 * completes.c - takes the completion's address for a dispatch table; a
 * driver that can reach the completion this way is not reported.
 */
#include <ndis.h>

typedef VOID (*DROP_COMPLETE_FN)(NDIS_STATUS, NDIS_HANDLE);
DROP_COMPLETE_FN CompleteDrop = NdisCmDropPartyComplete;
