// Without the SAL recorder (-plugin-arg-condis-sal off, or a tool that does
// not install it) condis.Irql still works from role types and the rule
// table; annotations are simply absent. A wrong argument is an error that
// names the plugin and the accepted value.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -plugin-arg-condis-sal off \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -plugin-arg-condis-sal off \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions
// RUN: not %clang_analyze_cc1 -load %condis_plugin -plugin-arg-condis-sal of \
// RUN:   -analyzer-checker=core,condis.Irql -I %condis_inputs %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADARG
// BADARG: error: invalid argument 'of' for plugin 'condis-sal': the accepted value is 'off'

#include <ndis.h>

typedef struct _ADAPTER {
  NDIS_SPIN_LOCK Lock;
  NDIS_HANDLE AfHandle;
} ADAPTER, *PADAPTER;

MINIPORT_INTERRUPT_DPC RoleStillKnown01;
VOID RoleStillKnown01(NDIS_HANDLE Context, PVOID DpcContext, PVOID R1, PVOID R2) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
}

NDIS_IO_WORKITEM_FUNCTION TableStillKnown02;
VOID TableStillKnown02(PVOID Context, NDIS_HANDLE WorkItem) {
  PADAPTER Adapter = (PADAPTER)Context;
  NdisAcquireSpinLock(&Adapter->Lock);
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // expected-warning{{'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL}}
  NdisReleaseSpinLock(&Adapter->Lock);
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID AnnotationUnread03(PADAPTER Adapter) {
  NdisCmNotifyCloseAddressFamily(Adapter->AfHandle); // no-warning
}
