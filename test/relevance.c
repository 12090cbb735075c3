// The condis checkers skip a translation unit that declares nothing they
// model (checker/Relevance.h): plain C pays almost nothing for them. A unit
// counts as soon as it declares a routine or role type of the rule tables,
// carries a SAL IRQL annotation, or defines a handler named by
// condis:Handlers; the last two are shown here to still get findings
// without any NDIS header.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis,debug.CondisFacts -verify=plain %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis,debug.CondisFacts -verify=sal \
// RUN:   -DWITH_SAL %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis,debug.CondisFacts -verify=option \
// RUN:   -analyzer-config condis:Handlers=MyDropParty:PROTOCOL_CM_DROP_PARTY \
// RUN:   -DWITH_HANDLER %s
// RUN: %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis,debug.CondisFacts -verify=ndis \
// RUN:   -I %condis_inputs -DWITH_NDIS %s

// plain-warning@1 {{nothing here concerns the condis checkers (no routine or role type of the rule tables, no SAL annotation, no configured handler); they skip this translation unit}}
// ndis-no-diagnostics

#ifdef WITH_NDIS
#include <ndis.h>
#endif

int parityOfCount(unsigned Count) { return Count & 1; }

#ifdef WITH_SAL
// A driver's own SAL header, without the WDK.
#define _IRQL_requires_(Irql)
#define PASSIVE_LEVEL 0
#define DISPATCH_LEVEL 2

_IRQL_requires_(PASSIVE_LEVEL) void MyReadConfiguration(void);

_IRQL_requires_(DISPATCH_LEVEL) void MyDpcWork(void) {
  MyReadConfiguration(); // sal-warning {{'MyReadConfiguration' called at DISPATCH_LEVEL; it must be called at PASSIVE_LEVEL}}
}
#endif

#ifdef WITH_HANDLER
typedef int NDIS_STATUS;
#define NDIS_STATUS_PENDING ((NDIS_STATUS)0x00000103L)

NDIS_STATUS MyDropParty(void *CallMgrPartyContext, void *CloseData,
                        unsigned Size) {
  return NDIS_STATUS_PENDING; // option-warning {{Drop-party handler returns NDIS_STATUS_PENDING but on this path it neither completed the drop}}
}
// option-warning@1 {{handler 'MyDropParty' implements PROTOCOL_CM_DROP_PARTY}}
#endif
