// condis.Role, a translation unit that registers as both a stand-alone and a
// miniport call manager: reported once, at the first registration that
// disagrees, with a note at the first registration. The role is then
// unknown, so no call is reported. A configured role replaces the evidence:
// no conflict, and each registration is judged as a call.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=auto %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=auto %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=mcm %s \
// RUN:   -analyzer-config condis.Role:DriverRole=mcm
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs -verify=cm %s \
// RUN:   -analyzer-config condis.Role:DriverRole=cm

#include <ndis.h>

NDIS_HANDLE GlobalDriverHandle;
CO_ADDRESS_FAMILY GlobalAf;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars = {0};
  return NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars, // #first
                                     &GlobalDriverHandle);
  // auto-note@#first {{Driver registers as a miniport call manager here (NdisMRegisterMiniportDriver)}}
}

NDIS_STATUS MyMiniportInitializeEx(NDIS_HANDLE MiniportAdapterHandle) {
  NDIS_STATUS Status;
  Status = NdisMCmRegisterAddressFamilyEx(MiniportAdapterHandle, &GlobalAf); // cm-warning {{NdisMCmRegisterAddressFamilyEx is for miniport call managers, but this driver is a stand-alone call manager; call NdisCmRegisterAddressFamilyEx instead}}
  if (Status != NDIS_STATUS_SUCCESS)
    return Status;
  // Registering the same family with the stand-alone call manager's function
  // makes the driver both.
  Status = NdisCmRegisterAddressFamilyEx(MiniportAdapterHandle, &GlobalAf);
  // auto-warning@-1 {{Driver registers as a stand-alone call manager here (NdisCmRegisterAddressFamilyEx) but as a miniport call manager elsewhere (NdisMRegisterMiniportDriver); a call manager is one or the other: keep the registrations of one role, or set -analyzer-config condis.Role:DriverRole=cm|mcm}}
  // mcm-warning@-2 {{NdisCmRegisterAddressFamilyEx is for stand-alone call managers, but this driver is a miniport call manager; call NdisMCmRegisterAddressFamilyEx instead}}
  return Status;
}

// A third registration does not make a second report.
NDIS_STATUS MyLegacyRegister(NDIS_HANDLE Binding, PVOID Chars) {
  return NdisCmRegisterAddressFamily(Binding, &GlobalAf, Chars, 0); // mcm-warning {{call NdisMCmRegisterAddressFamily instead}}
}

// With the role unknown, calls are not judged.
void conflictSilencesCalls01(NDIS_HANDLE Party) {
  NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party);  // mcm-warning {{call NdisMCmDropPartyComplete instead}}
  NdisMCmDropPartyComplete(NDIS_STATUS_SUCCESS, Party); // cm-warning {{call NdisCmDropPartyComplete instead}}
}
