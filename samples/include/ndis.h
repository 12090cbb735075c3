/*
 * ndis.h - condis-check's simulator of the WDK's ndis.h (NDIS 6.x CoNDIS
 * part). Written from ../shared/reference/condis-api.tsv and the public DDI
 * reference: declarations only, the NdisMCm* forms as macros over the NdisCm*
 * functions exactly as the WDK spells them, the role typedefs with their SAL
 * annotations (empty under clang), and the registration structures, with
 * the WDK's signatures and layouts.
 *
 * It lives with the samples (samples/include), so that a copy of samples/
 * compiles on its own; the tests reach it through test/Inputs/ndis.h.
 *
 * Two simulators use it. On its own (-I samples/include or -I test/Inputs)
 * it brings ntddk.h and
 * declares the NDIS spin-lock, IRQL, interlocked and memory routines as
 * functions. The WDK-shaped simulator (test/Inputs/wdk/km/ndis.h, which
 * defines the kit's _NDIS_ guard first) includes it for everything else,
 * after the kit-shaped kernel headers, and writes those routines as the
 * kit's macros over the kernel's.
 */
#ifndef CONDIS_SIM_NDIS_H
#define CONDIS_SIM_NDIS_H
#pragma clang system_header

#if !defined(_NDIS_)
#include "ntddk.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef _Return_type_success_(return >= 0) int NDIS_STATUS, *PNDIS_STATUS;
typedef PVOID NDIS_HANDLE, *PNDIS_HANDLE;
typedef UNICODE_STRING NDIS_STRING, *PNDIS_STRING;
typedef KSPIN_LOCK NDIS_SPIN_LOCK_INNER;
typedef struct _NDIS_SPIN_LOCK {
  KSPIN_LOCK SpinLock;
  KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;
typedef ULONG NDIS_OID;
typedef struct _NDIS_OBJECT_HEADER {
  UCHAR Type;
  UCHAR Revision;
  USHORT Size;
} NDIS_OBJECT_HEADER;

#define NDIS_STATUS_SUCCESS ((NDIS_STATUS)STATUS_SUCCESS)
#define NDIS_STATUS_PENDING ((NDIS_STATUS)STATUS_PENDING)
#define NDIS_STATUS_FAILURE ((NDIS_STATUS)0xC0000001L)
#define NDIS_STATUS_RESOURCES ((NDIS_STATUS)0xC000009AL)
#define NDIS_STATUS_NOT_SUPPORTED ((NDIS_STATUS)0xC00000BBL)
#define NDIS_STATUS_INVALID_DATA ((NDIS_STATUS)0xC0010015L)
#define NDIS_STATUS_NOT_ACCEPTED ((NDIS_STATUS)0x00010003L)
#define NDIS_STATUS_CLOSING ((NDIS_STATUS)0xC0010002L)
#define NDIS_STATUS_INVALID_STATE ((NDIS_STATUS)0xC0000184L)

typedef struct _CO_ADDRESS_FAMILY {
  ULONG AddressFamily;
  ULONG MajorVersion;
  ULONG MinorVersion;
} CO_ADDRESS_FAMILY, *PCO_ADDRESS_FAMILY;
typedef struct _CO_SAP {
  ULONG SapType;
  ULONG SapLength;
  UCHAR Sap[1];
} CO_SAP, *PCO_SAP;
typedef struct _CO_CALL_PARAMETERS {
  ULONG Flags;
  PVOID CallMgrParameters;
  PVOID MediaParameters;
} CO_CALL_PARAMETERS, *PCO_CALL_PARAMETERS;
typedef ULONG NDIS_PORT_NUMBER;
typedef enum _NDIS_REQUEST_TYPE {
  NdisRequestQueryInformation,
  NdisRequestSetInformation,
  NdisRequestQueryStatistics,
  NdisRequestMethod = 12
} NDIS_REQUEST_TYPE, *PNDIS_REQUEST_TYPE;
/* The OID and its buffers are inside the DATA union, one struct per
 * request type. */
typedef struct _NDIS_OID_REQUEST {
  NDIS_OBJECT_HEADER Header;
  NDIS_REQUEST_TYPE RequestType;
  NDIS_PORT_NUMBER PortNumber;
  UINT Timeout;
  PVOID RequestId;
  NDIS_HANDLE RequestHandle;
  union _REQUEST_DATA {
    struct _QUERY {
      NDIS_OID Oid;
      PVOID InformationBuffer;
      UINT InformationBufferLength;
      UINT BytesWritten;
      UINT BytesNeeded;
    } QUERY_INFORMATION;
    struct _SET {
      NDIS_OID Oid;
      PVOID InformationBuffer;
      UINT InformationBufferLength;
      UINT BytesRead;
      UINT BytesNeeded;
    } SET_INFORMATION;
    struct _METHOD {
      NDIS_OID Oid;
      PVOID InformationBuffer;
      ULONG InputBufferLength;
      ULONG OutputBufferLength;
      ULONG MethodId;
      UINT BytesWritten;
      UINT BytesRead;
      UINT BytesNeeded;
    } METHOD_INFORMATION;
  } DATA;
  UCHAR NdisReserved[16 * sizeof(PVOID)];
  UCHAR MiniportReserved[2 * sizeof(PVOID)];
  UCHAR SourceReserved[2 * sizeof(PVOID)];
  UCHAR SupportedRevision;
  UCHAR Reserved1;
  USHORT Reserved2;
} NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;
typedef struct _NDIS_REQUEST NDIS_REQUEST, *PNDIS_REQUEST;
typedef struct _NET_BUFFER_LIST {
  struct _NET_BUFFER_LIST *Next;
  NDIS_STATUS Status;
} NET_BUFFER_LIST, *PNET_BUFFER_LIST;
typedef struct _NDIS_PACKET NDIS_PACKET, *PNDIS_PACKET, **PPNDIS_PACKET;
typedef struct _NDIS_STATUS_INDICATION {
  NDIS_OBJECT_HEADER Header;
  NDIS_STATUS StatusCode;
} NDIS_STATUS_INDICATION, *PNDIS_STATUS_INDICATION;
typedef struct _VAR_STRING { ULONG ulTotalSize; } VAR_STRING, *PVAR_STRING;

/* ---------------------------------------------------------------------- */
/* Memory, locks, work items, timers                                      */
/* ---------------------------------------------------------------------- */
#if !defined(_NDIS_)
typedef enum _EX_POOL_PRIORITY {
  LowPoolPriority, NormalPoolPriority = 16, HighPoolPriority = 32
} EX_POOL_PRIORITY;
typedef struct _NPAGED_LOOKASIDE_LIST { PVOID Reserved[8]; } NPAGED_LOOKASIDE_LIST,
    *PNPAGED_LOOKASIDE_LIST;
#endif
_IRQL_requires_max_(DISPATCH_LEVEL)
PVOID NdisAllocateMemoryWithTagPriority(NDIS_HANDLE NdisHandle, UINT Length,
                                        ULONG Tag, EX_POOL_PRIORITY Priority);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisFreeMemory(PVOID VirtualAddress, UINT Length, UINT MemoryFlags);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisFreeMemoryWithTagPriority(NDIS_HANDLE NdisHandle, PVOID VirtualAddress,
                                   ULONG Tag);

#if !defined(_NDIS_)
/* Routines the WDK writes as macros over the kernel's (or as inline
 * functions), declared here as functions: see wdk/km/ndis.h for the kit's
 * forms. */
VOID NdisMoveMemory(PVOID Destination, const VOID *Source, ULONG Length);
VOID NdisZeroMemory(PVOID Destination, ULONG Length);
PVOID NdisAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);
VOID NdisFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside, PVOID Entry);
VOID NdisInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
                                       PVOID Allocate, PVOID Free, ULONG Flags,
                                       ULONG Size, ULONG Tag, USHORT Depth);
VOID NdisDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);

_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisAllocateSpinLock(PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL) VOID NdisFreeSpinLock(PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
VOID NdisAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL)
VOID NdisReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL)
VOID NdisDprAcquireSpinLock(PNDIS_SPIN_LOCK SpinLock);
_IRQL_requires_(DISPATCH_LEVEL)
VOID NdisDprReleaseSpinLock(PNDIS_SPIN_LOCK SpinLock);
LONG NdisInterlockedIncrement(PLONG Addend);
LONG NdisInterlockedDecrement(PLONG Addend);
PLIST_ENTRY NdisInterlockedInsertTailList(PLIST_ENTRY ListHead,
                                          PLIST_ENTRY ListEntry,
                                          PNDIS_SPIN_LOCK SpinLock);
PLIST_ENTRY NdisInterlockedInsertHeadList(PLIST_ENTRY ListHead,
                                          PLIST_ENTRY ListEntry,
                                          PNDIS_SPIN_LOCK SpinLock);
PLIST_ENTRY NdisInterlockedRemoveHeadList(PLIST_ENTRY ListHead,
                                          PNDIS_SPIN_LOCK SpinLock);
VOID NdisGetCurrentSystemTime(PLARGE_INTEGER pSystemTime);
#define NDIS_RAISE_IRQL_TO_DISPATCH(_pIrql_) KeRaiseIrql(DISPATCH_LEVEL, _pIrql_)
#define NDIS_LOWER_IRQL(_OldIrql_, _CurIrql_) KeLowerIrql(_OldIrql_)
#define NDIS_CURRENT_IRQL() KeGetCurrentIrql()
#endif /* !_NDIS_ */

typedef struct _NDIS_RW_LOCK_EX NDIS_RW_LOCK_EX, *PNDIS_RW_LOCK_EX;
typedef struct _LOCK_STATE_EX {
  KIRQL OldIrql;
  UCHAR LockState;
  UCHAR Flags;
} LOCK_STATE_EX, *PLOCK_STATE_EX;
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
VOID NdisAcquireRWLockRead(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState,
                           UCHAR Flags);
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL)
VOID NdisAcquireRWLockWrite(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState,
                            UCHAR Flags);
_IRQL_requires_(DISPATCH_LEVEL)
VOID NdisReleaseRWLock(PNDIS_RW_LOCK_EX Lock, PLOCK_STATE_EX LockState);
#define NDIS_RWL_AT_DISPATCH_LEVEL 1

typedef _Function_class_(NDIS_IO_WORKITEM_FUNCTION) _IRQL_requires_(PASSIVE_LEVEL)
VOID NDIS_IO_WORKITEM_FUNCTION(PVOID WorkItemContext, NDIS_HANDLE NdisIoWorkItemHandle);
typedef NDIS_IO_WORKITEM_FUNCTION *NDIS_IO_WORKITEM_ROUTINE;
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_HANDLE NdisAllocateIoWorkItem(NDIS_HANDLE NdisObjectHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisQueueIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle,
                         NDIS_IO_WORKITEM_ROUTINE Routine, PVOID WorkItemContext);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisFreeIoWorkItem(NDIS_HANDLE NdisIoWorkItemHandle);

typedef _Function_class_(NDIS_TIMER_FUNCTION) _IRQL_requires_(DISPATCH_LEVEL)
VOID NDIS_TIMER_FUNCTION(PVOID SystemSpecific1, PVOID FunctionContext,
                         PVOID SystemSpecific2, PVOID SystemSpecific3);
typedef NDIS_TIMER_FUNCTION *PNDIS_TIMER_FUNCTION;
typedef struct _NDIS_TIMER_CHARACTERISTICS {
  NDIS_OBJECT_HEADER Header;
  ULONG AllocationTag;
  PNDIS_TIMER_FUNCTION TimerFunction;
  PVOID FunctionContext;
} NDIS_TIMER_CHARACTERISTICS, *PNDIS_TIMER_CHARACTERISTICS;
NDIS_STATUS NdisAllocateTimerObject(NDIS_HANDLE NdisHandle,
                                    PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
                                    PNDIS_HANDLE pTimerObject);
BOOLEAN NdisSetTimerObject(NDIS_HANDLE TimerObject, LARGE_INTEGER DueTime,
                           LONG MillisecondsPeriod, PVOID FunctionContext);
BOOLEAN NdisCancelTimerObject(NDIS_HANDLE TimerObject);
VOID NdisFreeTimerObject(NDIS_HANDLE TimerObject);
VOID NdisWriteEventLogEntry(PVOID LogHandle, NDIS_STATUS EventCode,
                            ULONG UniqueEventValue, USHORT NumStrings,
                            PVOID StringsList, ULONG DataSize, PVOID Data);

/* ---------------------------------------------------------------------- */
/* Miniport and protocol registration, interrupts                         */
/* ---------------------------------------------------------------------- */
/* The handler fields this simulator has no role type for are PVOID. */
typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS {
  NDIS_OBJECT_HEADER Header;
  UCHAR MajorNdisVersion;
  UCHAR MinorNdisVersion;
  UCHAR MajorDriverVersion;
  UCHAR MinorDriverVersion;
  ULONG Flags;
  PVOID SetOptionsHandler;
  PVOID InitializeHandlerEx;
  PVOID HaltHandlerEx;
  PVOID UnloadHandler;
  PVOID PauseHandler;
  PVOID RestartHandler;
  PVOID OidRequestHandler;
  PVOID SendNetBufferListsHandler;
  PVOID ReturnNetBufferListsHandler;
  PVOID CancelSendHandler;
  PVOID CheckForHangHandlerEx;
  PVOID ResetHandlerEx;
  PVOID DevicePnPEventNotifyHandler;
  PVOID ShutdownHandlerEx;
  PVOID CancelOidRequestHandler;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisMRegisterMiniportDriver(
    PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath,
    NDIS_HANDLE MiniportDriverContext,
    PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
    PNDIS_HANDLE NdisMiniportDriverHandle);
_IRQL_requires_(PASSIVE_LEVEL)
VOID NdisMDeregisterMiniportDriver(NDIS_HANDLE NdisMiniportDriverHandle);

typedef struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS {
  NDIS_OBJECT_HEADER Header;
  UCHAR MajorNdisVersion;
  UCHAR MinorNdisVersion;
  UCHAR MajorDriverVersion;
  UCHAR MinorDriverVersion;
  ULONG Flags;
  NDIS_STRING Name;
  PVOID SetOptionsHandler;
  PVOID BindAdapterHandlerEx;
  PVOID UnbindAdapterHandlerEx;
  PVOID OpenAdapterCompleteHandlerEx;
  PVOID CloseAdapterCompleteHandlerEx;
  PVOID NetPnPEventHandler;
  PVOID UninstallHandler;
  PVOID OidRequestCompleteHandler;
  PVOID StatusHandlerEx;
  PVOID ReceiveNetBufferListsHandler;
  PVOID SendNetBufferListsCompleteHandler;
} NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, *PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS;
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisRegisterProtocolDriver(
    NDIS_HANDLE ProtocolDriverContext,
    PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS ProtocolCharacteristics,
    PNDIS_HANDLE NdisProtocolHandle);
_IRQL_requires_(PASSIVE_LEVEL)
VOID NdisDeregisterProtocolDriver(NDIS_HANDLE NdisProtocolHandle);
_IRQL_requires_(PASSIVE_LEVEL)
/* Every optional-handlers structure starts with this header; drivers cast
 * theirs to PNDIS_DRIVER_OPTIONAL_HANDLERS. */
typedef struct _NDIS_DRIVER_OPTIONAL_HANDLERS {
  NDIS_OBJECT_HEADER Header;
} NDIS_DRIVER_OPTIONAL_HANDLERS, *PNDIS_DRIVER_OPTIONAL_HANDLERS;
NDIS_STATUS NdisSetOptionalHandlers(NDIS_HANDLE NdisHandle,
                                    PNDIS_DRIVER_OPTIONAL_HANDLERS OptionalHandlers);

typedef _Function_class_(MINIPORT_ISR) _IRQL_requires_same_
BOOLEAN MINIPORT_ISR(NDIS_HANDLE MiniportInterruptContext,
                     PBOOLEAN QueueDefaultInterruptDpc,
                     PULONG TargetProcessors);
typedef _Function_class_(MINIPORT_INTERRUPT_DPC) _IRQL_requires_(DISPATCH_LEVEL)
VOID MINIPORT_INTERRUPT_DPC(NDIS_HANDLE MiniportInterruptContext,
                            PVOID MiniportDpcContext,
                            PVOID ReceiveThrottleParameters,
                            PVOID NdisReserved2);
typedef _Function_class_(MINIPORT_SYNCHRONIZE_INTERRUPT) _IRQL_requires_same_
BOOLEAN MINIPORT_SYNCHRONIZE_INTERRUPT(NDIS_HANDLE SynchronizeContext);
typedef MINIPORT_SYNCHRONIZE_INTERRUPT *MINIPORT_SYNCHRONIZE_INTERRUPT_HANDLER;
_IRQL_requires_max_(HIGH_LEVEL)
BOOLEAN NdisMSynchronizeWithInterruptEx(
    NDIS_HANDLE NdisInterruptHandle, ULONG MessageId,
    MINIPORT_SYNCHRONIZE_INTERRUPT_HANDLER SynchronizeFunction,
    PVOID SynchronizeContext);
_IRQL_requires_max_(HIGH_LEVEL)
BOOLEAN NdisMQueueDpcEx(NDIS_HANDLE NdisInterruptHandle, ULONG MessageId,
                        ULONG TargetProcessors, PVOID MiniportDpcContext);

/* ---------------------------------------------------------------------- */
/* CoNDIS client functions                                                */
/* ---------------------------------------------------------------------- */
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClAddParty(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE ProtocolPartyContext,
                           PCO_CALL_PARAMETERS CallParameters,
                           PNDIS_HANDLE NdisPartyHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClCloseAddressFamily(NDIS_HANDLE NdisAfHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClCloseCall(NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
                            PVOID Buffer, UINT Size);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClDeregisterSap(NDIS_HANDLE NdisSapHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClDropParty(NDIS_HANDLE NdisPartyHandle, PVOID Buffer, UINT Size);
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL)
NDIS_STATUS NdisClGetProtocolVcContextFromTapiCallId(UNICODE_STRING TapiCallId,
                                                     PNDIS_HANDLE ProtocolVcContext);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisClIncomingCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
                                PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClMakeCall(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters,
                           NDIS_HANDLE ProtocolPartyContext,
                           PNDIS_HANDLE NdisPartyHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClModifyCallQoS(NDIS_HANDLE NdisVcHandle,
                                PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisClNotifyCloseAddressFamilyComplete(NDIS_HANDLE NdisAfHandle,
                                            NDIS_STATUS Status);
struct _NDIS_CLIENT_CHARACTERISTICS;
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisClOpenAddressFamily(NDIS_HANDLE NdisBindingHandle,
                                    PCO_ADDRESS_FAMILY AddressFamily,
                                    NDIS_HANDLE ClientAfContext,
                                    struct _NDIS_CLIENT_CHARACTERISTICS *ClCharacteristics,
                                    UINT SizeOfClCharacteristics,
                                    PNDIS_HANDLE NdisAfHandle);
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisClOpenAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
                                      PCO_ADDRESS_FAMILY AddressFamily,
                                      NDIS_HANDLE ClientAfContext,
                                      PNDIS_HANDLE NdisAfHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisClRegisterSap(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE ProtocolSapContext,
                              PCO_SAP Sap, PNDIS_HANDLE NdisSapHandle);

/* ---------------------------------------------------------------------- */
/* Stand-alone call manager functions                                     */
/* ---------------------------------------------------------------------- */
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisCmActivateVc(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmAddPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle,
                            NDIS_HANDLE CallMgrPartyContext,
                            PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmCloseAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmCloseCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
                             NDIS_HANDLE NdisPartyHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisCmDeactivateVc(NDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmDispatchCallConnected(NDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisCmDispatchIncomingCall(NDIS_HANDLE NdisSapHandle, NDIS_HANDLE NdisVcHandle,
                                       PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmDispatchIncomingCallQoSChange(NDIS_HANDLE NdisVcHandle,
                                         PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmDispatchIncomingCloseCall(NDIS_STATUS CloseStatus, NDIS_HANDLE NdisVcHandle,
                                     PVOID Buffer, UINT Size);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmDispatchIncomingDropParty(NDIS_STATUS DropStatus, NDIS_HANDLE NdisPartyHandle,
                                     PVOID Buffer, UINT Size);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmDropPartyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisPartyHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmMakeCallComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
                            NDIS_HANDLE NdisPartyHandle, NDIS_HANDLE CallMgrPartyContext,
                            PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmModifyCallQoSComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
                                 PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisCmNotifyCloseAddressFamily(NDIS_HANDLE NdisAfHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmOpenAddressFamilyComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
                                     NDIS_HANDLE CallMgrAfContext);
struct _NDIS_CALL_MANAGER_CHARACTERISTICS;
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisCmRegisterAddressFamily(NDIS_HANDLE NdisBindingHandle,
                                        PCO_ADDRESS_FAMILY AddressFamily,
                                        struct _NDIS_CALL_MANAGER_CHARACTERISTICS *CmCharacteristics,
                                        UINT SizeOfCmCharacteristics);
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisCmRegisterAddressFamilyEx(NDIS_HANDLE NdisBindingHandle,
                                          PCO_ADDRESS_FAMILY AddressFamily);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCmRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE NdisSapHandle,
                               NDIS_HANDLE CallMgrSapContext);

/* ---------------------------------------------------------------------- */
/* Miniport call manager: real functions, and the macros the WDK defines  */
/* over the NdisCm* functions (km/ndis.h spelling)                         */
/* ---------------------------------------------------------------------- */
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisMCmActivateVc(NDIS_HANDLE NdisVcHandle, PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisMCmCreateVc(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisAfHandle,
                            NDIS_HANDLE MiniportVcContext, PNDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisMCmDeactivateVc(NDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisMCmDeleteVc(NDIS_HANDLE NdisVcHandle);
NDIS_STATUS NdisMCmOidRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
                              NDIS_HANDLE NdisPartyHandle,
                              PNDIS_OID_REQUEST NdisOidRequest);
NDIS_STATUS NdisMCmRegisterAddressFamily(NDIS_HANDLE MiniportAdapterHandle,
                                         PCO_ADDRESS_FAMILY AddressFamily,
                                         struct _NDIS_CALL_MANAGER_CHARACTERISTICS *CmCharacteristics,
                                         UINT SizeOfCmCharacteristics);
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisMCmRegisterAddressFamilyEx(NDIS_HANDLE MiniportAdapterHandle,
                                           PCO_ADDRESS_FAMILY AddressFamily);
NDIS_STATUS NdisMCmRequest(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
                           NDIS_HANDLE NdisPartyHandle, PNDIS_REQUEST NdisRequest);

#define NdisMCmRequestComplete(_S_, _AH_, _VH_, _PH_, _R_) NdisCoRequestComplete(_S_, _AH_, _VH_, _PH_, _R_)
#define NdisMCmOidRequestComplete(_AH_, _VH_, _PH_, _R_, _S_) NdisCoOidRequestComplete(_AH_, _VH_, _PH_, _R_, _S_)
#define NdisMCmOpenAddressFamilyComplete(_S_, _H_, _C_) NdisCmOpenAddressFamilyComplete(_S_, _H_, _C_)
#define NdisMCmNotifyCloseAddressFamily(_AH_) NdisCmNotifyCloseAddressFamily(_AH_)
#define NdisMCmCloseAddressFamilyComplete(_S_, _H_) NdisCmCloseAddressFamilyComplete(_S_, _H_)
#define NdisMCmRegisterSapComplete(_S_, _H_, _C_) NdisCmRegisterSapComplete(_S_, _H_, _C_)
#define NdisMCmDeregisterSapComplete(_S_, _H_) NdisCmDeregisterSapComplete(_S_, _H_)
#define NdisMCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_) NdisCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_)
#define NdisMCmCloseCallComplete(_S_, _VH_, _PH_) NdisCmCloseCallComplete(_S_, _VH_, _PH_)
#define NdisMCmAddPartyComplete(_S_, _H_, _C_, _P_) NdisCmAddPartyComplete(_S_, _H_, _C_, _P_)
#define NdisMCmDropPartyComplete(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
#define NdisMCmDispatchIncomingCall(_SH_, _VH_, _CP_) NdisCmDispatchIncomingCall(_SH_, _VH_, _CP_)
#define NdisMCmDispatchCallConnected(_H_) NdisCmDispatchCallConnected(_H_)
#define NdisMCmModifyCallQoSComplete(_S_, _H_, _P_) NdisCmModifyCallQoSComplete(_S_, _H_, _P_)
#define NdisMCmDispatchIncomingCallQoSChange(_H_, _P_) NdisCmDispatchIncomingCallQoSChange(_H_, _P_)
#define NdisMCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_) NdisCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_)
#define NdisMCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_) NdisCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_)

/* ---------------------------------------------------------------------- */
/* Connection-oriented (Co) functions                                     */
/* ---------------------------------------------------------------------- */
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL)
NDIS_STATUS NdisCoAssignInstanceName(NDIS_HANDLE NdisVcHandle, PNDIS_STRING BaseInstanceName,
                                     PNDIS_STRING VcInstanceName);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisCoCreateVc(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
                           NDIS_HANDLE ProtocolVcContext, PNDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisCoDeleteVc(NDIS_HANDLE NdisVcHandle);
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(DISPATCH_LEVEL)
NDIS_STATUS NdisCoGetTapiCallId(NDIS_HANDLE NdisVcHandle, PVAR_STRING TapiCallId);
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS NdisCoOidRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
                             NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
                             PNDIS_OID_REQUEST OidRequest);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCoOidRequestComplete(NDIS_HANDLE NdisAfHandle, NDIS_HANDLE NdisVcHandle,
                              NDIS_HANDLE NdisPartyHandle, PNDIS_OID_REQUEST OidRequest,
                              NDIS_STATUS Status);
NDIS_STATUS NdisCoRequest(NDIS_HANDLE NdisBindingHandle, NDIS_HANDLE NdisAfHandle,
                          NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
                          PNDIS_REQUEST NdisRequest);
VOID NdisCoRequestComplete(NDIS_STATUS Status, NDIS_HANDLE NdisAfHandle,
                           NDIS_HANDLE NdisVcHandle, NDIS_HANDLE NdisPartyHandle,
                           PNDIS_REQUEST NdisRequest);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisCoSendNetBufferLists(NDIS_HANDLE NdisVcHandle, PNET_BUFFER_LIST NetBufferLists,
                              ULONG SendFlags);
VOID NdisCoSendPackets(NDIS_HANDLE NdisVcHandle, PPNDIS_PACKET PacketArray,
                       UINT NumberOfPackets);

/* ---------------------------------------------------------------------- */
/* CoNDIS miniport functions                                              */
/* ---------------------------------------------------------------------- */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisMCoActivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle,
                               PCO_CALL_PARAMETERS CallParameters);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NdisMCoDeactivateVcComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle);
VOID NdisMCoIndicateReceiveNetBufferLists(NDIS_HANDLE NdisVcHandle,
                                          PNET_BUFFER_LIST NetBufferLists,
                                          ULONG NumberOfNetBufferLists,
                                          ULONG CoReceiveFlags);
_IRQL_requires_(DISPATCH_LEVEL)
VOID NdisMCoIndicateReceivePacket(NDIS_HANDLE NdisVcHandle, PPNDIS_PACKET PacketArray,
                                  UINT NumberOfPackets);
VOID NdisMCoIndicateStatus(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisVcHandle,
                           NDIS_STATUS GeneralStatus, PVOID StatusBuffer,
                           ULONG StatusBufferSize);
VOID NdisMCoIndicateStatusEx(NDIS_HANDLE MiniportAdapterHandle, NDIS_HANDLE NdisVcHandle,
                             PNDIS_STATUS_INDICATION StatusIndication);
VOID NdisMCoOidRequestComplete(NDIS_HANDLE MiniportAdapterHandle,
                               NDIS_HANDLE NdisMiniportVcHandle,
                               PNDIS_OID_REQUEST Request, NDIS_STATUS Status);
_IRQL_requires_(DISPATCH_LEVEL)
VOID NdisMCoReceiveComplete(NDIS_HANDLE MiniportAdapterHandle);
VOID NdisMCoRequestComplete(NDIS_STATUS Status, NDIS_HANDLE MiniportAdapterHandle,
                            PNDIS_REQUEST Request);
_IRQL_requires_(DISPATCH_LEVEL)
VOID NdisMCoSendComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle, PNDIS_PACKET Packet);
VOID NdisMCoSendNetBufferListsComplete(NDIS_HANDLE NdisVcHandle,
                                       PNET_BUFFER_LIST NetBufferLists,
                                       ULONG SendCompleteFlags);

/* ---------------------------------------------------------------------- */
/* Role types: call manager handlers (PROTOCOL_CM_*)                      */
/* ---------------------------------------------------------------------- */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_OPEN_AF)
NDIS_STATUS(PROTOCOL_CM_OPEN_AF)(NDIS_HANDLE CallMgrBindingContext,
                                 PCO_ADDRESS_FAMILY AddressFamily,
                                 NDIS_HANDLE NdisAfHandle,
                                 PNDIS_HANDLE CallMgrAfContext);
typedef PROTOCOL_CM_OPEN_AF(*CM_OPEN_AF_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_CLOSE_AF)
NDIS_STATUS(PROTOCOL_CM_CLOSE_AF)(NDIS_HANDLE CallMgrAfContext);
typedef PROTOCOL_CM_CLOSE_AF(*CM_CLOSE_AF_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_REG_SAP)
NDIS_STATUS(PROTOCOL_CM_REG_SAP)(NDIS_HANDLE CallMgrAfContext, PCO_SAP Sap,
                                 NDIS_HANDLE NdisSapHandle,
                                 PNDIS_HANDLE CallMgrSapContext);
typedef PROTOCOL_CM_REG_SAP(*CM_REG_SAP_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_DEREGISTER_SAP)
NDIS_STATUS(PROTOCOL_CM_DEREGISTER_SAP)(NDIS_HANDLE CallMgrSapContext);
typedef PROTOCOL_CM_DEREGISTER_SAP(*CM_DEREG_SAP_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_MAKE_CALL)
NDIS_STATUS(PROTOCOL_CM_MAKE_CALL)(NDIS_HANDLE CallMgrVcContext,
                                   PCO_CALL_PARAMETERS CallParameters,
                                   NDIS_HANDLE NdisPartyHandle,
                                   PNDIS_HANDLE CallMgrPartyContext);
typedef PROTOCOL_CM_MAKE_CALL(*CM_MAKE_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_CLOSE_CALL)
NDIS_STATUS(PROTOCOL_CM_CLOSE_CALL)(NDIS_HANDLE CallMgrVcContext,
                                    NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size);
typedef PROTOCOL_CM_CLOSE_CALL(*CM_CLOSE_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_INCOMING_CALL_COMPLETE)
VOID(PROTOCOL_CM_INCOMING_CALL_COMPLETE)(NDIS_STATUS Status,
                                         NDIS_HANDLE CallMgrVcContext,
                                         PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_INCOMING_CALL_COMPLETE(*CM_INCOMING_CALL_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_ADD_PARTY)
NDIS_STATUS(PROTOCOL_CM_ADD_PARTY)(NDIS_HANDLE CallMgrVcContext,
                                   PCO_CALL_PARAMETERS CallParameters,
                                   NDIS_HANDLE NdisPartyHandle,
                                   PNDIS_HANDLE CallMgrPartyContext);
typedef PROTOCOL_CM_ADD_PARTY(*CM_ADD_PARTY_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_DROP_PARTY)
NDIS_STATUS(PROTOCOL_CM_DROP_PARTY)(NDIS_HANDLE CallMgrPartyContext,
                                    PVOID CloseData, UINT Size);
typedef PROTOCOL_CM_DROP_PARTY(*CM_DROP_PARTY_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_ACTIVATE_VC_COMPLETE)
VOID(PROTOCOL_CM_ACTIVATE_VC_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext,
                                       PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_ACTIVATE_VC_COMPLETE(*CM_ACTIVATE_VC_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_DEACTIVATE_VC_COMPLETE)
VOID(PROTOCOL_CM_DEACTIVATE_VC_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE CallMgrVcContext);
typedef PROTOCOL_CM_DEACTIVATE_VC_COMPLETE(*CM_DEACTIVATE_VC_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_MODIFY_QOS_CALL)
NDIS_STATUS(PROTOCOL_CM_MODIFY_QOS_CALL)(NDIS_HANDLE CallMgrVcContext,
                                         PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CM_MODIFY_QOS_CALL(*CM_MODIFY_CALL_QOS_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE)
VOID(PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE)(NDIS_HANDLE CallMgrAfContext, NDIS_STATUS Status);
typedef PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE(*CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER);

/* ---------------------------------------------------------------------- */
/* Role types: connection-oriented handlers (PROTOCOL_CO_*)               */
/* ---------------------------------------------------------------------- */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_CREATE_VC)
NDIS_STATUS(PROTOCOL_CO_CREATE_VC)(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisVcHandle,
                                   PNDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CO_CREATE_VC(*CO_CREATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_DELETE_VC)
NDIS_STATUS(PROTOCOL_CO_DELETE_VC)(NDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CO_DELETE_VC(*CO_DELETE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_OID_REQUEST)
NDIS_STATUS(PROTOCOL_CO_OID_REQUEST)(NDIS_HANDLE ProtocolAfContext,
                                     NDIS_HANDLE ProtocolVcContext,
                                     NDIS_HANDLE ProtocolPartyContext,
                                     PNDIS_OID_REQUEST OidRequest);
typedef PROTOCOL_CO_OID_REQUEST(*CO_OID_REQUEST_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_OID_REQUEST_COMPLETE)
VOID(PROTOCOL_CO_OID_REQUEST_COMPLETE)(NDIS_HANDLE ProtocolAfContext,
                                       NDIS_HANDLE ProtocolVcContext,
                                       NDIS_HANDLE ProtocolPartyContext,
                                       PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status);
typedef PROTOCOL_CO_OID_REQUEST_COMPLETE(*CO_OID_REQUEST_COMPLETE_HANDLER);
typedef _IRQL_requires_(PASSIVE_LEVEL) _Function_class_(PROTOCOL_CO_AF_REGISTER_NOTIFY)
VOID(PROTOCOL_CO_AF_REGISTER_NOTIFY)(NDIS_HANDLE ProtocolBindingContext,
                                     PCO_ADDRESS_FAMILY AddressFamily);
typedef PROTOCOL_CO_AF_REGISTER_NOTIFY(*CO_AF_REGISTER_NOTIFY_HANDLER);
typedef PROTOCOL_CO_AF_REGISTER_NOTIFY PROTCOL_CO_AF_REGISTER_NOTIFY;
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS)
VOID(PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS)(NDIS_HANDLE ProtocolBindingContext,
                                           NDIS_HANDLE ProtocolVcContext,
                                           PNET_BUFFER_LIST NetBufferLists,
                                           ULONG NumberOfNetBufferLists,
                                           ULONG ReceiveFlags);
typedef PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS(*CO_RECEIVE_NET_BUFFER_LISTS_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE)
VOID(PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE)(NDIS_HANDLE ProtocolVcContext,
                                                 PNET_BUFFER_LIST NetBufferLists,
                                                 ULONG SendCompleteFlags);
typedef PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE(*CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CO_STATUS_EX)
VOID(PROTOCOL_CO_STATUS_EX)(NDIS_HANDLE ProtocolBindingContext,
                            NDIS_HANDLE ProtocolVcContext,
                            PNDIS_STATUS_INDICATION StatusIndication);
typedef PROTOCOL_CO_STATUS_EX(*CO_STATUS_HANDLER_EX);

/* ---------------------------------------------------------------------- */
/* Role types: client handlers (PROTOCOL_CL_*)                            */
/* ---------------------------------------------------------------------- */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_OPEN_AF_COMPLETE)
VOID(PROTOCOL_CL_OPEN_AF_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext,
                                   NDIS_HANDLE NdisAfHandle);
typedef PROTOCOL_CL_OPEN_AF_COMPLETE(*CL_OPEN_AF_COMPLETE_HANDLER);
typedef _IRQL_requires_(PASSIVE_LEVEL) _Function_class_(PROTOCOL_CL_OPEN_AF_COMPLETE_EX)
VOID(PROTOCOL_CL_OPEN_AF_COMPLETE_EX)(NDIS_HANDLE ProtocolAfContext,
                                      NDIS_HANDLE NdisAfHandle, NDIS_STATUS Status);
typedef PROTOCOL_CL_OPEN_AF_COMPLETE_EX(*CL_OPEN_AF_COMPLETE_HANDLER_EX);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_CLOSE_AF_COMPLETE)
VOID(PROTOCOL_CL_CLOSE_AF_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext);
typedef PROTOCOL_CL_CLOSE_AF_COMPLETE(*CL_CLOSE_AF_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_REGISTER_SAP_COMPLETE)
VOID(PROTOCOL_CL_REGISTER_SAP_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext,
                                        PCO_SAP Sap, NDIS_HANDLE NdisSapHandle);
typedef PROTOCOL_CL_REGISTER_SAP_COMPLETE(*CL_REG_SAP_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_DEREGISTER_SAP_COMPLETE)
VOID(PROTOCOL_CL_DEREGISTER_SAP_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext);
typedef PROTOCOL_CL_DEREGISTER_SAP_COMPLETE(*CL_DEREG_SAP_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_MAKE_CALL_COMPLETE)
VOID(PROTOCOL_CL_MAKE_CALL_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
                                     NDIS_HANDLE NdisPartyHandle,
                                     PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_MAKE_CALL_COMPLETE(*CL_MAKE_CALL_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_CLOSE_CALL_COMPLETE)
VOID(PROTOCOL_CL_CLOSE_CALL_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
                                      NDIS_HANDLE ProtocolPartyContext);
typedef PROTOCOL_CL_CLOSE_CALL_COMPLETE(*CL_CLOSE_CALL_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_ADD_PARTY_COMPLETE)
VOID(PROTOCOL_CL_ADD_PARTY_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext,
                                     NDIS_HANDLE NdisPartyHandle,
                                     PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_ADD_PARTY_COMPLETE(*CL_ADD_PARTY_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_DROP_PARTY_COMPLETE)
VOID(PROTOCOL_CL_DROP_PARTY_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolPartyContext);
typedef PROTOCOL_CL_DROP_PARTY_COMPLETE(*CL_DROP_PARTY_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE)
VOID(PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE)(NDIS_STATUS Status, NDIS_HANDLE ProtocolVcContext,
                                           PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_MODIFY_CALL_QOS_COMPLETE(*CL_MODIFY_CALL_QOS_COMPLETE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_CALL)
NDIS_STATUS(PROTOCOL_CL_INCOMING_CALL)(NDIS_HANDLE ProtocolSapContext,
                                       NDIS_HANDLE ProtocolVcContext,
                                       PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_INCOMING_CALL(*CL_INCOMING_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE)
VOID(PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE)(NDIS_HANDLE ProtocolVcContext,
                                           PCO_CALL_PARAMETERS CallParameters);
typedef PROTOCOL_CL_INCOMING_CALL_QOS_CHANGE(*CL_INCOMING_CALL_QOS_CHANGE_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_CLOSE_CALL)
VOID(PROTOCOL_CL_INCOMING_CLOSE_CALL)(NDIS_STATUS CloseStatus, NDIS_HANDLE ProtocolVcContext,
                                      PVOID CloseData, UINT Size);
typedef PROTOCOL_CL_INCOMING_CLOSE_CALL(*CL_INCOMING_CLOSE_CALL_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_INCOMING_DROP_PARTY)
VOID(PROTOCOL_CL_INCOMING_DROP_PARTY)(NDIS_STATUS DropStatus,
                                      NDIS_HANDLE ProtocolPartyContext,
                                      PVOID CloseData, UINT Size);
typedef PROTOCOL_CL_INCOMING_DROP_PARTY(*CL_INCOMING_DROP_PARTY_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_CALL_CONNECTED)
VOID(PROTOCOL_CL_CALL_CONNECTED)(NDIS_HANDLE ProtocolVcContext);
typedef PROTOCOL_CL_CALL_CONNECTED(*CL_CALL_CONNECTED_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(PROTOCOL_CL_NOTIFY_CLOSE_AF)
NDIS_STATUS(PROTOCOL_CL_NOTIFY_CLOSE_AF)(NDIS_HANDLE ClientAfContext);
typedef PROTOCOL_CL_NOTIFY_CLOSE_AF(*CL_NOTIFY_CLOSE_AF_HANDLER);

/* ---------------------------------------------------------------------- */
/* Role types: CoNDIS miniport handlers (MINIPORT_CO_*)                   */
/* ---------------------------------------------------------------------- */
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_CREATE_VC)
NDIS_STATUS(MINIPORT_CO_CREATE_VC)(NDIS_HANDLE MiniportAdapterContext,
                                   NDIS_HANDLE NdisVcHandle,
                                   PNDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_CREATE_VC(*W_CO_CREATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_DELETE_VC)
NDIS_STATUS(MINIPORT_CO_DELETE_VC)(NDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_DELETE_VC(*W_CO_DELETE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_ACTIVATE_VC)
NDIS_STATUS(MINIPORT_CO_ACTIVATE_VC)(NDIS_HANDLE MiniportVcContext,
                                     PCO_CALL_PARAMETERS CallParameters);
typedef MINIPORT_CO_ACTIVATE_VC(*W_CO_ACTIVATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_DEACTIVATE_VC)
NDIS_STATUS(MINIPORT_CO_DEACTIVATE_VC)(NDIS_HANDLE MiniportVcContext);
typedef MINIPORT_CO_DEACTIVATE_VC(*W_CO_DEACTIVATE_VC_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_OID_REQUEST)
NDIS_STATUS(MINIPORT_CO_OID_REQUEST)(NDIS_HANDLE MiniportAdapterContext,
                                     NDIS_HANDLE MiniportVcContext,
                                     PNDIS_OID_REQUEST NdisRequest);
typedef MINIPORT_CO_OID_REQUEST(*W_CO_OID_REQUEST_HANDLER);
typedef _IRQL_requires_max_(DISPATCH_LEVEL) _Function_class_(MINIPORT_CO_SEND_NET_BUFFER_LISTS)
VOID(MINIPORT_CO_SEND_NET_BUFFER_LISTS)(NDIS_HANDLE MiniportVcContext,
                                        PNET_BUFFER_LIST NetBufferLists,
                                        ULONG SendFlags);
typedef MINIPORT_CO_SEND_NET_BUFFER_LISTS(*W_CO_SEND_NET_BUFFER_LISTS_HANDLER);

/* ---------------------------------------------------------------------- */
/* Registration structures                                                */
/* ---------------------------------------------------------------------- */
#define NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS 0x9E
#define NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS 0x9F
#define NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS 0x9D
#define NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS 0x9C
#define NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1 1
#define NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1 1

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
  CO_OID_REQUEST_HANDLER CmOidRequestHandler;
  CO_OID_REQUEST_COMPLETE_HANDLER CmOidRequestCompleteHandler;
  CM_NOTIFY_CLOSE_AF_COMPLETE_HANDLER CmNotifyCloseAfCompleteHandler;
} NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS, *PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS;

typedef struct _NDIS_CO_CLIENT_OPTIONAL_HANDLERS {
  NDIS_OBJECT_HEADER Header;
  ULONG Reserved;
  CO_CREATE_VC_HANDLER ClCreateVcHandler;
  CO_DELETE_VC_HANDLER ClDeleteVcHandler;
  CO_OID_REQUEST_HANDLER ClOidRequestHandler;
  CO_OID_REQUEST_COMPLETE_HANDLER ClOidRequestCompleteHandler;
  CL_OPEN_AF_COMPLETE_HANDLER_EX ClOpenAfCompleteHandlerEx;
  CL_CLOSE_AF_COMPLETE_HANDLER ClCloseAfCompleteHandler;
  CL_REG_SAP_COMPLETE_HANDLER ClRegisterSapCompleteHandler;
  CL_DEREG_SAP_COMPLETE_HANDLER ClDeregisterSapCompleteHandler;
  CL_MAKE_CALL_COMPLETE_HANDLER ClMakeCallCompleteHandler;
  CL_MODIFY_CALL_QOS_COMPLETE_HANDLER ClModifyCallQoSCompleteHandler;
  CL_CLOSE_CALL_COMPLETE_HANDLER ClCloseCallCompleteHandler;
  CL_ADD_PARTY_COMPLETE_HANDLER ClAddPartyCompleteHandler;
  CL_DROP_PARTY_COMPLETE_HANDLER ClDropPartyCompleteHandler;
  CL_INCOMING_CALL_HANDLER ClIncomingCallHandler;
  CL_INCOMING_CALL_QOS_CHANGE_HANDLER ClIncomingCallQoSChangeHandler;
  CL_INCOMING_CLOSE_CALL_HANDLER ClIncomingCloseCallHandler;
  CL_INCOMING_DROP_PARTY_HANDLER ClIncomingDropPartyHandler;
  CL_CALL_CONNECTED_HANDLER ClCallConnectedHandler;
  CL_NOTIFY_CLOSE_AF_HANDLER ClNotifyCloseAfHandler;
} NDIS_CO_CLIENT_OPTIONAL_HANDLERS, *PNDIS_CO_CLIENT_OPTIONAL_HANDLERS;

typedef struct _NDIS_PROTOCOL_CO_CHARACTERISTICS {
  NDIS_OBJECT_HEADER Header;
  ULONG Flags;
  CO_STATUS_HANDLER_EX CoStatusHandlerEx;
  CO_AF_REGISTER_NOTIFY_HANDLER CoAfRegisterNotifyHandler;
  CO_RECEIVE_NET_BUFFER_LISTS_HANDLER CoReceiveNetBufferListsHandler;
  CO_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER CoSendNetBufferListsCompleteHandler;
} NDIS_PROTOCOL_CO_CHARACTERISTICS, *PNDIS_PROTOCOL_CO_CHARACTERISTICS;

typedef struct _NDIS_MINIPORT_CO_CHARACTERISTICS {
  NDIS_OBJECT_HEADER Header;
  ULONG Flags;
  W_CO_CREATE_VC_HANDLER CoCreateVcHandler;
  W_CO_DELETE_VC_HANDLER CoDeleteVcHandler;
  W_CO_ACTIVATE_VC_HANDLER CoActivateVcHandler;
  W_CO_DEACTIVATE_VC_HANDLER CoDeactivateVcHandler;
  W_CO_SEND_NET_BUFFER_LISTS_HANDLER CoSendNetBufferListsHandler;
  W_CO_OID_REQUEST_HANDLER CoOidRequestHandler;
} NDIS_MINIPORT_CO_CHARACTERISTICS, *PNDIS_MINIPORT_CO_CHARACTERISTICS;


/* ---------------------------------------------------------------------- */
/* Driver-level handler role types, binding and miniport initialisation   */
/* (added for samples/: what a whole CoNDIS driver needs around the Co    */
/* handlers)                                                              */
/* ---------------------------------------------------------------------- */
#if !defined(_NDIS_) /* the WDK derives them from NDIS630 & co. */
#define NDIS_PROTOCOL_MAJOR_VERSION 6
#define NDIS_PROTOCOL_MINOR_VERSION 0
#define NDIS_MINIPORT_MAJOR_VERSION 6
#define NDIS_MINIPORT_MINOR_VERSION 0
#endif
#define NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS 0x95
#define NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS 0x8A
#define NDIS_OBJECT_TYPE_OPEN_PARAMETERS 0x8F
#define NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS 0x97
#define NDIS_OBJECT_TYPE_DEFAULT 0x80
#define NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1 1
#define NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1 1
#define NDIS_OPEN_PARAMETERS_REVISION_1 1
#define NDIS_TIMER_CHARACTERISTICS_REVISION_1 1
#define NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1 1
#define NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1 1
#define NDIS_OID_REQUEST_REVISION_1 1
#define NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1                  \
  sizeof(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS)
#define NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1                        \
  sizeof(NDIS_CO_CLIENT_OPTIONAL_HANDLERS)
#define NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1                        \
  sizeof(NDIS_PROTOCOL_CO_CHARACTERISTICS)
#define NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1                        \
  sizeof(NDIS_MINIPORT_CO_CHARACTERISTICS)
#define NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1                    \
  sizeof(NDIS_PROTOCOL_DRIVER_CHARACTERISTICS)
#define NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1                    \
  sizeof(NDIS_MINIPORT_DRIVER_CHARACTERISTICS)
#define NDIS_SIZEOF_OPEN_PARAMETERS_REVISION_1 sizeof(NDIS_OPEN_PARAMETERS)
#define NDIS_SIZEOF_TIMER_CHARACTERISTICS_REVISION_1                              \
  sizeof(NDIS_TIMER_CHARACTERISTICS)
#define NDIS_SIZEOF_OID_REQUEST_REVISION_1 sizeof(NDIS_OID_REQUEST)
#define NDIS_STATUS_MEDIA_CONNECT ((NDIS_STATUS)0x4001000BL)
#define NDIS_STATUS_MEDIA_DISCONNECT ((NDIS_STATUS)0x4001000CL)

typedef _Function_class_(SET_OPTIONS) _IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS(SET_OPTIONS)(NDIS_HANDLE NdisDriverHandle, NDIS_HANDLE DriverContext);
typedef SET_OPTIONS(*SET_OPTIONS_HANDLER);
typedef SET_OPTIONS MINIPORT_SET_OPTIONS;
typedef SET_OPTIONS PROTOCOL_SET_OPTIONS;

typedef enum _NDIS_MEDIUM {
  NdisMedium802_3,
  NdisMedium802_5,
  NdisMediumFddi,
  NdisMediumWan,
  NdisMediumLocalTalk,
  NdisMediumDix,
  NdisMediumArcnetRaw,
  NdisMediumArcnet878_2,
  NdisMediumAtm,
  NdisMediumWirelessWan,
  NdisMediumIrda,
  NdisMediumBpc,
  NdisMediumCoWan,
  NdisMedium1394
} NDIS_MEDIUM, *PNDIS_MEDIUM;
typedef struct _NDIS_BIND_PARAMETERS {
  NDIS_OBJECT_HEADER Header;
  PNDIS_STRING ProtocolSection;
  PNDIS_STRING AdapterName;
  PDEVICE_OBJECT PhysicalDeviceObject;
  NDIS_MEDIUM MediaType;
} NDIS_BIND_PARAMETERS, *PNDIS_BIND_PARAMETERS;
typedef _Function_class_(PROTOCOL_BIND_ADAPTER_EX) _IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS(PROTOCOL_BIND_ADAPTER_EX)(NDIS_HANDLE ProtocolDriverContext,
                                      NDIS_HANDLE BindContext,
                                      PNDIS_BIND_PARAMETERS BindParameters);
typedef PROTOCOL_BIND_ADAPTER_EX(*BIND_HANDLER_EX);
typedef _Function_class_(PROTOCOL_UNBIND_ADAPTER_EX) _IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS(PROTOCOL_UNBIND_ADAPTER_EX)(NDIS_HANDLE UnbindContext,
                                        NDIS_HANDLE ProtocolBindingContext);
typedef PROTOCOL_UNBIND_ADAPTER_EX(*UNBIND_HANDLER_EX);

typedef USHORT NET_FRAME_TYPE, *PNET_FRAME_TYPE;
typedef struct _NDIS_OPEN_PARAMETERS {
  NDIS_OBJECT_HEADER Header;
  PNDIS_STRING AdapterName;
  PNDIS_MEDIUM MediumArray;
  UINT MediumArraySize;
  PUINT SelectedMediumIndex;
  PNET_FRAME_TYPE FrameTypeArray;
  UINT FrameTypeArraySize;
} NDIS_OPEN_PARAMETERS, *PNDIS_OPEN_PARAMETERS;
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisOpenAdapterEx(NDIS_HANDLE NdisProtocolHandle,
                              NDIS_HANDLE ProtocolBindingContext,
                              PNDIS_OPEN_PARAMETERS OpenParameters,
                              NDIS_HANDLE BindContext,
                              PNDIS_HANDLE NdisBindingHandle);
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS NdisCloseAdapterEx(NDIS_HANDLE NdisBindingHandle);

typedef struct _NDIS_MINIPORT_INIT_PARAMETERS {
  NDIS_OBJECT_HEADER Header;
  ULONG Flags;
  PVOID AllocatedResources;
  ULONG IfIndex;
} NDIS_MINIPORT_INIT_PARAMETERS, *PNDIS_MINIPORT_INIT_PARAMETERS;
typedef enum _NDIS_HALT_ACTION {
  NdisHaltDeviceDisabled, NdisHaltDeviceInstanceDeInitialized,
  NdisHaltDevicePoweredDown, NdisHaltDeviceSurpriseRemoved,
  NdisHaltDeviceFailed, NdisHaltDeviceInitializationFailed,
  NdisHaltDeviceStopped
} NDIS_HALT_ACTION, *PNDIS_HALT_ACTION;
typedef _Function_class_(MINIPORT_INITIALIZE) _IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS(MINIPORT_INITIALIZE)(NDIS_HANDLE NdisMiniportHandle,
                                 NDIS_HANDLE MiniportDriverContext,
                                 PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters);
typedef MINIPORT_INITIALIZE(*MINIPORT_INITIALIZE_HANDLER);
typedef _Function_class_(MINIPORT_HALT) _IRQL_requires_(PASSIVE_LEVEL)
VOID(MINIPORT_HALT)(NDIS_HANDLE MiniportAdapterContext, NDIS_HALT_ACTION HaltAction);
typedef MINIPORT_HALT(*MINIPORT_HALT_HANDLER);


#ifdef __cplusplus
}
#endif

#endif /* CONDIS_SIM_NDIS_H */
