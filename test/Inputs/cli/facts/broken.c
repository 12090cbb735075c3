/* broken.c - does not compile: never cached, reported by the run that analyses it. */
#include <ndis.h>

ULONG Broken(void) { return NoSuchVariable; }
