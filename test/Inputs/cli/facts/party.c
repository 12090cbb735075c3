/*
 * party.c - two functions that pend a drop; only the one reg.h names is a
 * handler, so only it is reported.
 */
#include <ndis.h>

NDIS_STATUS PendingDrop(NDIS_HANDLE Ctx, PVOID Data, UINT Size) {
  return NDIS_STATUS_PENDING;
}

NDIS_STATUS OtherDrop(NDIS_HANDLE Ctx, PVOID Data, UINT Size) {
  return NDIS_STATUS_PENDING;
}
