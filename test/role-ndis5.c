// condis.Role for NDIS 5 drivers built against a Server 2003 DDK-shaped
// ndis.h (Inputs/ddk5). The role comes from the NDIS 5 registration calls:
// NdisMRegisterMiniport and NdisMCmRegisterAddressFamily make a miniport
// call manager, NdisRegisterProtocol and NdisCmRegisterAddressFamily a
// stand-alone one. The DDK declares the NdisMCm* macros (for miniport
// drivers), so each report carries a fix-it.
//
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Role -verify=mcm %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Role -verify=mcm %s
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Role \
// RUN:   -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIXIT
// A protocol driver built with the miniport part of ndis.h too (as
// intermediate drivers are), so that the NdisMCm* forms are declared.
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS50=1 -DNDIS_MINIPORT_DRIVER -DCM_DRIVER -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Role -verify=cm %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS50=1 -DNDIS_MINIPORT_DRIVER -DCM_DRIVER -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Role -verify=cm %s
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS50=1 -DNDIS_MINIPORT_DRIVER -DBOTH_ROLES -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=core,condis.Role -verify=both %s

#include <ndis.h>

NDIS_HANDLE GlobalWrapperHandle;
NDIS_HANDLE GlobalProtocolHandle;
CO_ADDRESS_FAMILY GlobalAf;
NDIS_CALL_MANAGER_CHARACTERISTICS GlobalCmChars;

#if !defined(CM_DRIVER)
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_CHARACTERISTICS Chars;
  NdisMInitializeWrapper(&GlobalWrapperHandle, DriverObject, RegistryPath, NULL);
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.MajorNdisVersion = 5;
  Chars.MinorNdisVersion = 1;
  return NdisMRegisterMiniport(GlobalWrapperHandle, &Chars, sizeof(Chars)); // #miniport
}
// mcm-note@#miniport 2 {{Driver registers as a miniport call manager here (NdisMRegisterMiniport)}}
// both-note@#miniport {{Driver registers as a miniport call manager here (NdisMRegisterMiniport)}}

NDIS_STATUS MiniportInitialize(PNDIS_STATUS OpenErrorStatus,
                               PUINT SelectedMediumIndex,
                               PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
                               NDIS_HANDLE MiniportAdapterHandle,
                               NDIS_HANDLE WrapperConfigurationContext) {
  return NdisMCmRegisterAddressFamily(MiniportAdapterHandle, &GlobalAf,
                                      &GlobalCmChars, sizeof(GlobalCmChars));
}
#endif

#if defined(CM_DRIVER) || defined(BOTH_ROLES)
VOID RegisterProtocol(VOID) {
  NDIS_PROTOCOL_CHARACTERISTICS Chars;
  NDIS_STATUS Status;
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.MajorNdisVersion = 5;
  NdisRegisterProtocol(&Status, &GlobalProtocolHandle, &Chars, sizeof(Chars)); // #protocol
}
// cm-note@#protocol {{Driver registers as a stand-alone call manager here (NdisRegisterProtocol)}}
// both-warning@#protocol {{Driver registers as a stand-alone call manager here (NdisRegisterProtocol) but as a miniport call manager elsewhere (NdisMRegisterMiniport); a call manager is one or the other}}
#endif

#if defined(CM_DRIVER)
VOID ProtocolBindAdapter(PNDIS_STATUS Status, NDIS_HANDLE BindContext,
                         PNDIS_STRING DeviceName, PVOID SystemSpecific1,
                         PVOID SystemSpecific2) {
  *Status = NdisCmRegisterAddressFamily(BindContext, &GlobalAf, &GlobalCmChars,
                                        sizeof(GlobalCmChars));
}

NDIS_STATUS ndis5CmCallsMcmForm01(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  NDIS_HANDLE Party = *(PNDIS_HANDLE)CallMgrPartyContext;
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // no-warning
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // cm-warning{{NdisMCmDropPartyComplete is for miniport call managers, but this driver is a stand-alone call manager; call NdisCmDropPartyComplete instead}}
  return NDIS_STATUS_SUCCESS;
}
#elif !defined(BOTH_ROLES)
NDIS_STATUS ndis5McmCallsCmForm02(NDIS_HANDLE CallMgrPartyContext,
                                  PVOID CloseData, UINT Size) {
  NDIS_HANDLE Party = *(PNDIS_HANDLE)CallMgrPartyContext;
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // no-warning
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // mcm-warning{{NdisCmDropPartyComplete is for stand-alone call managers, but this driver is a miniport call manager; call NdisMCmDropPartyComplete instead}}
  // FIXIT: fix-it:"{{.*}}role-ndis5.c":{[[@LINE-1]]:3-[[@LINE-1]]:26}:"NdisMCmDropPartyComplete"
  return NDIS_STATUS_SUCCESS;
}

NDIS_STATUS ndis5McmCallsCoForm03(NDIS_HANDLE NdisAfHandle, PNDIS_HANDLE Vc) {
  return NdisCoCreateVc(GlobalWrapperHandle, NdisAfHandle, NULL, Vc); // mcm-warning{{call NdisMCmCreateVc instead}}
}
#endif
