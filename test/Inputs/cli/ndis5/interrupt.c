/*
 * interrupt.c - the ISR takes the adapter's NDIS spin lock, which is not
 * allowed at device IRQL; its DPC takes it correctly.
 */
#include "adapter.h"

VOID MiniportIsr(PBOOLEAN InterruptRecognized,
                 PBOOLEAN QueueMiniportHandleInterrupt,
                 NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisAcquireSpinLock(&Adapter->Lock);
  Adapter->PendingDrops = 0;
  NdisReleaseSpinLock(&Adapter->Lock);
  *InterruptRecognized = TRUE;
  *QueueMiniportHandleInterrupt = TRUE;
}

VOID MiniportHandleInterrupt(NDIS_HANDLE MiniportAdapterContext) {
  PADAPTER Adapter = (PADAPTER)MiniportAdapterContext;
  NdisDprAcquireSpinLock(&Adapter->Lock);
  Adapter->PendingDrops++;
  NdisDprReleaseSpinLock(&Adapter->Lock);
}
