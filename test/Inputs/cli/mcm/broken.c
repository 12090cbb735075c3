/* broken.c - does not compile: the analysis must say so and go on. */
#include "mcm.h"

ULONG BrokenCounter(PPARTY_CONTEXT Party) {
  return Party->NoSuchField;
}
