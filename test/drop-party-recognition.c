// condis.DropParty recognises a drop-party handler by a role-type
// declaration, by a store into a registration field (assignment, designated
// initialiser, positional initialiser of a static table), or by the
// condis:Handlers option. Anything else is not judged as a handler.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify=common %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -analyzer-config 'condis:Handlers=byOption05:PROTOCOL_CM_DROP_PARTY; ignoredName:PROTOCOL_CM_OPEN_AF' \
// RUN:   -I %condis_inputs -verify=common,option %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -I %condis_inputs -verify=common %s -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis.DropParty \
// RUN:   -analyzer-config 'condis:Handlers=byOption05:PROTOCOL_CM_DROP_PARTY; ignoredName:PROTOCOL_CM_OPEN_AF' \
// RUN:   -I %condis_inputs -verify=common,option %s -triple x86_64-pc-windows-msvc -fms-extensions

#include "cm-party.h"

#define PENDING_BODY                                                           \
  UNREFERENCED_PARAMETER(CallMgrPartyContext);                                 \
  UNREFERENCED_PARAMETER(CloseData);                                           \
  UNREFERENCED_PARAMETER(Size);                                                \
  return NDIS_STATUS_PENDING

PROTOCOL_CM_DROP_PARTY byRoleType01;
NDIS_STATUS byRoleType01(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PENDING_BODY; // common-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

static NDIS_STATUS byAssignment02(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PENDING_BODY; // common-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

static NDIS_STATUS byDesignatedInit03(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PENDING_BODY; // common-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

static NDIS_STATUS byPositionalInit04(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PENDING_BODY; // common-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

NDIS_STATUS byOption05(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PENDING_BODY; // option-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

// Same signature, never registered: not a handler.
NDIS_STATUS noWarnLookAlike06(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  PENDING_BODY; // no-warning
}

// Registered for another role: not a drop-party handler.
static NDIS_STATUS noWarnOtherRole07(NDIS_HANDLE CallMgrVcContext) {
  UNREFERENCED_PARAMETER(CallMgrVcContext);
  return NDIS_STATUS_PENDING; // no-warning
}

NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS DesignatedHandlers = {
    .CmDropPartyHandler = byDesignatedInit03,
    .CmCloseAfHandler = noWarnOtherRole07,
};

static NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS PositionalHandlers = {
    {0}, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    byPositionalInit04,
};

NDIS_STATUS CmSetOptions(NDIS_HANDLE NdisDriverHandle) {
  NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS Handlers;
  NdisZeroMemory(&Handlers, sizeof(Handlers));
  Handlers.CmDropPartyHandler = &byAssignment02;
  (void)PositionalHandlers;
  return NdisSetOptionalHandlers(NdisDriverHandle,
                                 (PNDIS_DRIVER_OPTIONAL_HANDLERS)&Handlers);
}
