// condis.Irql reads SAL annotations on every route that loads the plugin:
// the plugin's AddBeforeMainAction installs the recorder by itself under
// -fplugin= and -cc1 -load. The annotation below exists only in the source
// (the macro expands to nothing), so the warning proves it was read.
//
// RUN: %clang --analyze -fplugin=%condis_plugin -Xanalyzer -analyzer-checker=condis.Irql \
// RUN:   -I %condis_inputs %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis.Irql \
// RUN:   -I %condis_inputs %s 2>&1 | FileCheck %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker-help \
// RUN:   | FileCheck %s --check-prefix=HELP
//
// CHECK: warning: 'NdisCmNotifyCloseAddressFamily' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL
// HELP: condis.Irql

#include <ndis.h>

_IRQL_requires_(DISPATCH_LEVEL)
VOID AnnotatedOnlyInSource(NDIS_HANDLE AfHandle) {
  NdisCmNotifyCloseAddressFamily(AfHandle);
}
