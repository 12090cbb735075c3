#include "marks.h"

PROTOCOL_CO_DELETE_VC MarksDeleteVc;
NDIS_STATUS MarksDeleteVc(NDIS_HANDLE ProtocolVcContext) {
  PMARKS_AF Af = ((PMARKS_VC)ProtocolVcContext)->Af;
  if (--Af->VcCount == 0 && (Af->Flags & MARKS_AF_CLOSING))
    NdisCmCloseAddressFamilyComplete(NDIS_STATUS_SUCCESS, Af->NdisAfHandle);
  return NDIS_STATUS_SUCCESS;
}
