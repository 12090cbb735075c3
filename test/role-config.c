// condis.Role with the role set by -analyzer-config condis.Role:DriverRole.
// This file makes no registration call, so without the option (or with
// DriverRole=auto) there is no evidence of the role and nothing to report.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=none %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=none %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=none %s \
// RUN:   -analyzer-config condis.Role:DriverRole=auto
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=mcm %s \
// RUN:   -analyzer-config condis.Role:DriverRole=mcm
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=cm %s \
// RUN:   -analyzer-config condis.Role:DriverRole=cm
// The value is not case-sensitive.
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=mcm %s \
// RUN:   -analyzer-config condis.Role:DriverRole=MCM
//
// none-no-diagnostics

#include <ndis.h>

PROTOCOL_CM_DROP_PARTY MyCmDropParty;

NDIS_STATUS MyCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData, UINT Size) {
  NDIS_HANDLE Party = *(PNDIS_HANDLE)CallMgrPartyContext;
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);  // mcm-warning {{NdisCmDropPartyComplete is for stand-alone call managers, but this driver is a miniport call manager; call NdisMCmDropPartyComplete instead}}
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // cm-warning {{NdisMCmDropPartyComplete is for miniport call managers, but this driver is a stand-alone call manager; call NdisCmDropPartyComplete instead}}
  return NDIS_STATUS_PENDING;
}

NDIS_STATUS configuredRoleVcs01(NDIS_HANDLE Handle, NDIS_HANDLE Af) {
  NDIS_HANDLE Vc;
  NDIS_STATUS Status = NdisCoCreateVc(Handle, Af, NULL, &Vc); // mcm-warning {{call NdisMCmCreateVc instead}}
  if (Status != NDIS_STATUS_SUCCESS)
    return Status;
  return NdisMCmDeleteVc(Vc); // cm-warning {{call NdisCoDeleteVc instead}}
}

// Client functions are the same for both roles.
NDIS_STATUS noWarnClientCall01(NDIS_HANDLE Party) {
  return NdisClDropParty(Party, NULL, 0); // no-warning
}
