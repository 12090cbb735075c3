/* test/Inputs/ndis.h - the tests use the samples' NDIS simulator
   (samples/include/ndis.h), which lives with the samples so that a copy of
   samples/ compiles on its own. */
#include "../../samples/include/ndis.h"
