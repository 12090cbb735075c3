/*
 * ntstatus.h - condis-check's WDK-shaped simulator (test/Inputs/wdk): the
 * NTSTATUS values the NDIS status codes are built from.
 */
#ifndef CONDIS_WDK_NTSTATUS_H
#define CONDIS_WDK_NTSTATUS_H
#pragma clang system_header

#define STATUS_SUCCESS ((NTSTATUS)0x00000000L)
#define STATUS_PENDING ((NTSTATUS)0x00000103L)
#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001L)
#define STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BBL)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009AL)
#define STATUS_INVALID_DEVICE_STATE ((NTSTATUS)0xC0000184L)

#endif /* CONDIS_WDK_NTSTATUS_H */
