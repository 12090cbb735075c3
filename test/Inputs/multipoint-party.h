/*
 * multipoint-party.h - per-VC and per-party contexts of a multipoint call,
 * as a CoNDIS client and a call manager keep them: the VC owns a list of
 * its parties, each party is linked into it and also points at the next
 * leaf, and its state and flags share one ULONG. Used by the
 * condis.DropParty tests about other parties' handles and about lists.
 */
#ifndef CONDIS_TEST_MULTIPOINT_PARTY_H
#define CONDIS_TEST_MULTIPOINT_PARTY_H
#include <ndis.h>

/* Party->Flags: the state in the low bits, flags above it. */
#define MP_STATE_MASK 0x0000000F
#define MP_STATE_CONNECTED 0x00000001
#define MP_STATE_CLOSING 0x00000002
#define MP_DROP_TRIED 0x00000100

typedef struct _MP_LEAF_INFO {
  NDIS_HANDLE NdisPartyHandle;
  ULONG LeafId;
} MP_LEAF_INFO, *PMP_LEAF_INFO;

typedef struct _MP_ADAPTER {
  NDIS_HANDLE MiniportHandle;
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PendingDrops;
} MP_ADAPTER, *PMP_ADAPTER;

typedef struct _MP_VC {
  PMP_ADAPTER Adapter;
  NDIS_HANDLE NdisVcHandle;
  NDIS_HANDLE NdisAfHandle;
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PartyList;
  LIST_ENTRY DropList;
  ULONG PartyCount;
  struct _MP_PARTY *FirstParty;
  struct _MP_PARTY *DroppingParty;
  NDIS_HANDLE DroppingPartyHandle;
} MP_VC, *PMP_VC;

typedef struct _MP_PARTY {
  LIST_ENTRY Link;
  struct _MP_PARTY *Next;
  PMP_VC Vc;
  NDIS_HANDLE NdisPartyHandle;
  PMP_LEAF_INFO Leaf;
  ULONG Flags;
  NDIS_OID_REQUEST Request;
} MP_PARTY, *PMP_PARTY;

extern LIST_ENTRY MpGlobalDropList;
#endif
