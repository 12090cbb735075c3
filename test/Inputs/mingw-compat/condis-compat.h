/*
 * condis-compat.h - build a CoNDIS driver against the mingw-w64 DDK headers
 * from Debian (mingw-w64-common: /usr/share/mingw-w64/include/ddk).
 *
 * Those headers are NDIS 5 era and do not compile alone. This header
 * includes them in the order they need, works around their two defects, and
 * supplies what a CoNDIS driver written for NDIS 6 and condis-check needs:
 *
 *   1. ddk/ndis.h includes the user-mode <ntddndis.h>, which already defines
 *      enum NDIS_REQUEST_TYPE, and then defines it again: the user-mode copy
 *      is included first under other names.
 *   2. ddk/ndis.h declares NdisMWanIndicateReceiveComplete with a missing
 *      comma between its parameters: a function-like macro of the same name
 *      rewrites that one declaration.
 *   3. The role typedefs (PROTOCOL_CM_DROP_PARTY, ...), which NDIS 5 headers
 *      only have as pointer typedefs (CM_DROP_PARTY_HANDLER, ...): each is
 *      the function type those pointers point to, so signatures match the
 *      headers exactly.
 *   4. The NdisMCm* forms, which the WDK writes as macros over the NdisCm*
 *      functions (rules/condis.def, Spelling column Macro).
 *   5. The NDIS 6 declarations a CoNDIS driver uses and NDIS 5 lacks: I/O
 *      work items, NdisCmRegisterAddressFamilyEx and
 *      NdisMCmRegisterAddressFamilyEx, and the optional-handler tables.
 *
 * Use: compile for x86_64-w64-mingw32 with
 *   -isystem /usr/share/mingw-w64/include -isystem /usr/share/mingw-w64/include/ddk
 *   -I <this directory>
 * and include <condis-compat.h> instead of <ntddk.h> and <ndis.h>.
 */
#ifndef CONDIS_MINGW_COMPAT_H
#define CONDIS_MINGW_COMPAT_H
#pragma clang system_header

#if !defined(NDIS_MINIPORT_DRIVER) && !defined(NDIS50) && !defined(NDIS51)
#define NDIS51 1
#endif

/* clang's <mm3dnow.h>, reached through <intrin.h>, warns that it is
   deprecated; not the driver's business. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-W#warnings"

#include <ntddk.h>

/* 1. The user-mode NDIS_REQUEST_TYPE, under names nobody uses. */
#define _NDIS_REQUEST_TYPE _CONDIS_UM_NDIS_REQUEST_TYPE
#define NDIS_REQUEST_TYPE CONDIS_UM_NDIS_REQUEST_TYPE
#define PNDIS_REQUEST_TYPE CONDIS_UM_PNDIS_REQUEST_TYPE
#define NdisRequestQueryInformation CondisUmNdisRequestQueryInformation
#define NdisRequestSetInformation CondisUmNdisRequestSetInformation
#define NdisRequestQueryStatistics CondisUmNdisRequestQueryStatistics
#define NdisRequestOpen CondisUmNdisRequestOpen
#define NdisRequestClose CondisUmNdisRequestClose
#define NdisRequestSend CondisUmNdisRequestSend
#define NdisRequestTransferData CondisUmNdisRequestTransferData
#define NdisRequestReset CondisUmNdisRequestReset
#define NdisRequestGeneric1 CondisUmNdisRequestGeneric1
#define NdisRequestGeneric2 CondisUmNdisRequestGeneric2
#define NdisRequestGeneric3 CondisUmNdisRequestGeneric3
#define NdisRequestGeneric4 CondisUmNdisRequestGeneric4
#include <ntddndis.h>
#undef _NDIS_REQUEST_TYPE
#undef NDIS_REQUEST_TYPE
#undef PNDIS_REQUEST_TYPE
#undef NdisRequestQueryInformation
#undef NdisRequestSetInformation
#undef NdisRequestQueryStatistics
#undef NdisRequestOpen
#undef NdisRequestClose
#undef NdisRequestSend
#undef NdisRequestTransferData
#undef NdisRequestReset
#undef NdisRequestGeneric1
#undef NdisRequestGeneric2
#undef NdisRequestGeneric3
#undef NdisRequestGeneric4

/* 2. The declaration with the missing comma. */
#define NdisMWanIndicateReceiveComplete(...)                                   \
  NdisMWanIndicateReceiveComplete(NDIS_HANDLE MiniportAdapterHandle,           \
                                  NDIS_HANDLE NdisLinkContext)
#include <ndis.h>
#undef NdisMWanIndicateReceiveComplete

#pragma clang diagnostic pop

#ifdef __cplusplus
extern "C" {
#endif

/* 3. Role typedefs: the function types of the NDIS 5 handler pointers. */
#define CONDIS_ROLE_TYPEDEF(Role, Pointer) typedef __typeof__(*(Pointer)0) Role;
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_ACTIVATE_VC_COMPLETE, CM_ACTIVATE_VC_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_ADD_PARTY, CM_ADD_PARTY_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_CLOSE_AF, CM_CLOSE_AF_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_CLOSE_CALL, CM_CLOSE_CALL_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_DEACTIVATE_VC_COMPLETE, CM_DEACTIVATE_VC_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_DEREGISTER_SAP, CM_DEREG_SAP_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_DROP_PARTY, CM_DROP_PARTY_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_INCOMING_CALL_COMPLETE, CM_INCOMING_CALL_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_MAKE_CALL, CM_MAKE_CALL_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_MODIFY_QOS_CALL, CM_MODIFY_CALL_QOS_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_OPEN_AF, CM_OPEN_AF_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CM_REG_SAP, CM_REG_SAP_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_ADD_PARTY_COMPLETE, CL_ADD_PARTY_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_CALL_CONNECTED, CL_CALL_CONNECTED_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_CLOSE_AF_COMPLETE, CL_CLOSE_AF_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_CLOSE_CALL_COMPLETE, CL_CLOSE_CALL_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_DEREGISTER_SAP_COMPLETE, CL_DEREG_SAP_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_DROP_PARTY_COMPLETE, CL_DROP_PARTY_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_INCOMING_CALL, CL_INCOMING_CALL_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE, CL_INCOMING_CALL_QOS_CHANGE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_INCOMING_CLOSE_CALL, CL_INCOMING_CLOSE_CALL_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_INCOMING_DROP_PARTY, CL_INCOMING_DROP_PARTY_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_MAKE_CALL_COMPLETE, CL_MAKE_CALL_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE, CL_MODIFY_CALL_QOS_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CL_REGISTER_SAP_COMPLETE, CL_REG_SAP_COMPLETE_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CO_CREATE_VC, CO_CREATE_VC_HANDLER)
CONDIS_ROLE_TYPEDEF(PROTOCOL_CO_DELETE_VC, CO_DELETE_VC_HANDLER)
#undef CONDIS_ROLE_TYPEDEF

/* 4. The miniport call manager's forms, as the WDK spells them. The two
   OID-request forms are left out: their NDIS 6 types are not in these
   headers. */
#define NdisMCmAddPartyComplete(_S_, _H_, _C_, _P_) NdisCmAddPartyComplete(_S_, _H_, _C_, _P_)
#define NdisMCmCloseAddressFamilyComplete(_S_, _H_) NdisCmCloseAddressFamilyComplete(_S_, _H_)
#define NdisMCmCloseCallComplete(_S_, _VH_, _PH_) NdisCmCloseCallComplete(_S_, _VH_, _PH_)
#define NdisMCmDeregisterSapComplete(_S_, _H_) NdisCmDeregisterSapComplete(_S_, _H_)
#define NdisMCmDispatchCallConnected(_H_) NdisCmDispatchCallConnected(_H_)
#define NdisMCmDispatchIncomingCall(_SH_, _VH_, _CP_) NdisCmDispatchIncomingCall(_SH_, _VH_, _CP_)
#define NdisMCmDispatchIncomingCallQoSChange(_H_, _P_) NdisCmDispatchIncomingCallQoSChange(_H_, _P_)
#define NdisMCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_) NdisCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_)
#define NdisMCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_) NdisCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_)
#define NdisMCmDropPartyComplete(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
#define NdisMCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_) NdisCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_)
#define NdisMCmModifyCallQoSComplete(_S_, _H_, _P_) NdisCmModifyCallQoSComplete(_S_, _H_, _P_)
#define NdisMCmOpenAddressFamilyComplete(_S_, _H_, _C_) NdisCmOpenAddressFamilyComplete(_S_, _H_, _C_)
#define NdisMCmRegisterSapComplete(_S_, _H_, _C_) NdisCmRegisterSapComplete(_S_, _H_, _C_)
#define NdisMCmRequestComplete(_S_, _AH_, _VH_, _PH_, _R_) NdisCoRequestComplete(_S_, _AH_, _VH_, _PH_, _R_)

/* 5. NDIS 6 declarations. */
typedef VOID(NTAPI NDIS_IO_WORKITEM_FUNCTION)(PVOID WorkItemContext,
                                              NDIS_HANDLE NdisIoWorkItemHandle);
typedef NDIS_IO_WORKITEM_FUNCTION *NDIS_IO_WORKITEM_ROUTINE;
NDISAPI NDIS_HANDLE NTAPI NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle);
NDISAPI VOID NTAPI NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle,
                                       NDIS_IO_WORKITEM_ROUTINE Routine,
                                       PVOID WorkItemContext);
NDISAPI VOID NTAPI NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle);

typedef struct _NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS {
  NDIS_OBJECT_HEADER Header;
  ULONG Reserved;
  CO_CREATE_VC_HANDLER CmCreateVcHandler;
  CO_DELETE_VC_HANDLER CmDeleteVcHandler;
  CM_OPEN_AF_HANDLER CmOpenAfHandler;
  CM_CLOSE_AF_HANDLER CmCloseAfHandler;
  CM_REG_SAP_HANDLER CmRegisterSapHandler;
  CM_DEREG_SAP_HANDLER CmDeregisterSapHandler;
  CM_MAKE_CALL_HANDLER CmMakeCallHandler;
  CM_CLOSE_CALL_HANDLER CmCloseCallHandler;
  CM_INCOMING_CALL_COMPLETE_HANDLER CmIncomingCallCompleteHandler;
  CM_ADD_PARTY_HANDLER CmAddPartyHandler;
  CM_DROP_PARTY_HANDLER CmDropPartyHandler;
  CM_ACTIVATE_VC_COMPLETE_HANDLER CmActivateVcCompleteHandler;
  CM_DEACTIVATE_VC_COMPLETE_HANDLER CmDeactivateVcCompleteHandler;
  CM_MODIFY_CALL_QOS_HANDLER CmModifyCallQoSHandler;
  PVOID CmOidRequestHandler;
  PVOID CmOidRequestCompleteHandler;
  PVOID CmNotifyCloseAddressFamilyCompleteHandler;
} NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, *PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS;

NDISAPI NDIS_STATUS NTAPI NdisCmRegisterAddressFamilyEx(
    NDIS_HANDLE NdisBindingHandle, PCO_ADDRESS_FAMILY AddressFamily);
NDISAPI NDIS_STATUS NTAPI NdisMCmRegisterAddressFamilyEx(
    NDIS_HANDLE MiniportAdapterHandle, PCO_ADDRESS_FAMILY AddressFamily);

#ifdef __cplusplus
}
#endif

#endif /* CONDIS_MINGW_COMPAT_H */
