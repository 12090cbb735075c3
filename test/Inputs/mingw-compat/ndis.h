/*
 * mingw-compat/ndis.h - lets clang compile mingw-w64's DDK ndis.h
 * (/usr/share/mingw-w64/include/ddk/ndis.h, Debian mingw-w64-common), which
 * does not compile as shipped:
 *   - it redefines enum _NDIS_REQUEST_TYPE and its enumerators after
 *     including ntddndis.h, which already defines them: include ntddndis.h
 *     first with its copies renamed out of the way;
 *   - its NdisMWanIndicateReceiveComplete prototype lacks a comma between
 *     the parameters: rename the declaration into a harmless one.
 * Put this directory before the mingw-w64 ddk directory on the include path;
 * nothing else is changed, so the NdisMCm* macros stay absent, as in the
 * real header.
 */
#ifndef CONDIS_MINGW_COMPAT_NDIS_H
#define CONDIS_MINGW_COMPAT_NDIS_H
#pragma clang system_header

#include <ntddk.h>

#define _NDIS_REQUEST_TYPE condis_um_NDIS_REQUEST_TYPE_
#define NDIS_REQUEST_TYPE condis_um_NDIS_REQUEST_TYPE
#define PNDIS_REQUEST_TYPE condis_um_PNDIS_REQUEST_TYPE
#define NdisRequestQueryInformation condis_um_RequestQueryInformation
#define NdisRequestSetInformation condis_um_RequestSetInformation
#define NdisRequestQueryStatistics condis_um_RequestQueryStatistics
#define NdisRequestOpen condis_um_RequestOpen
#define NdisRequestClose condis_um_RequestClose
#define NdisRequestSend condis_um_RequestSend
#define NdisRequestTransferData condis_um_RequestTransferData
#define NdisRequestReset condis_um_RequestReset
#define NdisRequestGeneric1 condis_um_RequestGeneric1
#define NdisRequestGeneric2 condis_um_RequestGeneric2
#define NdisRequestGeneric3 condis_um_RequestGeneric3
#define NdisRequestGeneric4 condis_um_RequestGeneric4
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

#define NdisMWanIndicateReceiveComplete(...) \
  condis_mingw_NdisMWanIndicateReceiveComplete(void)
#include_next <ndis.h>
#undef NdisMWanIndicateReceiveComplete

#endif
