#include "marks.h"

PROTOCOL_CM_CLOSE_AF MarksCloseAf;
NDIS_STATUS MarksCloseAf(NDIS_HANDLE CallMgrAfContext) {
  PMARKS_AF Af = (PMARKS_AF)CallMgrAfContext;
  if (Af->VcCount == 0) {
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
    return NDIS_STATUS_PENDING;
  }
  Af->Flags |= MARKS_AF_CLOSING;
  return NDIS_STATUS_PENDING; /* MarksDeleteVc in vc.c completes it */
}

PROTOCOL_CM_CLOSE_AF MarksCloseAfTraced;
NDIS_STATUS MarksCloseAfTraced(NDIS_HANDLE CallMgrAfContext) {
  PMARKS_AF Af = (PMARKS_AF)CallMgrAfContext;
  Af->Flags |= MARKS_AF_TRACED;
  return NDIS_STATUS_PENDING; /* nobody completes on this flag */
}
