// condis.DropParty on NDIS 5 call managers built against a Server 2003
// DDK-shaped ndis.h (Inputs/ddk5), which has no PROTOCOL_CM_DROP_PARTY role
// typedef: the handler is known only by being stored into the CmDropPartyHandler
// field of NDIS_CALL_MANAGER_CHARACTERISTICS, by assignment, designated or
// positional initialiser, and handed to NdisMCmRegisterAddressFamily (a
// miniport call manager) or NdisCmRegisterAddressFamily (a stand-alone one).
//
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.DropParty -verify %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.DropParty -verify %s
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS50=1 -DCM_DRIVER -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.DropParty -verify %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS50=1 -DCM_DRIVER -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.DropParty -verify %s

#include <ndis.h>

typedef struct _PARTY_CONTEXT {
  NDIS_HANDLE NdisPartyHandle;
  ULONG Flags;
} PARTY_CONTEXT, *PPARTY_CONTEXT;

// ---- stored by assignment ----
NDIS_STATUS CmDropPartyPendsNoCompletion01(NDIS_HANDLE CallMgrPartyContext,
                                           PVOID CloseData, UINT Size) {
  PPARTY_CONTEXT Party = (PPARTY_CONTEXT)CallMgrPartyContext;
  Party->Flags |= 1;
  return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

// ---- stored by designated initialiser ----
NDIS_STATUS CmDropPartyDesignated02(NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

NDIS_CALL_MANAGER_CHARACTERISTICS DesignatedCmChars = {
    .MajorVersion = 5,
    .CmDropPartyHandler = CmDropPartyDesignated02,
};

// ---- stored by position, in the DDK's field order ----
NDIS_STATUS CmDropPartyPositional03(NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size) {
  return NDIS_STATUS_PENDING; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

NDIS_STATUS CmAddPartyPositional03(NDIS_HANDLE CallMgrVcContext,
                                   PCO_CALL_PARAMETERS CallParameters,
                                   NDIS_HANDLE NdisPartyHandle,
                                   PNDIS_HANDLE CallMgrPartyContext) {
  return NDIS_STATUS_PENDING; // no-warning
}

NDIS_CALL_MANAGER_CHARACTERISTICS PositionalCmChars = {
    5, 0, 0, 0,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, // CreateVc .. IncomingCallComplete
    CmAddPartyPositional03,                               // CmAddPartyHandler
    CmDropPartyPositional03,                              // CmDropPartyHandler
};

// ---- completed before returning pending: nothing lost ----
#ifdef CM_DRIVER
#define DROP_PARTY_COMPLETE NdisCmDropPartyComplete
#else
#define DROP_PARTY_COMPLETE NdisMCmDropPartyComplete
#endif

NDIS_STATUS noWarnCompletedThenPending04(NDIS_HANDLE CallMgrPartyContext,
                                         PVOID CloseData, UINT Size) {
  PPARTY_CONTEXT Party = (PPARTY_CONTEXT)CallMgrPartyContext;
  DROP_PARTY_COMPLETE(NDIS_STATUS_SUCCESS, Party->NdisPartyHandle);
  return NDIS_STATUS_PENDING; // no-warning
}

NDIS_CALL_MANAGER_CHARACTERISTICS CompletingCmChars = {
    .CmDropPartyHandler = noWarnCompletedThenPending04,
};

// Same signature, never stored into a registration field: not a handler.
NDIS_STATUS noWarnLookAlike06(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                              UINT Size) {
  return NDIS_STATUS_PENDING; // no-warning
}

CO_ADDRESS_FAMILY AddressFamily;

#ifndef CM_DRIVER
NDIS_STATUS MiniportInitialize(PNDIS_STATUS OpenErrorStatus,
                               PUINT SelectedMediumIndex,
                               PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
                               NDIS_HANDLE MiniportAdapterHandle,
                               NDIS_HANDLE WrapperConfigurationContext) {
  NDIS_CALL_MANAGER_CHARACTERISTICS McmChars;
  NdisZeroMemory(&McmChars, sizeof(McmChars));
  McmChars.MajorVersion = 5;
  McmChars.CmDropPartyHandler = CmDropPartyPendsNoCompletion01;
  McmChars.CmCloseAfHandler = NULL;
  return NdisMCmRegisterAddressFamily(MiniportAdapterHandle, &AddressFamily,
                                      &McmChars, sizeof(McmChars));
}
#else
VOID ProtocolBindAdapter(PNDIS_STATUS Status, NDIS_HANDLE BindContext,
                         PNDIS_STRING DeviceName, PVOID SystemSpecific1,
                         PVOID SystemSpecific2) {
  NDIS_CALL_MANAGER_CHARACTERISTICS CmChars;
  NdisZeroMemory(&CmChars, sizeof(CmChars));
  CmChars.MajorVersion = 5;
  CmChars.CmDropPartyHandler = CmDropPartyPendsNoCompletion01;
  *Status = NdisCmRegisterAddressFamily(BindContext, &AddressFamily, &CmChars,
                                        sizeof(CmChars));
}
#endif
