/*
 * cm.h - Contoso point-to-multipoint signalling call manager (CSCM).
 *
 * A stand-alone CoNDIS call manager: a protocol driver that binds to a
 * CoNDIS miniport, registers the CONTOSO_AF address family and turns client
 * requests into signalling messages on the miniport's signalling VC.
 * Shared by cm_init.c (driver, binding and AF handlers) and cm_party.c
 * (calls, parties and the signalling receive path).
 */
#ifndef CSCM_CM_H
#define CSCM_CM_H

#include <ndis.h>

#define CM_TAG 'mCsC'
#define CONTOSO_AF 0x8001
#define CM_MAX_CAUSE_LENGTH 32
#define CM_MAX_PARTIES 256

/* Signalling message types carried on the signalling VC. */
#define CM_MSG_ADD_PARTY 0x10
#define CM_MSG_ADD_PARTY_ACK 0x11
#define CM_MSG_DROP_PARTY 0x12
#define CM_MSG_DROP_PARTY_ACK 0x13
#define CM_MSG_MODIFY 0x14
#define CM_MSG_MODIFY_ACK 0x15

typedef enum _CM_PARTY_STATE {
  CmPartyAdding,
  CmPartyConnected,
  CmPartyDropping,  /* ProtocolCmDropParty pended, work item queued */
  CmPartyDropSent,  /* DROP PARTY sent, waiting for the switch's ack */
  CmPartyRemoteGone /* the switch released the leaf on its own */
} CM_PARTY_STATE;

typedef struct _CM_ADAPTER CM_ADAPTER, *PCM_ADAPTER;
typedef struct _CM_VC CM_VC, *PCM_VC;
typedef struct _CM_PARTY CM_PARTY, *PCM_PARTY;

struct _CM_PARTY {
  LIST_ENTRY Link; /* on CM_VC.PartyList, under CM_VC.Lock */
  PCM_VC Vc;
  NDIS_HANDLE NdisPartyHandle; /* NDIS's handle for this leaf */
  CM_PARTY_STATE State;
  ULONG EndpointRef; /* the switch's reference for the leaf, the
                        party's index in CM_ADAPTER.PartyTable */
  NDIS_HANDLE DropWorkItem;
};

struct _CM_VC {
  PCM_ADAPTER Adapter;
  NDIS_HANDLE NdisVcHandle;
  NDIS_SPIN_LOCK Lock;
  LIST_ENTRY PartyList;
  LONG PartyCount;
  ULONG CallRef;
  PCM_PARTY InitialParty; /* while a make-call is pending */
  PCM_PARTY ClosingParty; /* last party, while a close call is pending */
};

typedef struct _CM_AF {
  PCM_ADAPTER Adapter;
  NDIS_HANDLE NdisAfHandle;
} CM_AF, *PCM_AF;

struct _CM_ADAPTER {
  NDIS_HANDLE NdisBindingHandle;
  NDIS_HANDLE SignallingVcHandle;
  PCM_AF Af;
  NDIS_SPIN_LOCK Lock;
  PCM_PARTY PartyTable[CM_MAX_PARTIES]; /* by endpoint reference */
  BOOLEAN AckedRelease; /* switch acknowledges DROP PARTY (UNI 4.0) */
  PCM_VC ModifyingVc;   /* while a QoS change waits for MODIFY ACK */
  PCO_CALL_PARAMETERS ModifyParameters;
};

/* Signalling message as it arrives in a NET_BUFFER_LIST (already mapped). */
typedef struct _CM_SIGNAL_MESSAGE {
  UCHAR Type;
  UCHAR CauseLength;
  USHORT Reserved;
  ULONG CallRef;
  ULONG EndpointRef;
  UCHAR Cause[CM_MAX_CAUSE_LENGTH];
} CM_SIGNAL_MESSAGE, *PCM_SIGNAL_MESSAGE;

/* A signalling message travels in one allocation with its NET_BUFFER_LIST. */
typedef struct _CM_SIGNAL_PACKET {
  NET_BUFFER_LIST Nbl;
  CM_SIGNAL_MESSAGE Msg;
} CM_SIGNAL_PACKET, *PCM_SIGNAL_PACKET;

extern NDIS_HANDLE CmProtocolHandle;
extern NPAGED_LOOKASIDE_LIST CmPartyLookaside;

/* cm_init.c */
DRIVER_INITIALIZE DriverEntry;
PROTOCOL_SET_OPTIONS CmSetOptions;
PROTOCOL_BIND_ADAPTER_EX CmBindAdapter;
PROTOCOL_UNBIND_ADAPTER_EX CmUnbindAdapter;
PROTOCOL_CO_AF_REGISTER_NOTIFY CmAfRegisterNotify;
PROTOCOL_CO_STATUS_EX CmCoStatus;
PROTOCOL_CM_OPEN_AF CmOpenAf;
PROTOCOL_CM_CLOSE_AF CmCloseAf;
PROTOCOL_CM_REG_SAP CmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP CmDeregisterSap;
PROTOCOL_CO_CREATE_VC CmCreateVc;
PROTOCOL_CO_DELETE_VC CmDeleteVc;
PROTOCOL_CO_OID_REQUEST CmOidRequest;
PROTOCOL_CO_OID_REQUEST_COMPLETE CmOidRequestComplete;
PROTOCOL_CM_ACTIVATE_VC_COMPLETE CmActivateVcComplete;
PROTOCOL_CM_DEACTIVATE_VC_COMPLETE CmDeactivateVcComplete;
PROTOCOL_CM_MODIFY_QOS_CALL CmModifyCallQoS;
PROTOCOL_CM_INCOMING_CALL_COMPLETE CmIncomingCallComplete;
PROTOCOL_CM_NOTIFY_CLOSE_AF_COMPLETE CmNotifyCloseAfComplete;

/* cm_party.c */
PROTOCOL_CM_MAKE_CALL CmMakeCall;
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
PROTOCOL_CM_ADD_PARTY CmAddParty;
PROTOCOL_CM_DROP_PARTY CmDropParty;
PROTOCOL_CO_RECEIVE_NET_BUFFER_LISTS CmReceiveNetBufferLists;
PROTOCOL_CO_SEND_NET_BUFFER_LISTS_COMPLETE CmSendNetBufferListsComplete;
NDIS_IO_WORKITEM_FUNCTION CmDropPartyWorker;

/* Sends one signalling message on the adapter's signalling VC. */
NDIS_STATUS CmSendSignal(PCM_ADAPTER Adapter, UCHAR Type, ULONG CallRef,
                         ULONG EndpointRef, const UCHAR *Cause,
                         UINT CauseLength);

#endif /* CSCM_CM_H */
