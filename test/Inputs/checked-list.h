/*
 * checked-list.h - the doubly linked list routines in the "checked" shape
 * the WDK gives them: before relinking, each routine verifies that the
 * neighbours point back at the entry and fails fast (a routine that never
 * returns) when they do not. Written for the condis.DropParty tests about
 * unlinking a party; include it after ndis.h. The call sites keep the usual
 * names: InsertTailList and friends are redirected to the checked forms.
 *
 * -DCHECKED_LIST_FAIL_INLINE makes the fail-fast routine an inline function
 * with a body (as in the WDK) instead of a declaration without one.
 */
#ifndef CONDIS_TEST_CHECKED_LIST_H
#define CONDIS_TEST_CHECKED_LIST_H
#pragma clang system_header
#include <ndis.h>

#ifdef CHECKED_LIST_FAIL_INLINE
__attribute__((noreturn)) FORCEINLINE VOID
ListEntryCorrupted(PLIST_ENTRY Entry) {
  (void)Entry;
  __builtin_trap();
}
#else
__attribute__((noreturn)) VOID ListEntryCorrupted(PLIST_ENTRY Entry);
#endif

FORCEINLINE VOID CheckedInsertTailList(PLIST_ENTRY ListHead,
                                       PLIST_ENTRY Entry) {
  PLIST_ENTRY Last = ListHead->Blink;
  if (Last->Flink != ListHead)
    ListEntryCorrupted(ListHead);
  Entry->Flink = ListHead;
  Entry->Blink = Last;
  Last->Flink = Entry;
  ListHead->Blink = Entry;
}

FORCEINLINE VOID CheckedInsertHeadList(PLIST_ENTRY ListHead,
                                       PLIST_ENTRY Entry) {
  PLIST_ENTRY First = ListHead->Flink;
  if (First->Blink != ListHead)
    ListEntryCorrupted(ListHead);
  Entry->Flink = First;
  Entry->Blink = ListHead;
  First->Blink = Entry;
  ListHead->Flink = Entry;
}

FORCEINLINE BOOLEAN CheckedRemoveEntryList(PLIST_ENTRY Entry) {
  PLIST_ENTRY Next = Entry->Flink;
  PLIST_ENTRY Prev = Entry->Blink;
  if (Next->Blink != Entry || Prev->Flink != Entry)
    ListEntryCorrupted(Entry);
  Prev->Flink = Next;
  Next->Blink = Prev;
  return (BOOLEAN)(Next == Prev);
}

#define InsertTailList CheckedInsertTailList
#define InsertHeadList CheckedInsertHeadList
#define RemoveEntryList CheckedRemoveEntryList
#endif
