/* crash.c - makes clang crash (a debugging pragma clang provides for testing
   crash recovery): the run must report the file and go on. */
#include "mcm.h"
#pragma clang __debug crash
