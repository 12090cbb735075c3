/*
 * cm-driver.h - a driver's private header holding the role-type
 * declarations of its handlers (handler-in-header.c includes it).
 */
#ifndef CONDIS_TEST_CM_DRIVER_H
#define CONDIS_TEST_CM_DRIVER_H
#include "cm-party.h"

PROTOCOL_CM_DROP_PARTY CmDropParty;
NDIS_IO_WORKITEM_FUNCTION CmDropPartyWorker;
#endif
