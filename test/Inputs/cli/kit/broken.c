#include <ndis.h>
#include "broken.h"
int KitBroken(void) { return 0; }
