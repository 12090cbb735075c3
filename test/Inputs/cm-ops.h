/*
 * cm-ops.h - the contexts of a call manager, client and miniport used by the
 * condis.Completion tests (WDK naming, as in a real driver).
 */
#ifndef CONDIS_TEST_CM_OPS_H
#define CONDIS_TEST_CM_OPS_H
#include <ndis.h>

typedef struct _OPS_AF {
  NDIS_HANDLE NdisAfHandle;
  NDIS_HANDLE WorkItem;
} OPS_AF, *POPS_AF;

typedef struct _OPS_SAP {
  NDIS_HANDLE NdisSapHandle;
} OPS_SAP, *POPS_SAP;

typedef struct _OPS_VC {
  NDIS_HANDLE NdisVcHandle;
  NDIS_HANDLE NdisPartyHandle;
  NDIS_HANDLE WorkItem;
  PCO_CALL_PARAMETERS CallParameters;
  ULONG Flags;
} OPS_VC, *POPS_VC;

extern NDIS_HANDLE GlobalWorkItem;
extern PVOID GlobalPending;
VOID OpsWorker(PVOID Context, NDIS_HANDLE WorkItem);
#endif
