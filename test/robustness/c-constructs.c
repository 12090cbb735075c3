// Unusual but valid C around drop-party handlers: K&R definitions, VLAs,
// statement expressions, _Generic, recursion, computed goto, function-pointer
// tables, bit-fields and unions holding party handles. The checker must not
// crash on any of them, and finds the drop-party bugs they hold.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -I %condis_inputs -std=gnu17 -Wno-deprecated-non-prototype -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -I %condis_inputs -std=gnu17 -Wno-deprecated-non-prototype -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

#include "cm-party.h"
#include "cl-party.h"

// ---- K&R definitions of handlers ---------------------------------------------

PROTOCOL_CM_DROP_PARTY knrPendingWithoutHandOff01;
NDIS_STATUS knrPendingWithoutHandOff01(CallMgrPartyContext, CloseData, Size)
  NDIS_HANDLE CallMgrPartyContext;
  PVOID CloseData;
  UINT Size;
{
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  Party->Flags |= 1;
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

PROTOCOL_CM_DROP_PARTY noWarnKnrCompleted02;
NDIS_STATUS noWarnKnrCompleted02(CallMgrPartyContext, CloseData, Size)
  NDIS_HANDLE CallMgrPartyContext;
  PVOID CloseData;
  UINT Size;
{
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS,
                          ((PCM_PARTY)CallMgrPartyContext)->NdisPartyHandle);
  return NDIS_STATUS_PENDING; // no-warning
}

// ---- VLAs and statement expressions ------------------------------------------

PROTOCOL_CM_DROP_PARTY vlaCloseDataPending03;
NDIS_STATUS vlaCloseDataPending03(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  UCHAR Copy[Size + 1]; // a VLA sized by the request
  PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;
  Copy[Size] = 0;
  if (Size)
    NdisMoveMemory(Copy, CloseData, Size);
  Party->Flags = Copy[Size];
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

VOID statementExpressionDoubleCompletion04(PCM_PARTY Party) {
  NDIS_HANDLE Handle = ({
    NDIS_HANDLE H = Party->NdisPartyHandle;
    NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, H);
    H;
  });
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Handle); // expected-warning{{completed a second time}}
}

// ---- _Generic ------------------------------------------------------------------

#define COMPLETE_DROP(P)                                                      \
  _Generic((P), PCM_PARTY: NdisCmDropPartyComplete, default: NdisCmDropPartyComplete)( \
      NDIS_STATUS_SUCCESS, (P)->NdisPartyHandle)

VOID genericUseAfterDrop05(PCM_PARTY Party) {
  COMPLETE_DROP(Party);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle, NULL, 0); // expected-warning{{after the drop completed with NDIS_STATUS_SUCCESS}}
}

// ---- recursion -------------------------------------------------------------------

static VOID CmCompleteChain(PCM_PARTY *Parties, ULONG Count) {
  if (Count == 0)
    return;
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Parties[0]->NdisPartyHandle);
  CmCompleteChain(Parties + 1, Count - 1);
}

VOID recursionUseAfterDrop06(PCM_PARTY *Parties) {
  CmCompleteChain(Parties, 2);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, Parties[1]->NdisPartyHandle, NULL, 0); // expected-warning{{after the drop completed with NDIS_STATUS_SUCCESS}}
}

PROTOCOL_CM_DROP_PARTY recursiveHandler07;
NDIS_STATUS recursiveHandler07(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                               UINT Size) {
  if (Size > 1)
    return recursiveHandler07(CallMgrPartyContext, CloseData, Size - 1); // expected-warning{{neither completed the drop nor handed the party}}
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

// ---- computed goto -------------------------------------------------------------------

VOID computedGotoDoubleCompletion08(PCM_PARTY Party, int Step) {
  static void *Steps[] = {&&fail, &&done};
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  goto *Steps[Step & 1];
fail:
  NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, Party->NdisPartyHandle); // expected-warning{{completed a second time}}
done:
  return;
}

// ---- function-pointer tables -------------------------------------------------------

typedef VOID (*DROP_COMPLETE_FN)(NDIS_STATUS, NDIS_HANDLE);
static const DROP_COMPLETE_FN CompleteTable[] = {NdisCmDropPartyComplete};

VOID pointerCallDoubleCompletion09(PCM_PARTY Party) {
  DROP_COMPLETE_FN Complete = NdisCmDropPartyComplete;
  Complete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  Complete(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // expected-warning{{completed a second time}}
}

VOID tableCallDoubleCompletionCurrentlyFalseNegative09(PCM_PARTY Party) {
  // The analyzer does not read function pointers out of constant arrays,
  // so it cannot tell which function the table holds.
  CompleteTable[0](NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  CompleteTable[0](NDIS_STATUS_SUCCESS, Party->NdisPartyHandle); // no-warning
}

typedef struct _CM_DISPATCH {
  PROTOCOL_CM_DROP_PARTY *DropParty;
} CM_DISPATCH;

PROTOCOL_CM_DROP_PARTY tablePendingHandler10;
NDIS_STATUS tablePendingHandler10(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // expected-warning{{neither completed the drop nor handed the party}}
}

static const CM_DISPATCH Dispatch = {tablePendingHandler10};

NDIS_STATUS noWarnCalledThroughTable11(PCM_PARTY Party) {
  // Not a handler itself: a pending status from a callee is not its bug.
  return Dispatch.DropParty(Party, NULL, 0); // no-warning
}

// ---- bit-fields and unions holding handles --------------------------------------------

typedef struct _PACKED_PARTY {
  ULONG_PTR Handle : 48; // a handle squeezed into a bit-field
  ULONG_PTR Flags : 16;
} PACKED_PARTY;

VOID bitFieldHandleCompletedTwiceCurrentlyFalseNegative12(PACKED_PARTY *P) {
  // The analyzer turns an integer cast to a pointer into an unknown value,
  // so a handle kept as an integer cannot be followed from one completion to
  // the next (the same holds for a plain ULONG_PTR field).
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, (NDIS_HANDLE)P->Handle);
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, (NDIS_HANDLE)P->Handle); // no-warning
}

typedef union _PARTY_HANDLE_UNION {
  NDIS_HANDLE Handle;
  ULONG_PTR Raw;
  UCHAR Bytes[8];
} PARTY_HANDLE_UNION;

VOID unionHandleUseAfterDrop13(PARTY_HANDLE_UNION *U) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, U->Handle);
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, U->Handle, NULL, 0); // expected-warning{{after the drop completed with NDIS_STATUS_SUCCESS}}
}

VOID noWarnUnionTypePun14(PARTY_HANDLE_UNION *U) {
  NdisCmDropPartyComplete(NDIS_STATUS_FAILURE, U->Handle);
  U->Raw = 0;
  NdisCmDispatchIncomingDropParty(NDIS_STATUS_SUCCESS, U->Handle, NULL, 0); // no-warning
}
