/* marks.h - the contexts of a call manager split over two files: af.c pends
   the close of an address family by marking it, vc.c completes the close
   when the last VC goes. */
#ifndef CONDIS_TEST_MARKS_H
#define CONDIS_TEST_MARKS_H
#include <ndis.h>

#define MARKS_AF_CLOSING 0x1
#define MARKS_AF_TRACED 0x2

typedef struct _MARKS_AF {
  NDIS_HANDLE NdisAfHandle;
  ULONG Flags;
  ULONG VcCount;
} MARKS_AF, *PMARKS_AF;

typedef struct _MARKS_VC {
  PMARKS_AF Af;
} MARKS_VC, *PMARKS_VC;
#endif
