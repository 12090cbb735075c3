// condis.DropParty on party state kept in flag words, the way real clients
// keep it: state and flags packed in one ULONG, a loop that drops "the next
// member not yet tried". Clang's range solver cannot follow the bit
// operations, so without Z3 refutation it takes a second trip round the loop
// that picks the member it has just dropped, and reports a double drop that
// cannot happen. crosscheck-with-z3=true refutes that path and keeps the
// true bug. condis-check and condis-clangd turn it on by default; the plugin
// routes must pass it (docs/checkers/drop-party.md).
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.DropParty -I %condis_inputs \
// RUN:   -analyzer-config crosscheck-with-z3=true -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.DropParty -I %condis_inputs \
// RUN:   -analyzer-config crosscheck-with-z3=true -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions
//
// Without refutation (the analyzer's default): the false positives.
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.DropParty -I %condis_inputs \
// RUN:   -verify=expected,rangeonly %s
//
// The plugin route, as docs/checkers/drop-party.md says to run it.
// RUN: %clang --analyze -fplugin=%condis_plugin \
// RUN:   -Xanalyzer -analyzer-checker=condis.DropParty \
// RUN:   -Xanalyzer -analyzer-config -Xanalyzer crosscheck-with-z3=true \
// RUN:   -I %condis_inputs %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// CHECK: drop-party-flags.c:{{[0-9]+}}:{{[0-9]+}}: warning: Party handle passed to NdisCoOidRequest after NdisClDropParty invalidated it

#include <ndis.h>

#define CL_PARTY_STATE_MASK     0x0000000FUL
#define CL_PARTY_STATE_ACTIVE   0x00000001UL
#define CL_PARTY_STATE_CLOSING  0x00000002UL
#define CL_PARTY_DROP_TRIED     0x00000100UL
#define CL_PARTY_STATS_WANTED   0x00000200UL

typedef struct _CL_PARTY {
  struct _CL_PARTY *Next;
  NDIS_HANDLE NdisPartyHandle;
  ULONG Flags; // CL_PARTY_STATE_* in the low bits, CL_PARTY_* flags above
  NDIS_OID_REQUEST StatsRequest;
} CL_PARTY, *PCL_PARTY;

typedef struct _CL_VC {
  NDIS_HANDLE BindingHandle;
  NDIS_HANDLE AfHandle;
  NDIS_HANDLE NdisVcHandle;
  PCL_PARTY Parties;
  ULONG PartyCount;
} CL_VC, *PCL_VC;

/// The first member of the VC's party list not yet tried.
#define CL_FIND_UNTRIED(Vc, Member)                                          \
  for ((Member) = (Vc)->Parties; (Member) != NULL; (Member) = (Member)->Next) \
    if (!((Member)->Flags & CL_PARTY_DROP_TRIED))                            \
      break

static VOID ClMarkClosing(PCL_PARTY Member) {
  Member->Flags |= CL_PARTY_DROP_TRIED;
  Member->Flags = (Member->Flags & ~CL_PARTY_STATE_MASK) | CL_PARTY_STATE_CLOSING;
}

// Drops every leaf but the last (which closes the call instead). A member
// is marked tried before it is dropped, so no member is dropped twice.
VOID dropUntriedPartiesWithoutZ3CurrentlyFalsePositive01(PCL_VC Vc) {
  PCL_PARTY Member;
  NDIS_STATUS Status;
  for (;;) {
    CL_FIND_UNTRIED(Vc, Member);
    if (Member == NULL || Vc->PartyCount <= 1)
      break;
    ClMarkClosing(Member);
    Status = NdisClDropParty(Member->NdisPartyHandle, NULL, 0); // rangeonly-warning{{Party handle passed to NdisClDropParty after NdisClDropParty invalidated it}}
    if (Status != NDIS_STATUS_PENDING)
      Vc->PartyCount--;
  }
}

// The same loop, and a true bug: after a drop that completed at once the
// party handle is dead, yet its statistics are queried with it.
VOID statisticsAfterSyncDrop02(PCL_VC Vc) {
  PCL_PARTY Member;
  NDIS_STATUS Status;
  for (;;) {
    CL_FIND_UNTRIED(Vc, Member);
    if (Member == NULL || Vc->PartyCount <= 1)
      break;
    ClMarkClosing(Member);
    Status = NdisClDropParty(Member->NdisPartyHandle, NULL, 0); // rangeonly-warning{{Party handle passed to NdisClDropParty after NdisClDropParty invalidated it}}
    if (Status == NDIS_STATUS_SUCCESS && (Member->Flags & CL_PARTY_STATS_WANTED))
      NdisCoOidRequest(Vc->BindingHandle, Vc->AfHandle, Vc->NdisVcHandle, Member->NdisPartyHandle, &Member->StatsRequest); // expected-warning{{Party handle passed to NdisCoOidRequest after NdisClDropParty invalidated it}}
    if (Status != NDIS_STATUS_PENDING)
      Vc->PartyCount--;
  }
}

// Flag words the range solver can follow are not a problem for it: a
// member's state compared as a whole.
VOID noWarnStateCompared03(PCL_VC Vc) {
  PCL_PARTY Member;
  for (Member = Vc->Parties; Member != NULL; Member = Member->Next) {
    if (Member->Flags == CL_PARTY_STATE_CLOSING)
      continue;
    Member->Flags = CL_PARTY_STATE_CLOSING;
    NdisClDropParty(Member->NdisPartyHandle, NULL, 0); // no-warning
  }
}
