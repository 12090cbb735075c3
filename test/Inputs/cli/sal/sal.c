/*
 * sal.c - a helper annotated _IRQL_requires_(PASSIVE_LEVEL) called under a
 * spin lock. The annotation expands to nothing, so only a tool that reads
 * the macro expansions sees it (test/condis-check/sal.test).
 */
#include <ndis.h>

typedef struct _CM_ADAPTER {
  NDIS_SPIN_LOCK Lock;
  ULONG Flags;
} CM_ADAPTER, *PCM_ADAPTER;

_IRQL_requires_(PASSIVE_LEVEL)
VOID CmpReadRegistry(PCM_ADAPTER Adapter);

VOID CmpRefresh(PCM_ADAPTER Adapter) {
  NdisAcquireSpinLock(&Adapter->Lock);
  CmpReadRegistry(Adapter);
  NdisReleaseSpinLock(&Adapter->Lock);
}
