/*
 * adapter.h - a small NDIS 5 miniport call manager split as the DDK samples
 * are: miniport.c registers the miniport and the call manager, interrupt.c
 * has the ISR and its DPC, callmgr.c the call-manager handlers.
 */
#ifndef ADAPTER_H
#define ADAPTER_H
#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_HANDLE MiniportAdapterHandle;
  NDIS_SPIN_LOCK Lock;
  NDIS_HANDLE VcHandle;
  ULONG PendingDrops;
} ADAPTER, *PADAPTER;

VOID MiniportIsr(PBOOLEAN InterruptRecognized,
                 PBOOLEAN QueueMiniportHandleInterrupt,
                 NDIS_HANDLE MiniportAdapterContext);
VOID MiniportHandleInterrupt(NDIS_HANDLE MiniportAdapterContext);
NDIS_STATUS ProtocolCmDropParty(NDIS_HANDLE CallMgrPartyContext,
                                PVOID CloseData, UINT Size);

#endif
