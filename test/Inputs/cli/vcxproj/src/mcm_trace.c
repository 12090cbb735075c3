/*
 * mcm_trace.c - built in the Debug configurations only (ExcludedFromBuild
 * in Release); its bug is reported only there.
 */
#include "comcm.h"

#if !DBG
#error "mcm_trace.c is built with DBG=1 only"
#endif

ULONG CoMcmDropsPerParty(ULONG Drops, ULONG Parties) {
  if (Parties == 0)
    DbgPrint("CoMcm: no parties\n");
  return Drops / Parties;
}
