/*
 * cm-party.h - the per-party and per-VC context of the call manager used by
 * the condis.DropParty tests (WDK naming, as in a real driver).
 */
#ifndef CONDIS_TEST_CM_PARTY_H
#define CONDIS_TEST_CM_PARTY_H
#include <ndis.h>

typedef struct _CM_ADAPTER {
  NDIS_HANDLE MiniportHandle;
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PendingDrops;
  NDIS_HANDLE DropTimer;
} CM_ADAPTER, *PCM_ADAPTER;

typedef struct _CM_VC {
  PCM_ADAPTER Adapter;
  NDIS_HANDLE NdisVcHandle;
} CM_VC, *PCM_VC;

typedef struct _CM_PARTY {
  LIST_ENTRY Link;
  PCM_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  NDIS_HANDLE WorkItem;
  ULONG Flags;
  NDIS_STATUS DropStatus;
} CM_PARTY, *PCM_PARTY;

extern PCM_PARTY GlobalPendingParty;
extern NDIS_HANDLE GlobalDriverHandle;
#endif
