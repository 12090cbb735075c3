/* test/Inputs/ntddk.h - the tests use the samples' kernel simulator
   (samples/include/ntddk.h), which lives with the samples so that a copy of
   samples/ compiles on its own. */
#include "../../samples/include/ntddk.h"
