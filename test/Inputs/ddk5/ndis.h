/*
 * ddk5/ndis.h - condis-check's simulator of an NDIS 5 DDK's ndis.h, shaped
 * like the Windows Server 2003 DDK (3790) header CoNDIS drivers of that era
 * are built with. Written for the tests from the structure of that header and
 * the NDIS 5 reference pages; declarations only.
 *
 * What it keeps of the real header, because the checkers depend on it:
 *   - no SAL at all: parameters are IN, OUT, OPTIONAL, and no handler has a
 *     function role typedef; handlers are pointer typedefs (W_ISR_HANDLER,
 *     CM_DROP_PARTY_HANDLER, ...) and a driver registers them by storing
 *     functions into the characteristics structures;
 *   - the characteristics structures with their real field order, the
 *     miniport and protocol ones nested as anonymous members in C (an MS
 *     extension: compile with -fms-extensions), named NdisNNChars in C++;
 *   - the non-Ex registration calls (NdisMRegisterMiniport,
 *     NdisRegisterProtocol, NdisMCmRegisterAddressFamily,
 *     NdisCmRegisterAddressFamily, NdisClOpenAddressFamily);
 *   - BINARY_COMPATIBLE: set for an x86 miniport (NDIS_MINIPORT_DRIVER on
 *     _X86_), which then does not include ntddk.h and gets the NDIS spin-lock
 *     and interlocked routines as functions; everyone else gets them as
 *     macros over the kernel's (KeAcquireSpinLock, ...);
 *   - the NdisMCm* forms as macros over the NdisCm* functions, declared for
 *     miniport drivers only; the CoNDIS part only under NDIS50,
 *     NDIS50_MINIPORT or NDIS51_MINIPORT.
 */
#ifndef _NDIS_
#define _NDIS_
#pragma clang system_header

#if !defined(NDIS_WDM)
#define NDIS_WDM 0
#endif

#if !defined(BINARY_COMPATIBLE)
#if defined(NDIS_MINIPORT_DRIVER) && defined(_M_IX86)
#define BINARY_COMPATIBLE 1
#else
#define BINARY_COMPATIBLE 0
#endif
#endif
#if !defined(_M_IX86)
#undef BINARY_COMPATIBLE
#define BINARY_COMPATIBLE 0
#endif

#if BINARY_COMPATIBLE && !NDIS_WDM
/* An x86 miniport: ndis.h carries the kernel declarations itself. */
#define _NTDDK_
#include "ntdef.h"
#include "kespin.h"
#include "ntcommon.h"
#else
#include <ntddk.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NDIS_WRAPPER)
#define EXPORT
#else
#define EXPORT DECLSPEC_IMPORT
#endif

#if !defined(NDIS_MINIPORT_MAJOR_VERSION) && !defined(NDIS_MINIPORT_MINOR_VERSION)
#if defined(NDIS51_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 5
#define NDIS_MINIPORT_MINOR_VERSION 1
#elif defined(NDIS50_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 5
#define NDIS_MINIPORT_MINOR_VERSION 0
#endif
#endif
#if !defined(NDIS_PROTOCOL_MAJOR_VERSION) && !defined(NDIS_PROTOCOL_MINOR_VERSION)
#if defined(NDIS51)
#define NDIS_PROTOCOL_MAJOR_VERSION 5
#define NDIS_PROTOCOL_MINOR_VERSION 1
#elif defined(NDIS50)
#define NDIS_PROTOCOL_MAJOR_VERSION 5
#define NDIS_PROTOCOL_MINOR_VERSION 0
#endif
#endif

/* ---------------------------------------------------------------------- */
/* Basic NDIS types                                                       */
/* ---------------------------------------------------------------------- */
typedef PVOID NDIS_HANDLE, *PNDIS_HANDLE;
typedef int NDIS_STATUS, *PNDIS_STATUS;
typedef UNICODE_STRING NDIS_STRING, *PNDIS_STRING;
typedef ULONG NDIS_OID, *PNDIS_OID;
typedef PHYSICAL_ADDRESS NDIS_PHYSICAL_ADDRESS, *PNDIS_PHYSICAL_ADDRESS;
typedef struct _NDIS_PACKET NDIS_PACKET, *PNDIS_PACKET, **PPNDIS_PACKET;
typedef struct _NET_PNP_EVENT NET_PNP_EVENT, *PNET_PNP_EVENT;
typedef struct _NDIS_WAN_PACKET NDIS_WAN_PACKET, *PNDIS_WAN_PACKET;

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

typedef enum _NDIS_INTERFACE_TYPE {
  NdisInterfaceInternal,
  NdisInterfaceIsa,
  NdisInterfaceEisa,
  NdisInterfaceMca,
  NdisInterfaceTurboChannel,
  NdisInterfacePci,
  NdisInterfacePcMcia
} NDIS_INTERFACE_TYPE, *PNDIS_INTERFACE_TYPE;

typedef enum _KINTERRUPT_MODE { LevelSensitive, Latched } KINTERRUPT_MODE;
typedef KINTERRUPT_MODE NDIS_INTERRUPT_MODE, *PNDIS_INTERRUPT_MODE;
#define NdisInterruptLatched Latched
#define NdisInterruptLevelSensitive LevelSensitive

typedef enum _NDIS_REQUEST_TYPE {
  NdisRequestQueryInformation,
  NdisRequestSetInformation,
  NdisRequestQueryStatistics
} NDIS_REQUEST_TYPE, *PNDIS_REQUEST_TYPE;

typedef struct _NDIS_REQUEST {
  UCHAR MacReserved[4 * sizeof(PVOID)];
  NDIS_REQUEST_TYPE RequestType;
  union _NDIS_REQUEST_DATA {
    struct _NDIS_REQUEST_QUERY_INFORMATION {
      NDIS_OID Oid;
      PVOID InformationBuffer;
      UINT InformationBufferLength;
      UINT BytesWritten;
      UINT BytesNeeded;
    } QUERY_INFORMATION;
    struct _NDIS_REQUEST_SET_INFORMATION {
      NDIS_OID Oid;
      PVOID InformationBuffer;
      UINT InformationBufferLength;
      UINT BytesRead;
      UINT BytesNeeded;
    } SET_INFORMATION;
  } DATA;
} NDIS_REQUEST, *PNDIS_REQUEST;

#define NDIS_STATUS_SUCCESS ((NDIS_STATUS)STATUS_SUCCESS)
#define NDIS_STATUS_PENDING ((NDIS_STATUS)STATUS_PENDING)
#define NDIS_STATUS_NOT_RECOGNIZED ((NDIS_STATUS)0x00010001L)
#define NDIS_STATUS_NOT_ACCEPTED ((NDIS_STATUS)0x00010003L)
#define NDIS_STATUS_FAILURE ((NDIS_STATUS)STATUS_UNSUCCESSFUL)
#define NDIS_STATUS_RESOURCES ((NDIS_STATUS)0xC000009AL)
#define NDIS_STATUS_NOT_SUPPORTED ((NDIS_STATUS)0xC00000BBL)
#define NDIS_STATUS_CLOSING ((NDIS_STATUS)0xC0010002L)
#define NDIS_STATUS_INVALID_DATA ((NDIS_STATUS)0xC0010015L)

/* Memory */
#define NdisMoveMemory(Destination, Source, Length)                            \
  RtlCopyMemory(Destination, Source, Length)
#define NdisZeroMemory(Destination, Length) RtlZeroMemory(Destination, Length)

EXPORT NDIS_STATUS NdisAllocateMemoryWithTag(OUT PVOID *VirtualAddress,
                                             IN UINT Length, IN ULONG Tag);
EXPORT VOID NdisFreeMemory(IN PVOID VirtualAddress, IN UINT Length,
                           IN UINT MemoryFlags);
#define NdisStallExecution(MicroSecondsToStall)                                \
  KeStallExecutionProcessor(MicroSecondsToStall)

/* ---------------------------------------------------------------------- */
/* Spin locks and interlocked operations                                  */
/* ---------------------------------------------------------------------- */
typedef struct _NDIS_SPIN_LOCK {
  KSPIN_LOCK SpinLock;
  KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

#if BINARY_COMPATIBLE && !USE_KLOCKS

EXPORT VOID NdisAllocateSpinLock(IN PNDIS_SPIN_LOCK SpinLock);
EXPORT VOID NdisFreeSpinLock(IN PNDIS_SPIN_LOCK SpinLock);
EXPORT VOID NdisAcquireSpinLock(IN PNDIS_SPIN_LOCK SpinLock);
EXPORT VOID NdisReleaseSpinLock(IN PNDIS_SPIN_LOCK SpinLock);
EXPORT VOID NdisDprAcquireSpinLock(IN PNDIS_SPIN_LOCK SpinLock);
EXPORT VOID NdisDprReleaseSpinLock(IN PNDIS_SPIN_LOCK SpinLock);

#else

#define NdisAllocateSpinLock(_SpinLock)                                        \
  KeInitializeSpinLock(&(_SpinLock)->SpinLock)
#define NdisFreeSpinLock(_SpinLock)
#define NdisAcquireSpinLock(_SpinLock)                                         \
  KeAcquireSpinLock(&(_SpinLock)->SpinLock, &(_SpinLock)->OldIrql)
#define NdisReleaseSpinLock(_SpinLock)                                         \
  KeReleaseSpinLock(&(_SpinLock)->SpinLock, (_SpinLock)->OldIrql)
#define NdisDprAcquireSpinLock(_SpinLock)                                      \
  {                                                                            \
    KeAcquireSpinLockAtDpcLevel(&(_SpinLock)->SpinLock);                       \
    (_SpinLock)->OldIrql = DISPATCH_LEVEL;                                     \
  }
#define NdisDprReleaseSpinLock(_SpinLock)                                      \
  KeReleaseSpinLockFromDpcLevel(&(_SpinLock)->SpinLock)

#endif

#if BINARY_COMPATIBLE

EXPORT LONG NdisInterlockedIncrement(IN PLONG Addend);
EXPORT LONG NdisInterlockedDecrement(IN PLONG Addend);
EXPORT PLIST_ENTRY NdisInterlockedInsertTailList(IN PLIST_ENTRY ListHead,
                                                 IN PLIST_ENTRY ListEntry,
                                                 IN PNDIS_SPIN_LOCK SpinLock);
EXPORT VOID NdisGetCurrentSystemTime(IN PLARGE_INTEGER pSystemTime);

#else

#define NdisInterlockedIncrement(Addend) InterlockedIncrement(Addend)
#define NdisInterlockedDecrement(Addend) InterlockedDecrement(Addend)
EXPORT PLIST_ENTRY NdisInterlockedInsertTailList(IN PLIST_ENTRY ListHead,
                                                 IN PLIST_ENTRY ListEntry,
                                                 IN PNDIS_SPIN_LOCK SpinLock);
#define NdisGetCurrentSystemTime(_pSystemTime)                                 \
  { KeQuerySystemTime(_pSystemTime); }

#endif

/* ---------------------------------------------------------------------- */
/* Work items and timers                                                  */
/* ---------------------------------------------------------------------- */
typedef VOID (*NDIS_PROC)(struct _NDIS_WORK_ITEM *, PVOID);

typedef struct _NDIS_WORK_ITEM {
  PVOID Context;
  NDIS_PROC Routine;
  UCHAR WrapperReserved[8 * sizeof(PVOID)];
} NDIS_WORK_ITEM, *PNDIS_WORK_ITEM;

/* The routine runs later at PASSIVE_LEVEL, in a system worker thread. */
#define NdisInitializeWorkItem(_WI_, _R_, _C_)                                 \
  {                                                                            \
    (_WI_)->Context = _C_;                                                     \
    (_WI_)->Routine = _R_;                                                     \
  }
EXPORT NDIS_STATUS NdisScheduleWorkItem(IN PNDIS_WORK_ITEM WorkItem);

typedef VOID (*PNDIS_TIMER_FUNCTION)(IN PVOID SystemSpecific1,
                                     IN PVOID FunctionContext,
                                     IN PVOID SystemSpecific2,
                                     IN PVOID SystemSpecific3);

typedef struct _NDIS_TIMER {
  KTIMER Timer;
  KDPC Dpc;
} NDIS_TIMER, *PNDIS_TIMER;

EXPORT VOID NdisInitializeTimer(IN OUT PNDIS_TIMER Timer,
                                IN PNDIS_TIMER_FUNCTION TimerFunction,
                                IN PVOID FunctionContext);
EXPORT VOID NdisSetTimer(IN PNDIS_TIMER Timer, IN UINT MillisecondsToDelay);
EXPORT VOID NdisCancelTimer(IN PNDIS_TIMER Timer, OUT PBOOLEAN TimerCancelled);

/* ---------------------------------------------------------------------- */
/* The wrapper and protocol registration                                  */
/* ---------------------------------------------------------------------- */
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

typedef struct _CO_CALL_PARAMETERS CO_CALL_PARAMETERS, *PCO_CALL_PARAMETERS;
typedef struct _CO_MEDIA_PARAMETERS CO_MEDIA_PARAMETERS, *PCO_MEDIA_PARAMETERS;
typedef struct _NDIS_CALL_MANAGER_CHARACTERISTICS
    *PNDIS_CALL_MANAGER_CHARACTERISTICS;

EXPORT VOID NdisInitializeWrapper(OUT PNDIS_HANDLE NdisWrapperHandle,
                                  IN PVOID SystemSpecific1,
                                  IN PVOID SystemSpecific2,
                                  IN PVOID SystemSpecific3);
EXPORT VOID NdisTerminateWrapper(IN NDIS_HANDLE NdisWrapperHandle,
                                 IN PVOID SystemSpecific);

/* NDIS 3.0 protocol handlers. */
typedef VOID (*OPEN_ADAPTER_COMPLETE_HANDLER)(
    IN NDIS_HANDLE ProtocolBindingContext, IN NDIS_STATUS Status,
    IN NDIS_STATUS OpenErrorStatus);
typedef VOID (*CLOSE_ADAPTER_COMPLETE_HANDLER)(
    IN NDIS_HANDLE ProtocolBindingContext, IN NDIS_STATUS Status);
typedef VOID (*SEND_COMPLETE_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                      IN PNDIS_PACKET Packet,
                                      IN NDIS_STATUS Status);
typedef VOID (*WAN_SEND_COMPLETE_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                          IN PNDIS_WAN_PACKET Packet,
                                          IN NDIS_STATUS Status);
typedef VOID (*TRANSFER_DATA_COMPLETE_HANDLER)(
    IN NDIS_HANDLE ProtocolBindingContext, IN PNDIS_PACKET Packet,
    IN NDIS_STATUS Status, IN UINT BytesTransferred);
typedef VOID (*WAN_TRANSFER_DATA_COMPLETE_HANDLER)(VOID);
typedef VOID (*RESET_COMPLETE_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                       IN NDIS_STATUS Status);
typedef VOID (*REQUEST_COMPLETE_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                         IN PNDIS_REQUEST NdisRequest,
                                         IN NDIS_STATUS Status);
typedef NDIS_STATUS (*RECEIVE_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                       IN NDIS_HANDLE MacReceiveContext,
                                       IN PVOID HeaderBuffer,
                                       IN UINT HeaderBufferSize,
                                       IN PVOID LookAheadBuffer,
                                       IN UINT LookaheadBufferSize,
                                       IN UINT PacketSize);
typedef NDIS_STATUS (*WAN_RECEIVE_HANDLER)(IN NDIS_HANDLE NdisLinkHandle,
                                           IN PUCHAR Packet,
                                           IN ULONG PacketSize);
typedef VOID (*RECEIVE_COMPLETE_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext);
typedef VOID (*STATUS_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                               IN NDIS_STATUS GeneralStatus,
                               IN PVOID StatusBuffer,
                               IN UINT StatusBufferSize);
typedef VOID (*STATUS_COMPLETE_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext);

typedef struct _NDIS30_PROTOCOL_CHARACTERISTICS {
  UCHAR MajorNdisVersion;
  UCHAR MinorNdisVersion;
  USHORT Filler;
  union {
    UINT Reserved;
    UINT Flags;
  };
  OPEN_ADAPTER_COMPLETE_HANDLER OpenAdapterCompleteHandler;
  CLOSE_ADAPTER_COMPLETE_HANDLER CloseAdapterCompleteHandler;
  union {
    SEND_COMPLETE_HANDLER SendCompleteHandler;
    WAN_SEND_COMPLETE_HANDLER WanSendCompleteHandler;
  };
  union {
    TRANSFER_DATA_COMPLETE_HANDLER TransferDataCompleteHandler;
    WAN_TRANSFER_DATA_COMPLETE_HANDLER WanTransferDataCompleteHandler;
  };
  RESET_COMPLETE_HANDLER ResetCompleteHandler;
  REQUEST_COMPLETE_HANDLER RequestCompleteHandler;
  union {
    RECEIVE_HANDLER ReceiveHandler;
    WAN_RECEIVE_HANDLER WanReceiveHandler;
  };
  RECEIVE_COMPLETE_HANDLER ReceiveCompleteHandler;
  STATUS_HANDLER StatusHandler;
  STATUS_COMPLETE_HANDLER StatusCompleteHandler;
  NDIS_STRING Name;
} NDIS30_PROTOCOL_CHARACTERISTICS;

/* NDIS 4.0 protocol handlers. */
typedef INT (*RECEIVE_PACKET_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                      IN PNDIS_PACKET Packet);
typedef VOID (*BIND_HANDLER)(OUT PNDIS_STATUS Status, IN NDIS_HANDLE BindContext,
                             IN PNDIS_STRING DeviceName,
                             IN PVOID SystemSpecific1,
                             IN PVOID SystemSpecific2);
typedef VOID (*UNBIND_HANDLER)(OUT PNDIS_STATUS Status,
                               IN NDIS_HANDLE ProtocolBindingContext,
                               IN NDIS_HANDLE UnbindContext);
typedef NDIS_STATUS (*PNP_EVENT_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                         IN PNET_PNP_EVENT NetPnPEvent);
typedef VOID (*UNLOAD_PROTOCOL_HANDLER)(VOID);

typedef struct _NDIS40_PROTOCOL_CHARACTERISTICS {
#ifdef __cplusplus
  NDIS30_PROTOCOL_CHARACTERISTICS Ndis30Chars;
#else
  NDIS30_PROTOCOL_CHARACTERISTICS;
#endif
  RECEIVE_PACKET_HANDLER ReceivePacketHandler;
  BIND_HANDLER BindAdapterHandler;
  UNBIND_HANDLER UnbindAdapterHandler;
  PNP_EVENT_HANDLER PnPEventHandler;
  UNLOAD_PROTOCOL_HANDLER UnloadHandler;
} NDIS40_PROTOCOL_CHARACTERISTICS;

/* NDIS 5.0 handlers shared by CoNDIS clients and call managers. */
typedef VOID (*CO_SEND_COMPLETE_HANDLER)(IN NDIS_STATUS Status,
                                         IN NDIS_HANDLE ProtocolVcContext,
                                         IN PNDIS_PACKET Packet);
typedef VOID (*CO_STATUS_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                  IN NDIS_HANDLE ProtocolVcContext OPTIONAL,
                                  IN NDIS_STATUS GeneralStatus,
                                  IN PVOID StatusBuffer,
                                  IN UINT StatusBufferSize);
typedef UINT (*CO_RECEIVE_PACKET_HANDLER)(IN NDIS_HANDLE ProtocolBindingContext,
                                          IN NDIS_HANDLE ProtocolVcContext,
                                          IN PNDIS_PACKET Packet);
typedef NDIS_STATUS (*CO_REQUEST_HANDLER)(
    IN NDIS_HANDLE ProtocolAfContext, IN NDIS_HANDLE ProtocolVcContext OPTIONAL,
    IN NDIS_HANDLE ProtocolPartyContext OPTIONAL,
    IN OUT PNDIS_REQUEST NdisRequest);
typedef VOID (*CO_REQUEST_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolAfContext OPTIONAL,
    IN NDIS_HANDLE ProtocolVcContext OPTIONAL,
    IN NDIS_HANDLE ProtocolPartyContext OPTIONAL, IN PNDIS_REQUEST NdisRequest);
typedef NDIS_STATUS (*CO_CREATE_VC_HANDLER)(IN NDIS_HANDLE ProtocolAfContext,
                                            IN NDIS_HANDLE NdisVcHandle,
                                            OUT PNDIS_HANDLE ProtocolVcContext);
typedef NDIS_STATUS (*CO_DELETE_VC_HANDLER)(IN NDIS_HANDLE ProtocolVcContext);
typedef VOID (*CO_AF_REGISTER_NOTIFY_HANDLER)(
    IN NDIS_HANDLE ProtocolBindingContext, IN PCO_ADDRESS_FAMILY AddressFamily);

typedef struct _NDIS50_PROTOCOL_CHARACTERISTICS {
#ifdef __cplusplus
  NDIS40_PROTOCOL_CHARACTERISTICS Ndis40Chars;
#else
  NDIS40_PROTOCOL_CHARACTERISTICS;
#endif
  PVOID ReservedHandlers[4];
  CO_SEND_COMPLETE_HANDLER CoSendCompleteHandler;
  CO_STATUS_HANDLER CoStatusHandler;
  CO_RECEIVE_PACKET_HANDLER CoReceivePacketHandler;
  CO_AF_REGISTER_NOTIFY_HANDLER CoAfRegisterNotifyHandler;
} NDIS50_PROTOCOL_CHARACTERISTICS;

#if defined(NDIS50) || defined(NDIS51)
typedef NDIS50_PROTOCOL_CHARACTERISTICS NDIS_PROTOCOL_CHARACTERISTICS;
#elif NDIS40
typedef NDIS40_PROTOCOL_CHARACTERISTICS NDIS_PROTOCOL_CHARACTERISTICS;
#else
typedef NDIS30_PROTOCOL_CHARACTERISTICS NDIS_PROTOCOL_CHARACTERISTICS;
#endif
typedef NDIS_PROTOCOL_CHARACTERISTICS *PNDIS_PROTOCOL_CHARACTERISTICS;

EXPORT VOID NdisRegisterProtocol(
    OUT PNDIS_STATUS Status, OUT PNDIS_HANDLE NdisProtocolHandle,
    IN PNDIS_PROTOCOL_CHARACTERISTICS ProtocolCharacteristics,
    IN UINT CharacteristicsLength);
EXPORT VOID NdisDeregisterProtocol(OUT PNDIS_STATUS Status,
                                   IN NDIS_HANDLE NdisProtocolHandle);

/* ---------------------------------------------------------------------- */
/* Miniport drivers only                                                  */
/* ---------------------------------------------------------------------- */
#if defined(NDIS_MINIPORT_DRIVER) || defined(NDIS_WRAPPER)

typedef BOOLEAN (*W_CHECK_FOR_HANG_HANDLER)(IN NDIS_HANDLE
                                                MiniportAdapterContext);
typedef VOID (*W_DISABLE_INTERRUPT_HANDLER)(IN NDIS_HANDLE
                                                MiniportAdapterContext);
typedef VOID (*W_ENABLE_INTERRUPT_HANDLER)(IN NDIS_HANDLE
                                               MiniportAdapterContext);
typedef VOID (*W_HALT_HANDLER)(IN NDIS_HANDLE MiniportAdapterContext);
/* MiniportHandleInterrupt: the interrupt's deferred work, at DISPATCH_LEVEL. */
typedef VOID (*W_HANDLE_INTERRUPT_HANDLER)(IN NDIS_HANDLE
                                               MiniportAdapterContext);
typedef NDIS_STATUS (*W_INITIALIZE_HANDLER)(
    OUT PNDIS_STATUS OpenErrorStatus, OUT PUINT SelectedMediumIndex,
    IN PNDIS_MEDIUM MediumArray, IN UINT MediumArraySize,
    IN NDIS_HANDLE MiniportAdapterContext,
    IN NDIS_HANDLE WrapperConfigurationContext);
/* MiniportISR: runs at the device's IRQL. */
typedef VOID (*W_ISR_HANDLER)(OUT PBOOLEAN InterruptRecognized,
                              OUT PBOOLEAN QueueMiniportHandleInterrupt,
                              IN NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (*W_QUERY_INFORMATION_HANDLER)(
    IN NDIS_HANDLE MiniportAdapterContext, IN NDIS_OID Oid,
    IN PVOID InformationBuffer, IN ULONG InformationBufferLength,
    OUT PULONG BytesWritten, OUT PULONG BytesNeeded);
typedef NDIS_STATUS (*W_RECONFIGURE_HANDLER)(
    OUT PNDIS_STATUS OpenErrorStatus,
    IN NDIS_HANDLE MiniportAdapterContext OPTIONAL,
    IN NDIS_HANDLE WrapperConfigurationContext);
typedef NDIS_STATUS (*W_RESET_HANDLER)(OUT PBOOLEAN AddressingReset,
                                       IN NDIS_HANDLE MiniportAdapterContext);
typedef NDIS_STATUS (*W_SEND_HANDLER)(IN NDIS_HANDLE MiniportAdapterContext,
                                      IN PNDIS_PACKET Packet, IN UINT Flags);
typedef NDIS_STATUS (*WM_SEND_HANDLER)(IN NDIS_HANDLE MiniportAdapterContext,
                                       IN NDIS_HANDLE NdisLinkHandle,
                                       IN PNDIS_WAN_PACKET Packet);
typedef NDIS_STATUS (*W_SET_INFORMATION_HANDLER)(
    IN NDIS_HANDLE MiniportAdapterContext, IN NDIS_OID Oid,
    IN PVOID InformationBuffer, IN ULONG InformationBufferLength,
    OUT PULONG BytesRead, OUT PULONG BytesNeeded);
typedef NDIS_STATUS (*W_TRANSFER_DATA_HANDLER)(
    OUT PNDIS_PACKET Packet, OUT PUINT BytesTransferred,
    IN NDIS_HANDLE MiniportAdapterContext,
    IN NDIS_HANDLE MiniportReceiveContext, IN UINT ByteOffset,
    IN UINT BytesToTransfer);
typedef NDIS_STATUS (*WM_TRANSFER_DATA_HANDLER)(VOID);

typedef struct _NDIS30_MINIPORT_CHARACTERISTICS {
  UCHAR MajorNdisVersion;
  UCHAR MinorNdisVersion;
  USHORT Filler;
  UINT Reserved;
  W_CHECK_FOR_HANG_HANDLER CheckForHangHandler;
  W_DISABLE_INTERRUPT_HANDLER DisableInterruptHandler;
  W_ENABLE_INTERRUPT_HANDLER EnableInterruptHandler;
  W_HALT_HANDLER HaltHandler;
  W_HANDLE_INTERRUPT_HANDLER HandleInterruptHandler;
  W_INITIALIZE_HANDLER InitializeHandler;
  W_ISR_HANDLER ISRHandler;
  W_QUERY_INFORMATION_HANDLER QueryInformationHandler;
  W_RECONFIGURE_HANDLER ReconfigureHandler;
  W_RESET_HANDLER ResetHandler;
  union {
    W_SEND_HANDLER SendHandler;
    WM_SEND_HANDLER WanSendHandler;
  };
  W_SET_INFORMATION_HANDLER SetInformationHandler;
  union {
    W_TRANSFER_DATA_HANDLER TransferDataHandler;
    WM_TRANSFER_DATA_HANDLER WanTransferDataHandler;
  };
} NDIS30_MINIPORT_CHARACTERISTICS;

typedef VOID (*W_RETURN_PACKET_HANDLER)(IN NDIS_HANDLE MiniportAdapterContext,
                                        IN PNDIS_PACKET Packet);
typedef VOID (*W_SEND_PACKETS_HANDLER)(IN NDIS_HANDLE MiniportAdapterContext,
                                       IN PPNDIS_PACKET PacketArray,
                                       IN UINT NumberOfPackets);
typedef VOID (*W_ALLOCATE_COMPLETE_HANDLER)(
    IN NDIS_HANDLE MiniportAdapterContext, IN PVOID VirtualAddress,
    IN PNDIS_PHYSICAL_ADDRESS PhysicalAddress, IN ULONG Length,
    IN PVOID Context);

typedef struct _NDIS40_MINIPORT_CHARACTERISTICS {
#ifdef __cplusplus
  NDIS30_MINIPORT_CHARACTERISTICS Ndis30Chars;
#else
  NDIS30_MINIPORT_CHARACTERISTICS;
#endif
  W_RETURN_PACKET_HANDLER ReturnPacketHandler;
  W_SEND_PACKETS_HANDLER SendPacketsHandler;
  W_ALLOCATE_COMPLETE_HANDLER AllocateCompleteHandler;
} NDIS40_MINIPORT_CHARACTERISTICS;

typedef NDIS_STATUS (*W_CO_CREATE_VC_HANDLER)(
    IN NDIS_HANDLE MiniportAdapterContext, IN NDIS_HANDLE NdisVcHandle,
    OUT PNDIS_HANDLE MiniportVcContext);
typedef NDIS_STATUS (*W_CO_DELETE_VC_HANDLER)(IN NDIS_HANDLE MiniportVcContext);
typedef NDIS_STATUS (*W_CO_ACTIVATE_VC_HANDLER)(
    IN NDIS_HANDLE MiniportVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters);
typedef NDIS_STATUS (*W_CO_DEACTIVATE_VC_HANDLER)(IN NDIS_HANDLE
                                                      MiniportVcContext);
typedef VOID (*W_CO_SEND_PACKETS_HANDLER)(IN NDIS_HANDLE MiniportVcContext,
                                          IN PPNDIS_PACKET PacketArray,
                                          IN UINT NumberOfPackets);
typedef NDIS_STATUS (*W_CO_REQUEST_HANDLER)(
    IN NDIS_HANDLE MiniportAdapterContext,
    IN NDIS_HANDLE MiniportVcContext OPTIONAL,
    IN OUT PNDIS_REQUEST NdisRequest);

typedef struct _NDIS50_MINIPORT_CHARACTERISTICS {
#ifdef __cplusplus
  NDIS40_MINIPORT_CHARACTERISTICS Ndis40Chars;
#else
  NDIS40_MINIPORT_CHARACTERISTICS;
#endif
  W_CO_CREATE_VC_HANDLER CoCreateVcHandler;
  W_CO_DELETE_VC_HANDLER CoDeleteVcHandler;
  W_CO_ACTIVATE_VC_HANDLER CoActivateVcHandler;
  W_CO_DEACTIVATE_VC_HANDLER CoDeactivateVcHandler;
  W_CO_SEND_PACKETS_HANDLER CoSendPacketsHandler;
  W_CO_REQUEST_HANDLER CoRequestHandler;
} NDIS50_MINIPORT_CHARACTERISTICS;

typedef enum _NDIS_DEVICE_PNP_EVENT {
  NdisDevicePnPEventQueryRemoved,
  NdisDevicePnPEventRemoved,
  NdisDevicePnPEventSurpriseRemoved,
  NdisDevicePnPEventQueryStopped,
  NdisDevicePnPEventStopped,
  NdisDevicePnPEventPowerProfileChanged,
  NdisDevicePnPEventMaximum
} NDIS_DEVICE_PNP_EVENT, *PNDIS_DEVICE_PNP_EVENT;

typedef VOID (*W_CANCEL_SEND_PACKETS_HANDLER)(
    IN NDIS_HANDLE MiniportAdapterContext, IN PVOID CancelId);
typedef VOID (*W_PNP_EVENT_NOTIFY_HANDLER)(
    IN NDIS_HANDLE MiniportAdapterContext,
    IN NDIS_DEVICE_PNP_EVENT DevicePnPEvent, IN PVOID InformationBuffer,
    IN ULONG InformationBufferLength);
typedef VOID (*W_MINIPORT_SHUTDOWN_HANDLER)(IN NDIS_HANDLE
                                                MiniportAdapterContext);

typedef struct _NDIS51_MINIPORT_CHARACTERISTICS {
#ifdef __cplusplus
  NDIS50_MINIPORT_CHARACTERISTICS Ndis50Chars;
#else
  NDIS50_MINIPORT_CHARACTERISTICS;
#endif
  W_CANCEL_SEND_PACKETS_HANDLER CancelSendPacketsHandler;
  W_PNP_EVENT_NOTIFY_HANDLER PnPEventNotifyHandler;
  W_MINIPORT_SHUTDOWN_HANDLER AdapterShutdownHandler;
  PVOID Reserved1;
  PVOID Reserved2;
  PVOID Reserved3;
  PVOID Reserved4;
} NDIS51_MINIPORT_CHARACTERISTICS;

#if defined(NDIS51_MINIPORT)
typedef struct _NDIS51_MINIPORT_CHARACTERISTICS NDIS_MINIPORT_CHARACTERISTICS;
#elif defined(NDIS50_MINIPORT)
typedef struct _NDIS50_MINIPORT_CHARACTERISTICS NDIS_MINIPORT_CHARACTERISTICS;
#elif defined(NDIS40_MINIPORT)
typedef struct _NDIS40_MINIPORT_CHARACTERISTICS NDIS_MINIPORT_CHARACTERISTICS;
#else
typedef struct _NDIS30_MINIPORT_CHARACTERISTICS NDIS_MINIPORT_CHARACTERISTICS;
#endif
typedef NDIS_MINIPORT_CHARACTERISTICS *PNDIS_MINIPORT_CHARACTERISTICS;

typedef struct _NDIS_MINIPORT_INTERRUPT {
  PKINTERRUPT InterruptObject;
  KSPIN_LOCK DpcCountLock;
  PVOID Reserved;
  W_ISR_HANDLER MiniportIsr;
  W_HANDLE_INTERRUPT_HANDLER MiniportDpc;
  KDPC InterruptDpc;
  PVOID Miniport;
  UCHAR DpcCount;
  BOOLEAN Filler1;
  KEVENT DpcsCompletedEvent;
  BOOLEAN SharedInterrupt;
  BOOLEAN IsrRequested;
} NDIS_MINIPORT_INTERRUPT, *PNDIS_MINIPORT_INTERRUPT;

typedef struct _NDIS_MINIPORT_TIMER {
  KTIMER Timer;
  KDPC Dpc;
  PNDIS_TIMER_FUNCTION MiniportTimerFunction;
  PVOID MiniportTimerContext;
  PVOID Miniport;
  struct _NDIS_MINIPORT_TIMER *NextTimer;
} NDIS_MINIPORT_TIMER, *PNDIS_MINIPORT_TIMER;

typedef VOID (*ADAPTER_SHUTDOWN_HANDLER)(IN PVOID ShutdownContext);

#define NdisMInitializeWrapper(_a, _b, _c, _d)                                 \
  NdisInitializeWrapper((_a), (_b), (_c), (_d))
EXPORT NDIS_STATUS
NdisMRegisterMiniport(IN NDIS_HANDLE NdisWrapperHandle,
                      IN PNDIS_MINIPORT_CHARACTERISTICS MiniportCharacteristics,
                      IN UINT CharacteristicsLength);
EXPORT VOID NdisMSetAttributesEx(IN NDIS_HANDLE MiniportAdapterHandle,
                                 IN NDIS_HANDLE MiniportAdapterContext,
                                 IN UINT CheckForHangTimeInSeconds OPTIONAL,
                                 IN ULONG AttributeFlags,
                                 IN NDIS_INTERFACE_TYPE AdapterType OPTIONAL);
EXPORT VOID NdisMRegisterAdapterShutdownHandler(
    IN NDIS_HANDLE MiniportHandle, IN PVOID ShutdownContext,
    IN ADAPTER_SHUTDOWN_HANDLER ShutdownHandler);

/* Interrupts: the function given to NdisMSynchronizeWithInterrupt runs at
   the interrupt's DIRQL (MiniportSynchronizeISR). */
EXPORT NDIS_STATUS NdisMRegisterInterrupt(
    OUT PNDIS_MINIPORT_INTERRUPT Interrupt, IN NDIS_HANDLE MiniportAdapterHandle,
    IN UINT InterruptVector, IN UINT InterruptLevel, IN BOOLEAN RequestIsr,
    IN BOOLEAN SharedInterrupt, IN NDIS_INTERRUPT_MODE InterruptMode);
EXPORT VOID NdisMDeregisterInterrupt(IN PNDIS_MINIPORT_INTERRUPT Interrupt);
EXPORT BOOLEAN NdisMSynchronizeWithInterrupt(
    IN PNDIS_MINIPORT_INTERRUPT Interrupt, IN PVOID SynchronizeFunction,
    IN PVOID SynchronizeContext);

/* Timers: the MiniportTimer function runs at DISPATCH_LEVEL. */
#define NdisMSetTimer(_Timer, _Delay) NdisSetTimer((PNDIS_TIMER)_Timer, _Delay)
EXPORT VOID NdisMSetPeriodicTimer(IN PNDIS_MINIPORT_TIMER Timer,
                                  IN UINT MillisecondPeriod);
EXPORT VOID NdisMInitializeTimer(IN OUT PNDIS_MINIPORT_TIMER Timer,
                                 IN NDIS_HANDLE MiniportAdapterHandle,
                                 IN PNDIS_TIMER_FUNCTION TimerFunction,
                                 IN PVOID FunctionContext);
EXPORT VOID NdisMCancelTimer(IN PNDIS_MINIPORT_TIMER Timer,
                             OUT PBOOLEAN TimerCancelled);
EXPORT VOID NdisMSleep(IN ULONG MicrosecondsToSleep);

/* CoNDIS miniports (NDIS 5.0). */
EXPORT VOID NdisMCoIndicateReceivePacket(IN NDIS_HANDLE NdisVcHandle,
                                         IN PPNDIS_PACKET PacketArray,
                                         IN UINT NumberOfPackets);
EXPORT VOID NdisMCoIndicateStatus(IN NDIS_HANDLE MiniportAdapterHandle,
                                  IN NDIS_HANDLE NdisVcHandle OPTIONAL,
                                  IN NDIS_STATUS GeneralStatus,
                                  IN PVOID StatusBuffer OPTIONAL,
                                  IN ULONG StatusBufferSize);
EXPORT VOID NdisMCoReceiveComplete(IN NDIS_HANDLE MiniportAdapterHandle);
EXPORT VOID NdisMCoSendComplete(IN NDIS_STATUS Status,
                                IN NDIS_HANDLE NdisVcHandle,
                                IN PNDIS_PACKET Packet);
EXPORT VOID NdisMCoActivateVcComplete(IN NDIS_STATUS Status,
                                      IN NDIS_HANDLE NdisVcHandle,
                                      IN PCO_CALL_PARAMETERS CallParameters);
EXPORT VOID NdisMCoDeactivateVcComplete(IN NDIS_STATUS Status,
                                        IN NDIS_HANDLE NdisVcHandle);
EXPORT VOID NdisMCoRequestComplete(IN NDIS_STATUS Status,
                                   IN NDIS_HANDLE MiniportAdapterHandle,
                                   IN PNDIS_REQUEST Request);

/* Miniport call managers: registration and the real NdisMCm* functions. */
EXPORT NDIS_STATUS NdisMCmRegisterAddressFamily(
    IN NDIS_HANDLE MiniportAdapterHandle, IN PCO_ADDRESS_FAMILY AddressFamily,
    IN PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
    IN UINT SizeOfCmCharacteristics);
EXPORT NDIS_STATUS NdisMCmCreateVc(IN NDIS_HANDLE MiniportAdapterHandle,
                                   IN NDIS_HANDLE NdisAfHandle,
                                   IN NDIS_HANDLE MiniportVcContext,
                                   OUT PNDIS_HANDLE NdisVcHandle);
EXPORT NDIS_STATUS NdisMCmDeleteVc(IN NDIS_HANDLE NdisVcHandle);
EXPORT NDIS_STATUS NdisMCmActivateVc(IN NDIS_HANDLE NdisVcHandle,
                                     IN PCO_CALL_PARAMETERS CallParameters);
EXPORT NDIS_STATUS NdisMCmDeactivateVc(IN NDIS_HANDLE NdisVcHandle);
EXPORT NDIS_STATUS NdisMCmRequest(IN NDIS_HANDLE NdisAfHandle,
                                  IN NDIS_HANDLE NdisVcHandle OPTIONAL,
                                  IN NDIS_HANDLE NdisPartyHandle OPTIONAL,
                                  IN OUT PNDIS_REQUEST NdisRequest);

/* The other NdisMCm* forms: macros over the stand-alone CM functions. */
#define NdisMCmRequestComplete(_S_, _AH_, _VH_, _PH_, _R_)                     \
  NdisCoRequestComplete(_S_, _AH_, _VH_, _PH_, _R_)
#define NdisMCmOpenAddressFamilyComplete(_S_, _H_, _C_)                        \
  NdisCmOpenAddressFamilyComplete(_S_, _H_, _C_)
#define NdisMCmCloseAddressFamilyComplete(_S_, _H_)                            \
  NdisCmCloseAddressFamilyComplete(_S_, _H_)
#define NdisMCmRegisterSapComplete(_S_, _H_, _C_)                              \
  NdisCmRegisterSapComplete(_S_, _H_, _C_)
#define NdisMCmDeregisterSapComplete(_S_, _H_)                                 \
  NdisCmDeregisterSapComplete(_S_, _H_)
#define NdisMCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_)                   \
  NdisCmMakeCallComplete(_S_, _VH_, _PH_, _CC_, _CP_)
#define NdisMCmCloseCallComplete(_S_, _VH_, _PH_)                              \
  NdisCmCloseCallComplete(_S_, _VH_, _PH_)
#define NdisMCmAddPartyComplete(_S_, _H_, _C_, _P_)                            \
  NdisCmAddPartyComplete(_S_, _H_, _C_, _P_)
#define NdisMCmDropPartyComplete(_S_, _H_) NdisCmDropPartyComplete(_S_, _H_)
#define NdisMCmDispatchIncomingCall(_SH_, _VH_, _CP_)                          \
  NdisCmDispatchIncomingCall(_SH_, _VH_, _CP_)
#define NdisMCmDispatchCallConnected(_H_) NdisCmDispatchCallConnected(_H_)
#define NdisMCmModifyCallQoSComplete(_S_, _H_, _P_)                            \
  NdisCmModifyCallQoSComplete(_S_, _H_, _P_)
#define NdisMCmDispatchIncomingCallQoSChange(_H_, _P_)                         \
  NdisCmDispatchIncomingCallQoSChange(_H_, _P_)
#define NdisMCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_)                   \
  NdisCmDispatchIncomingCloseCall(_S_, _H_, _B_, _Z_)
#define NdisMCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_)                   \
  NdisCmDispatchIncomingDropParty(_S_, _H_, _B_, _Z_)

#endif /* NDIS_MINIPORT_DRIVER || NDIS_WRAPPER */

/* ---------------------------------------------------------------------- */
/* CoNDIS call management (NDIS 5.0 and later)                            */
/* ---------------------------------------------------------------------- */
#if defined(NDIS50) || defined(NDIS50_MINIPORT) || defined(NDIS51_MINIPORT)

/* Client handlers. */
typedef VOID (*CL_OPEN_AF_COMPLETE_HANDLER)(IN NDIS_STATUS Status,
                                            IN NDIS_HANDLE ProtocolAfContext,
                                            IN NDIS_HANDLE NdisAfHandle);
typedef VOID (*CL_CLOSE_AF_COMPLETE_HANDLER)(IN NDIS_STATUS Status,
                                             IN NDIS_HANDLE ProtocolAfContext);
typedef VOID (*CL_REG_SAP_COMPLETE_HANDLER)(IN NDIS_STATUS Status,
                                            IN NDIS_HANDLE ProtocolSapContext,
                                            IN PCO_SAP Sap,
                                            IN NDIS_HANDLE NdisSapHandle);
typedef VOID (*CL_DEREG_SAP_COMPLETE_HANDLER)(IN NDIS_STATUS Status,
                                              IN NDIS_HANDLE ProtocolSapContext);
typedef VOID (*CL_MAKE_CALL_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolVcContext,
    IN NDIS_HANDLE NdisPartyHandle OPTIONAL,
    IN PCO_CALL_PARAMETERS CallParameters);
typedef VOID (*CL_CLOSE_CALL_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolVcContext,
    IN NDIS_HANDLE ProtocolPartyContext OPTIONAL);
typedef VOID (*CL_ADD_PARTY_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolPartyContext,
    IN NDIS_HANDLE NdisPartyHandle, IN PCO_CALL_PARAMETERS CallParameters);
typedef VOID (*CL_DROP_PARTY_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolPartyContext);
typedef NDIS_STATUS (*CL_INCOMING_CALL_HANDLER)(
    IN NDIS_HANDLE ProtocolSapContext, IN NDIS_HANDLE ProtocolVcContext,
    IN OUT PCO_CALL_PARAMETERS CallParameters);
typedef VOID (*CL_CALL_CONNECTED_HANDLER)(IN NDIS_HANDLE ProtocolVcContext);
typedef VOID (*CL_INCOMING_CLOSE_CALL_HANDLER)(
    IN NDIS_STATUS CloseStatus, IN NDIS_HANDLE ProtocolVcContext,
    IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);
typedef VOID (*CL_INCOMING_DROP_PARTY_HANDLER)(
    IN NDIS_STATUS DropStatus, IN NDIS_HANDLE ProtocolPartyContext,
    IN PVOID CloseData OPTIONAL, IN UINT Size OPTIONAL);
typedef VOID (*CL_MODIFY_CALL_QOS_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE ProtocolVcContext,
    IN PCO_CALL_PARAMETERS CallParameters);
typedef VOID (*CL_INCOMING_CALL_QOS_CHANGE_HANDLER)(
    IN NDIS_HANDLE ProtocolVcContext, IN PCO_CALL_PARAMETERS CallParameters);

typedef struct _NDIS_CLIENT_CHARACTERISTICS {
  UCHAR MajorVersion;
  UCHAR MinorVersion;
  USHORT Filler;
  UINT Reserved;
  CO_CREATE_VC_HANDLER ClCreateVcHandler;
  CO_DELETE_VC_HANDLER ClDeleteVcHandler;
  CO_REQUEST_HANDLER ClRequestHandler;
  CO_REQUEST_COMPLETE_HANDLER ClRequestCompleteHandler;
  CL_OPEN_AF_COMPLETE_HANDLER ClOpenAfCompleteHandler;
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
} NDIS_CLIENT_CHARACTERISTICS, *PNDIS_CLIENT_CHARACTERISTICS;

/* Call-manager handlers. */
typedef NDIS_STATUS (*CM_OPEN_AF_HANDLER)(IN NDIS_HANDLE CallMgrBindingContext,
                                          IN PCO_ADDRESS_FAMILY AddressFamily,
                                          IN NDIS_HANDLE NdisAfHandle,
                                          OUT PNDIS_HANDLE CallMgrAfContext);
typedef NDIS_STATUS (*CM_CLOSE_AF_HANDLER)(IN NDIS_HANDLE CallMgrAfContext);
typedef NDIS_STATUS (*CM_REG_SAP_HANDLER)(IN NDIS_HANDLE CallMgrAfContext,
                                          IN PCO_SAP Sap,
                                          IN NDIS_HANDLE NdisSapHandle,
                                          OUT PNDIS_HANDLE CallMgrSapContext);
typedef NDIS_STATUS (*CM_DEREG_SAP_HANDLER)(IN NDIS_HANDLE CallMgrSapContext);
typedef NDIS_STATUS (*CM_MAKE_CALL_HANDLER)(
    IN NDIS_HANDLE CallMgrVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters,
    IN NDIS_HANDLE NdisPartyHandle OPTIONAL,
    OUT PNDIS_HANDLE CallMgrPartyContext OPTIONAL);
typedef NDIS_STATUS (*CM_CLOSE_CALL_HANDLER)(
    IN NDIS_HANDLE CallMgrVcContext,
    IN NDIS_HANDLE CallMgrPartyContext OPTIONAL, IN PVOID CloseData OPTIONAL,
    IN UINT Size OPTIONAL);
typedef NDIS_STATUS (*CM_MODIFY_CALL_QOS_HANDLER)(
    IN NDIS_HANDLE CallMgrVcContext, IN PCO_CALL_PARAMETERS CallParameters);
typedef VOID (*CM_INCOMING_CALL_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext,
    IN PCO_CALL_PARAMETERS CallParameters);
typedef VOID (*CM_ACTIVATE_VC_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext,
    IN PCO_CALL_PARAMETERS CallParameters);
typedef VOID (*CM_DEACTIVATE_VC_COMPLETE_HANDLER)(
    IN NDIS_STATUS Status, IN NDIS_HANDLE CallMgrVcContext);
typedef NDIS_STATUS (*CM_ADD_PARTY_HANDLER)(
    IN NDIS_HANDLE CallMgrVcContext, IN OUT PCO_CALL_PARAMETERS CallParameters,
    IN NDIS_HANDLE NdisPartyHandle, OUT PNDIS_HANDLE CallMgrPartyContext);
typedef NDIS_STATUS (*CM_DROP_PARTY_HANDLER)(IN NDIS_HANDLE CallMgrPartyContext,
                                             IN PVOID CloseData OPTIONAL,
                                             IN UINT Size OPTIONAL);

typedef struct _NDIS_CALL_MANAGER_CHARACTERISTICS {
  UCHAR MajorVersion;
  UCHAR MinorVersion;
  USHORT Filler;
  UINT Reserved;
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
  CO_REQUEST_HANDLER CmRequestHandler;
  CO_REQUEST_COMPLETE_HANDLER CmRequestCompleteHandler;
} NDIS_CALL_MANAGER_CHARACTERISTICS;

typedef struct _CO_CALL_MANAGER_PARAMETERS CO_CALL_MANAGER_PARAMETERS,
    *PCO_CALL_MANAGER_PARAMETERS;
struct _CO_CALL_PARAMETERS {
  ULONG Flags;
  PCO_CALL_MANAGER_PARAMETERS CallMgrParameters;
  PCO_MEDIA_PARAMETERS MediaParameters;
};

typedef struct _VAR_STRING {
  ULONG ulTotalSize;
  ULONG ulNeededSize;
  ULONG ulUsedSize;
  ULONG ulStringFormat;
  ULONG ulStringSize;
  ULONG ulStringOffset;
} VAR_STRING, *PVAR_STRING;

/* Functions for clients and call managers alike. */
EXPORT NDIS_STATUS NdisCoAssignInstanceName(IN NDIS_HANDLE NdisVcHandle,
                                            IN PNDIS_STRING BaseInstanceName,
                                            OUT PNDIS_STRING VcInstanceName);
EXPORT VOID NdisCoSendPackets(IN NDIS_HANDLE NdisVcHandle,
                              IN PPNDIS_PACKET PacketArray,
                              IN UINT NumberOfPackets);
EXPORT NDIS_STATUS NdisCoCreateVc(IN NDIS_HANDLE NdisBindingHandle,
                                  IN NDIS_HANDLE NdisAfHandle OPTIONAL,
                                  IN NDIS_HANDLE ProtocolVcContext,
                                  IN OUT PNDIS_HANDLE NdisVcHandle);
EXPORT NDIS_STATUS NdisCoDeleteVc(IN NDIS_HANDLE NdisVcHandle);
EXPORT NDIS_STATUS NdisCoRequest(IN NDIS_HANDLE NdisBindingHandle,
                                 IN NDIS_HANDLE NdisAfHandle OPTIONAL,
                                 IN NDIS_HANDLE NdisVcHandle OPTIONAL,
                                 IN NDIS_HANDLE NdisPartyHandle OPTIONAL,
                                 IN OUT PNDIS_REQUEST NdisRequest);
EXPORT VOID NdisCoRequestComplete(IN NDIS_STATUS Status,
                                  IN NDIS_HANDLE NdisAfHandle,
                                  IN NDIS_HANDLE NdisVcHandle OPTIONAL,
                                  IN NDIS_HANDLE NdisPartyHandle OPTIONAL,
                                  IN PNDIS_REQUEST NdisRequest);
EXPORT NDIS_STATUS NdisCoGetTapiCallId(IN NDIS_HANDLE NdisVcHandle,
                                       IN OUT PVAR_STRING TapiCallId);

/* Clients. */
EXPORT NDIS_STATUS NdisClOpenAddressFamily(
    IN NDIS_HANDLE NdisBindingHandle, IN PCO_ADDRESS_FAMILY AddressFamily,
    IN NDIS_HANDLE ProtocolAfContext,
    IN PNDIS_CLIENT_CHARACTERISTICS ClCharacteristics,
    IN UINT SizeOfClCharacteristics, OUT PNDIS_HANDLE NdisAfHandle);
EXPORT NDIS_STATUS NdisClCloseAddressFamily(IN NDIS_HANDLE NdisAfHandle);
EXPORT NDIS_STATUS NdisClRegisterSap(IN NDIS_HANDLE NdisAfHandle,
                                     IN NDIS_HANDLE ProtocolSapContext,
                                     IN PCO_SAP Sap,
                                     OUT PNDIS_HANDLE NdisSapHandle);
EXPORT NDIS_STATUS NdisClDeregisterSap(IN NDIS_HANDLE NdisSapHandle);
EXPORT NDIS_STATUS NdisClMakeCall(IN NDIS_HANDLE NdisVcHandle,
                                  IN OUT PCO_CALL_PARAMETERS CallParameters,
                                  IN NDIS_HANDLE ProtocolPartyContext OPTIONAL,
                                  OUT PNDIS_HANDLE NdisPartyHandle OPTIONAL);
EXPORT NDIS_STATUS NdisClCloseCall(IN NDIS_HANDLE NdisVcHandle,
                                   IN NDIS_HANDLE NdisPartyHandle OPTIONAL,
                                   IN PVOID Buffer OPTIONAL,
                                   IN UINT Size OPTIONAL);
EXPORT NDIS_STATUS NdisClModifyCallQoS(IN NDIS_HANDLE NdisVcHandle,
                                       IN PCO_CALL_PARAMETERS CallParameters);
EXPORT VOID NdisClIncomingCallComplete(IN NDIS_STATUS Status,
                                       IN NDIS_HANDLE NdisVcHandle,
                                       IN PCO_CALL_PARAMETERS CallParameters);
EXPORT NDIS_STATUS NdisClAddParty(IN NDIS_HANDLE NdisVcHandle,
                                  IN NDIS_HANDLE ProtocolPartyContext,
                                  IN OUT PCO_CALL_PARAMETERS CallParameters,
                                  OUT PNDIS_HANDLE NdisPartyHandle);
EXPORT NDIS_STATUS NdisClDropParty(IN NDIS_HANDLE NdisPartyHandle,
                                   IN PVOID Buffer OPTIONAL,
                                   IN UINT Size OPTIONAL);
EXPORT NDIS_STATUS NdisClGetProtocolVcContextFromTapiCallId(
    IN UNICODE_STRING TapiCallId, OUT PNDIS_HANDLE ProtocolVcContext);

/* Stand-alone call managers (a miniport call manager reaches most of these
   through the NdisMCm* macros). */
EXPORT NDIS_STATUS NdisCmRegisterAddressFamily(
    IN NDIS_HANDLE NdisBindingHandle, IN PCO_ADDRESS_FAMILY AddressFamily,
    IN PNDIS_CALL_MANAGER_CHARACTERISTICS CmCharacteristics,
    IN UINT SizeOfCmCharacteristics);
EXPORT VOID NdisCmOpenAddressFamilyComplete(IN NDIS_STATUS Status,
                                            IN NDIS_HANDLE NdisAfHandle,
                                            IN NDIS_HANDLE CallMgrAfContext);
EXPORT VOID NdisCmCloseAddressFamilyComplete(IN NDIS_STATUS Status,
                                             IN NDIS_HANDLE NdisAfHandle);
EXPORT VOID NdisCmRegisterSapComplete(IN NDIS_STATUS Status,
                                      IN NDIS_HANDLE NdisSapHandle,
                                      IN NDIS_HANDLE CallMgrSapContext);
EXPORT VOID NdisCmDeregisterSapComplete(IN NDIS_STATUS Status,
                                        IN NDIS_HANDLE NdisSapHandle);
EXPORT NDIS_STATUS NdisCmActivateVc(IN NDIS_HANDLE NdisVcHandle,
                                    IN OUT PCO_CALL_PARAMETERS CallParameters);
EXPORT NDIS_STATUS NdisCmDeactivateVc(IN NDIS_HANDLE NdisVcHandle);
EXPORT VOID NdisCmMakeCallComplete(IN NDIS_STATUS Status,
                                   IN NDIS_HANDLE NdisVcHandle,
                                   IN NDIS_HANDLE NdisPartyHandle OPTIONAL,
                                   IN NDIS_HANDLE CallMgrPartyContext OPTIONAL,
                                   IN PCO_CALL_PARAMETERS CallParameters);
EXPORT VOID NdisCmCloseCallComplete(IN NDIS_STATUS Status,
                                    IN NDIS_HANDLE NdisVcHandle,
                                    IN NDIS_HANDLE NdisPartyHandle OPTIONAL);
EXPORT VOID NdisCmAddPartyComplete(IN NDIS_STATUS Status,
                                   IN NDIS_HANDLE NdisPartyHandle,
                                   IN NDIS_HANDLE CallMgrPartyContext OPTIONAL,
                                   IN PCO_CALL_PARAMETERS CallParameters);
EXPORT VOID NdisCmDropPartyComplete(IN NDIS_STATUS Status,
                                    IN NDIS_HANDLE NdisPartyHandle);
EXPORT NDIS_STATUS NdisCmDispatchIncomingCall(
    IN NDIS_HANDLE NdisSapHandle, IN NDIS_HANDLE NdisVcHandle,
    IN PCO_CALL_PARAMETERS CallParameters);
EXPORT VOID NdisCmDispatchCallConnected(IN NDIS_HANDLE NdisVcHandle);
EXPORT VOID NdisCmModifyCallQoSComplete(IN NDIS_STATUS Status,
                                        IN NDIS_HANDLE NdisVcHandle,
                                        IN PCO_CALL_PARAMETERS CallParameters);
EXPORT VOID NdisCmDispatchIncomingCallQoSChange(
    IN NDIS_HANDLE NdisVcHandle, IN PCO_CALL_PARAMETERS CallParameters);
EXPORT VOID NdisCmDispatchIncomingCloseCall(IN NDIS_STATUS CloseStatus,
                                            IN NDIS_HANDLE NdisVcHandle,
                                            IN PVOID Buffer OPTIONAL,
                                            IN UINT Size OPTIONAL);
EXPORT VOID NdisCmDispatchIncomingDropParty(IN NDIS_STATUS DropStatus,
                                            IN NDIS_HANDLE NdisPartyHandle,
                                            IN PVOID Buffer OPTIONAL,
                                            IN UINT Size OPTIONAL);

#endif /* NDIS50 || NDIS50_MINIPORT || NDIS51_MINIPORT */

#ifdef __cplusplus
}
#endif

#endif /* _NDIS_ */
