/*
 * cm-driver.c - a stand-alone call manager of a few hundred lines, used by
 * bench/clangd-latency.py to time condis-clangd from opening the file to the
 * condis findings. It has two condis.DropParty bugs: CmDropParty pends the
 * drop and forgets the party when the work item cannot be allocated, and
 * CmDropPartyWorker frees the party before completing the drop.
 */
#include <ndis.h>

#define CM_TAG 'mCmC'
#define CM_MAX_PARTIES 64

typedef struct _CM_ADAPTER CM_ADAPTER, *PCM_ADAPTER;

typedef struct _CM_AF {
    PCM_ADAPTER Adapter;
    NDIS_HANDLE NdisAfHandle;
    LIST_ENTRY Saps;
    ULONG RefCount;
    BOOLEAN Closing;
} CM_AF, *PCM_AF;

typedef struct _CM_SAP {
    LIST_ENTRY Link;
    PCM_AF Af;
    NDIS_HANDLE NdisSapHandle;
    ULONG SapType;
} CM_SAP, *PCM_SAP;

typedef struct _CM_VC {
    PCM_AF Af;
    NDIS_HANDLE NdisVcHandle;
    PCO_CALL_PARAMETERS CallParameters;
    LIST_ENTRY Parties;
    ULONG PartyCount;
    BOOLEAN Active;
} CM_VC, *PCM_VC;

typedef struct _CM_PARTY {
    LIST_ENTRY Link;
    PCM_VC Vc;
    NDIS_HANDLE NdisPartyHandle;
    NDIS_HANDLE WorkItem;
    ULONG Flags;
} CM_PARTY, *PCM_PARTY;

struct _CM_ADAPTER {
    NDIS_HANDLE MiniportHandle;
    NDIS_HANDLE BindingHandle;
    NDIS_SPIN_LOCK Lock;
    LIST_ENTRY Afs;
    ULONG OpenAfs;
    ULONG Statistics[8];
};

PROTOCOL_CM_OPEN_AF CmOpenAf;
PROTOCOL_CM_CLOSE_AF CmCloseAf;
PROTOCOL_CM_REG_SAP CmRegisterSap;
PROTOCOL_CM_DEREGISTER_SAP CmDeregisterSap;
PROTOCOL_CM_MAKE_CALL CmMakeCall;
PROTOCOL_CM_CLOSE_CALL CmCloseCall;
PROTOCOL_CM_ADD_PARTY CmAddParty;
PROTOCOL_CM_DROP_PARTY CmDropParty;
PROTOCOL_CM_MODIFY_QOS_CALL CmModifyQoS;
NDIS_IO_WORKITEM_FUNCTION CmDropPartyWorker;

static PCM_PARTY
CmAllocateParty(
    _In_ PCM_VC Vc,
    _In_ NDIS_HANDLE NdisPartyHandle
    )
{
    PCM_PARTY Party;

    if (Vc->PartyCount >= CM_MAX_PARTIES) {
        return NULL;
    }
    Party = NdisAllocateMemoryWithTagPriority(Vc->Af->Adapter->MiniportHandle,
                                              sizeof(CM_PARTY), CM_TAG,
                                              NormalPoolPriority);
    if (Party == NULL) {
        return NULL;
    }
    NdisZeroMemory(Party, sizeof(CM_PARTY));
    Party->Vc = Vc;
    Party->NdisPartyHandle = NdisPartyHandle;
    InsertTailList(&Vc->Parties, &Party->Link);
    Vc->PartyCount++;
    return Party;
}

static VOID
CmFreeParty(
    _In_ PCM_PARTY Party
    )
{
    RemoveEntryList(&Party->Link);
    Party->Vc->PartyCount--;
    NdisFreeMemory(Party, sizeof(CM_PARTY), 0);
}

static BOOLEAN
CmValidateCallParameters(
    _In_ PCO_CALL_PARAMETERS CallParameters
    )
{
    if (CallParameters == NULL) {
        return FALSE;
    }
    return TRUE;
}

_Use_decl_annotations_
NDIS_STATUS
CmOpenAf(
    NDIS_HANDLE CallMgrBindingContext,
    PCO_ADDRESS_FAMILY AddressFamily,
    NDIS_HANDLE NdisAfHandle,
    PNDIS_HANDLE CallMgrAfContext
    )
{
    PCM_ADAPTER Adapter = (PCM_ADAPTER)CallMgrBindingContext;
    PCM_AF Af;

    UNREFERENCED_PARAMETER(AddressFamily);
    Af = NdisAllocateMemoryWithTagPriority(Adapter->MiniportHandle, sizeof(CM_AF),
                                           CM_TAG, NormalPoolPriority);
    if (Af == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Af, sizeof(CM_AF));
    Af->Adapter = Adapter;
    Af->NdisAfHandle = NdisAfHandle;
    Af->RefCount = 1;
    InitializeListHead(&Af->Saps);

    NdisAcquireSpinLock(&Adapter->Lock);
    Adapter->OpenAfs++;
    NdisReleaseSpinLock(&Adapter->Lock);

    *CallMgrAfContext = Af;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmCloseAf(
    NDIS_HANDLE CallMgrAfContext
    )
{
    PCM_AF Af = (PCM_AF)CallMgrAfContext;
    PCM_ADAPTER Adapter = Af->Adapter;

    if (!IsListEmpty(&Af->Saps)) {
        return NDIS_STATUS_FAILURE;
    }
    NdisAcquireSpinLock(&Adapter->Lock);
    Af->Closing = TRUE;
    Adapter->OpenAfs--;
    NdisReleaseSpinLock(&Adapter->Lock);
    NdisFreeMemory(Af, sizeof(CM_AF), 0);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmRegisterSap(
    NDIS_HANDLE CallMgrAfContext,
    PCO_SAP Sap,
    NDIS_HANDLE NdisSapHandle,
    PNDIS_HANDLE CallMgrSapContext
    )
{
    PCM_AF Af = (PCM_AF)CallMgrAfContext;
    PCM_SAP CmSap;

    UNREFERENCED_PARAMETER(Sap);
    if (Af->Closing) {
        return NDIS_STATUS_FAILURE;
    }
    CmSap = NdisAllocateMemoryWithTagPriority(Af->Adapter->MiniportHandle,
                                              sizeof(CM_SAP), CM_TAG,
                                              NormalPoolPriority);
    if (CmSap == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(CmSap, sizeof(CM_SAP));
    CmSap->Af = Af;
    CmSap->NdisSapHandle = NdisSapHandle;
    InsertTailList(&Af->Saps, &CmSap->Link);
    *CallMgrSapContext = CmSap;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmDeregisterSap(
    NDIS_HANDLE CallMgrSapContext
    )
{
    PCM_SAP CmSap = (PCM_SAP)CallMgrSapContext;

    RemoveEntryList(&CmSap->Link);
    NdisFreeMemory(CmSap, sizeof(CM_SAP), 0);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmMakeCall(
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters,
    NDIS_HANDLE NdisPartyHandle,
    PNDIS_HANDLE CallMgrPartyContext
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    PCM_PARTY Party = NULL;

    if (!CmValidateCallParameters(CallParameters)) {
        return NDIS_STATUS_FAILURE;
    }
    Vc->CallParameters = CallParameters;
    if (NdisPartyHandle != NULL) {
        Party = CmAllocateParty(Vc, NdisPartyHandle);
        if (Party == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
    }
    if (CallMgrPartyContext != NULL) {
        *CallMgrPartyContext = Party;
    }
    Vc->Active = TRUE;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmCloseCall(
    NDIS_HANDLE CallMgrVcContext,
    NDIS_HANDLE CallMgrPartyContext,
    PVOID CloseData,
    UINT Size
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;

    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);
    if (Party != NULL) {
        CmFreeParty(Party);
    }
    Vc->Active = FALSE;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmAddParty(
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters,
    NDIS_HANDLE NdisPartyHandle,
    PNDIS_HANDLE CallMgrPartyContext
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    PCM_PARTY Party;

    if (!Vc->Active || !CmValidateCallParameters(CallParameters)) {
        return NDIS_STATUS_FAILURE;
    }
    Party = CmAllocateParty(Vc, NdisPartyHandle);
    if (Party == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    *CallMgrPartyContext = Party;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
CmDropParty(
    NDIS_HANDLE CallMgrPartyContext,
    PVOID CloseData,
    UINT Size
    )
{
    PCM_PARTY Party = (PCM_PARTY)CallMgrPartyContext;

    UNREFERENCED_PARAMETER(CloseData);
    UNREFERENCED_PARAMETER(Size);

    Party->WorkItem = NdisAllocateIoWorkItem(Party->Vc->Af->Adapter->MiniportHandle);
    if (Party->WorkItem == NULL) {
        return NDIS_STATUS_PENDING; /* the bug: nobody will complete this drop */
    }
    NdisQueueIoWorkItem(Party->WorkItem, CmDropPartyWorker, Party);
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID
CmDropPartyWorker(
    PVOID Context,
    NDIS_HANDLE WorkItem
    )
{
    PCM_PARTY Party = (PCM_PARTY)Context;
    NDIS_HANDLE NdisPartyHandle = Party->NdisPartyHandle;

    NdisFreeIoWorkItem(WorkItem);
    CmFreeParty(Party);
    NdisCmDropPartyComplete(NDIS_STATUS_SUCCESS, NdisPartyHandle);
}

_Use_decl_annotations_
NDIS_STATUS
CmModifyQoS(
    NDIS_HANDLE CallMgrVcContext,
    PCO_CALL_PARAMETERS CallParameters
    )
{
    PCM_VC Vc = (PCM_VC)CallMgrVcContext;
    ULONG Index;

    if (!Vc->Active || !CmValidateCallParameters(CallParameters)) {
        return NDIS_STATUS_FAILURE;
    }
    NdisAcquireSpinLock(&Vc->Af->Adapter->Lock);
    for (Index = 0; Index < 8; Index++) {
        Vc->Af->Adapter->Statistics[Index] = 0;
    }
    NdisReleaseSpinLock(&Vc->Af->Adapter->Lock);
    Vc->CallParameters = CallParameters;
    return NDIS_STATUS_SUCCESS;
}
