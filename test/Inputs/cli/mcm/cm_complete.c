/*
 * cm_complete.c - the work item that finishes a pended drop. Databases that
 * list this file complete every pended drop.
 */
#include "mcm.h"

VOID MyFinishDrop(PPARTY_CONTEXT Party) {
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
}
