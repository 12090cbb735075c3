/*
 * irql-helpers.h - a driver header whose SAL annotation clangd compiles into
 * its preamble (irql-sal-header.c includes it).
 */
#ifndef CONDIS_TEST_IRQL_HELPERS_H
#define CONDIS_TEST_IRQL_HELPERS_H
#include "cm-party.h"

_IRQL_requires_(PASSIVE_LEVEL)
VOID CmpReadRegistry(PCM_ADAPTER Adapter);
#endif
