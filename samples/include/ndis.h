/* samples/include/ndis.h - the samples build against the test header simulator. */
#include "../../test/Inputs/ndis.h"
