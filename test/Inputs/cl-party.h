/*
 * cl-party.h - the per-party context of the CoNDIS client used by the
 * condis.DropParty tests.
 */
#ifndef CONDIS_TEST_CL_PARTY_H
#define CONDIS_TEST_CL_PARTY_H
#include <ndis.h>

typedef struct _CL_VC {
  NDIS_HANDLE NdisVcHandle;
  ULONG PartyCount;
} CL_VC, *PCL_VC;

typedef struct _CL_PARTY {
  PCL_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  NDIS_OID_REQUEST Request;
} CL_PARTY, *PCL_PARTY;
#endif
