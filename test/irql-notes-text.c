// condis.Irql's entry note in clang's text output: it points at the
// function's name, underlining the name only, not the function's body.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Irql -analyzer-output=text \
// RUN:   -I %condis_inputs %s 2>&1 | FileCheck %s --strict-whitespace

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_HANDLE VcHandle;
  LONG Count;
} ADAPTER, *PADAPTER;

MINIPORT_ISR EntryNoteUnderlinesName01;
BOOLEAN EntryNoteUnderlinesName01(NDIS_HANDLE Context, PBOOLEAN QueueDpc,
                                  PULONG Target) {
  PADAPTER Adapter = (PADAPTER)Context;
  Adapter->Count++;
  NdisMCmDeactivateVc(Adapter->VcHandle);
  return TRUE;
}

// CHECK:      irql-notes-text.c:20:3: warning: 'NdisMCmDeactivateVc' called at device IRQL
// CHECK:      irql-notes-text.c:16:9: note: 'EntryNoteUnderlinesName01' is declared MINIPORT_ISR: an ISR runs at device IRQL
// CHECK-NEXT:    16 | BOOLEAN EntryNoteUnderlinesName01(NDIS_HANDLE Context, PBOOLEAN QueueDpc,
// CHECK-NEXT:       |         ^~~~~~~~~~~~~~~~~~~~~~~~~{{$}}
// CHECK-NEXT: irql-notes-text.c:20:3: note: 'NdisMCmDeactivateVc' called at device IRQL
