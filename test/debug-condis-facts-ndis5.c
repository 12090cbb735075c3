// debug.CondisFacts on an NDIS 5 miniport call manager built against a
// Server 2003 DDK-shaped ndis.h (Inputs/ddk5): handlers stored into
// NDIS_MINIPORT_CHARACTERISTICS and NDIS_CALL_MANAGER_CHARACTERISTICS
// (including the legacy request fields), the ISR and its DPC with the IRQL
// they run at, and the role evidence of NdisMRegisterMiniport and
// NdisMCmRegisterAddressFamily; and on a stand-alone call manager that is
// also a client of another call manager, the NDIS 5.0 protocol, call-manager
// and client characteristics, with the evidence of NdisRegisterProtocol and
// NdisCmRegisterAddressFamily.
//
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=debug.CondisFacts -verify=mcm %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS_MINIPORT_DRIVER -DNDIS51_MINIPORT=1 -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=debug.CondisFacts -verify=mcm %s
// RUN: %clang_analyze_cc1 -triple i686-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_X86_ -DNDIS50=1 -DPROTOCOL_DRIVER -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=debug.CondisFacts -verify=proto %s
// RUN: %clang_analyze_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fms-compatibility \
// RUN:   -D_AMD64_ -D_WIN64 -DNDIS50=1 -DPROTOCOL_DRIVER -isystem %condis_inputs/ddk5 \
// RUN:   -load %condis_plugin -analyzer-checker=debug.CondisFacts -verify=proto %s

#include <ndis.h>

#ifndef PROTOCOL_DRIVER

// mcm-warning@1 {{handler 'MyCmDropParty' implements PROTOCOL_CM_DROP_PARTY}}
// mcm-warning@1 {{handler 'MyCmCreateVc' implements PROTOCOL_CO_CREATE_VC}}
// mcm-warning@1 {{handler 'MyCmRequest' implements PROTOCOL_CO_OID_REQUEST}}
// mcm-warning@1 {{handler 'MyCmRequestComplete' implements PROTOCOL_CO_OID_REQUEST_COMPLETE}}
// mcm-warning@1 {{handler 'MyCoActivateVc' implements MINIPORT_CO_ACTIVATE_VC}}
// mcm-warning@1 {{routine 'MyIsr' is an ISR: it runs at device IRQL (stored into NDIS_MINIPORT_CHARACTERISTICS.ISRHandler)}}
// mcm-warning@1 {{routine 'MyHandleInterrupt' is an interrupt DPC: it runs at DISPATCH_LEVEL (stored into NDIS_MINIPORT_CHARACTERISTICS.HandleInterruptHandler)}}
// mcm-warning@1 {{role evidence: miniport call manager (NdisMRegisterMiniport at debug-condis-facts-ndis5.c:62:10)}}
// mcm-warning@1 {{role evidence: miniport call manager (NdisMCmRegisterAddressFamily at debug-condis-facts-ndis5.c:76:10)}}

VOID MyIsr(PBOOLEAN InterruptRecognized, PBOOLEAN QueueMiniportHandleInterrupt,
           NDIS_HANDLE MiniportAdapterContext);
VOID MyHandleInterrupt(NDIS_HANDLE MiniportAdapterContext);
NDIS_STATUS MyCoActivateVc(NDIS_HANDLE MiniportVcContext,
                           PCO_CALL_PARAMETERS CallParameters);
NDIS_STATUS MyCmCreateVc(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
                         PNDIS_HANDLE ProtocolVcContext);
NDIS_STATUS MyCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                          UINT Size);
NDIS_STATUS MyCmRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
                        NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest);
VOID MyCmRequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
                         NDIS_HANDLE ProtocolVcContext,
                         NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest);
VOID MyUnregistered(NDIS_HANDLE MiniportAdapterContext); // no-warning

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_CHARACTERISTICS Chars;
  NDIS_HANDLE Wrapper;
  NdisMInitializeWrapper(&Wrapper, DriverObject, RegistryPath, NULL);
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.ISRHandler = MyIsr;
  Chars.HandleInterruptHandler = MyHandleInterrupt;
  Chars.CoActivateVcHandler = MyCoActivateVc;
  return NdisMRegisterMiniport(Wrapper, &Chars, sizeof(Chars));
}

NDIS_STATUS MiniportInitialize(PNDIS_STATUS OpenErrorStatus,
                               PUINT SelectedMediumIndex,
                               PNDIS_MEDIUM MediumArray, UINT MediumArraySize,
                               NDIS_HANDLE MiniportAdapterHandle,
                               NDIS_HANDLE WrapperConfigurationContext) {
  static CO_ADDRESS_FAMILY Af;
  static NDIS_CALL_MANAGER_CHARACTERISTICS McmChars;
  McmChars.CmCreateVcHandler = MyCmCreateVc;
  McmChars.CmDropPartyHandler = MyCmDropParty;
  McmChars.CmRequestHandler = MyCmRequest;
  McmChars.CmRequestCompleteHandler = MyCmRequestComplete;
  return NdisMCmRegisterAddressFamily(MiniportAdapterHandle, &Af, &McmChars,
                                      sizeof(McmChars));
}

#else

// proto-warning@1 {{handler 'MyClDropPartyComplete' implements PROTOCOL_CL_DROP_PARTY_COMPLETE}}
// proto-warning@1 {{handler 'MyClRequest' implements PROTOCOL_CO_OID_REQUEST}}
// proto-warning@1 {{handler 'MyClRequestComplete' implements PROTOCOL_CO_OID_REQUEST_COMPLETE}}
// proto-warning@1 {{handler 'MyCmDropParty' implements PROTOCOL_CM_DROP_PARTY}}
// proto-warning@1 {{handler 'MyCoAfRegisterNotify' implements PROTOCOL_CO_AF_REGISTER_NOTIFY}}
// proto-warning@1 {{handler 'MyCoReceivePacket' implements PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS}}
// proto-warning@1 {{handler 'MyCoSendComplete' implements PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE}}
// proto-warning@1 {{handler 'MyCoStatus' implements PROTOCOL_CO_STATUS_EX}}
// proto-warning@1 {{role evidence: stand-alone call manager (NdisRegisterProtocol at debug-condis-facts-ndis5.c:122:3)}}
// proto-warning@1 {{role evidence: stand-alone call manager (NdisCmRegisterAddressFamily at debug-condis-facts-ndis5.c:133:13)}}

VOID MyCoSendComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
                      PNDIS_PACKET Packet);
VOID MyCoStatus(NDIS_HANDLE ProtocolBindingContext, NDIS_HANDLE ProtocolVcContext,
                NDIS_STATUS GeneralStatus, PVOID StatusBuffer,
                UINT StatusBufferSize);
UINT MyCoReceivePacket(NDIS_HANDLE ProtocolBindingContext,
                       NDIS_HANDLE ProtocolVcContext, PNDIS_PACKET Packet);
VOID MyCoAfRegisterNotify(NDIS_HANDLE ProtocolBindingContext,
                          PCO_ADDRESS_FAMILY AddressFamily);
NDIS_STATUS MyCmDropParty(NDIS_HANDLE CallMgrPartyContext, PVOID CloseData,
                          UINT Size);
NDIS_STATUS MyClRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
                        NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest);
VOID MyClRequestComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
                         NDIS_HANDLE ProtocolVcContext,
                         NDIS_HANDLE ProtocolPartyContext, PNDIS_REQUEST NdisRequest);
VOID MyClDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext);

NDIS_HANDLE ProtocolHandle;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  NDIS_PROTOCOL_CHARACTERISTICS Chars;
  NDIS_STATUS Status;
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.MajorNdisVersion = 5;
  Chars.CoSendCompleteHandler = MyCoSendComplete;
  Chars.CoStatusHandler = MyCoStatus;
  Chars.CoReceivePacketHandler = MyCoReceivePacket;
  Chars.CoAfRegisterNotifyHandler = MyCoAfRegisterNotify;
  NdisRegisterProtocol(&Status, &ProtocolHandle, &Chars, sizeof(Chars));
  return Status;
}

VOID ProtocolBindAdapter(PNDIS_STATUS Status, NDIS_HANDLE BindContext,
                         PNDIS_STRING DeviceName, PVOID SystemSpecific1,
                         PVOID SystemSpecific2) {
  static CO_ADDRESS_FAMILY Af;
  static NDIS_CALL_MANAGER_CHARACTERISTICS CmChars = {
      .CmDropPartyHandler = MyCmDropParty,
  };
  *Status = NdisCmRegisterAddressFamily(BindContext, &Af, &CmChars,
                                        sizeof(CmChars));
}

VOID OpenUpperAddressFamily(NDIS_HANDLE BindingHandle, PCO_ADDRESS_FAMILY Af,
                            PNDIS_HANDLE AfHandle) {
  static NDIS_CLIENT_CHARACTERISTICS ClChars = {
      5, 0, 0, 0, NULL, NULL, MyClRequest, MyClRequestComplete,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
      MyClDropPartyComplete,
  };
  NdisClOpenAddressFamily(BindingHandle, Af, NULL, &ClChars, sizeof(ClChars),
                          AfHandle);
}

#endif
