/*
 * stats.c - plain C bugs the core checkers find; they exercise the same
 * output path (text, notes, SARIF code flows) as the condis findings.
 */
#include "mcm.h"

ULONG AverageDropsPerParty(ULONG Drops, ULONG Parties) {
  if (Parties == 0)
    return Drops / Parties; // core.DivideZero
  return Drops / Parties;
}

ULONG PendingDrops(PPARTY_CONTEXT Party) {
  if (Party == NULL)
    return Party->DropsPending; // core.NullDereference
  return Party->DropsPending;
}
