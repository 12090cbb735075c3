/*
 * ddk5/ntcommon.h - kernel routines the Server 2003 DDK declares both in
 * ntddk.h and in the self-contained part of ndis.h an x86 miniport uses:
 * interlocked operations, list inlines, memory copies, stalls, debug output.
 */
#ifndef CONDIS_DDK5_NTCOMMON_H
#define CONDIS_DDK5_NTCOMMON_H
#pragma clang system_header

#include "ntdef.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Interlocked operations */
LONG FASTCALL InterlockedIncrement(IN LONG volatile *Addend);
LONG FASTCALL InterlockedDecrement(IN LONG volatile *Addend);

/* Lists: inline functions in this DDK, without the checked forms of later
   kits. */
static __inline VOID InitializeListHead(IN PLIST_ENTRY ListHead) {
  ListHead->Flink = ListHead->Blink = ListHead;
}
static __inline BOOLEAN IsListEmpty(IN const LIST_ENTRY *ListHead) {
  return (BOOLEAN)(ListHead->Flink == ListHead);
}
static __inline BOOLEAN RemoveEntryList(IN PLIST_ENTRY Entry) {
  PLIST_ENTRY Blink = Entry->Blink;
  PLIST_ENTRY Flink = Entry->Flink;
  Blink->Flink = Flink;
  Flink->Blink = Blink;
  return (BOOLEAN)(Flink == Blink);
}
static __inline VOID InsertTailList(IN PLIST_ENTRY ListHead,
                                    IN PLIST_ENTRY Entry) {
  PLIST_ENTRY Blink = ListHead->Blink;
  Entry->Flink = ListHead;
  Entry->Blink = Blink;
  Blink->Flink = Entry;
  ListHead->Blink = Entry;
}

/* Memory */
void *__cdecl memcpy(void *, const void *, SIZE_T);
void *__cdecl memset(void *, int, SIZE_T);
#define RtlCopyMemory(Destination, Source, Length)                             \
  memcpy((Destination), (Source), (Length))
#define RtlZeroMemory(Destination, Length) memset((Destination), 0, (Length))

/* Timing and debug output */
NTKERNELAPI VOID NTAPI KeStallExecutionProcessor(IN ULONG MicroSeconds);
ULONG __cdecl DbgPrint(IN PCHAR Format, ...);

#ifdef __cplusplus
}
#endif

#endif
