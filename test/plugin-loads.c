// The plugin loads through -cc1 -load and -fplugin=, registers the condis
// package and validates its options.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker-help-developer \
// RUN:   | FileCheck %s --check-prefix=HELP
// HELP: condis.core.Modeling
//
// RUN: %clang --analyze -fplugin=%condis_plugin -Xanalyzer -analyzer-checker=condis \
// RUN:   -I %condis_inputs %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --allow-empty --check-prefix=QUIET
// QUIET-NOT: {{error|warning}}
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config condis:Handlers=MyDrop:NOT_A_ROLE_TYPE \
// RUN:   -I %condis_inputs %s 2>&1 | FileCheck %s --check-prefix=BADOPT
// BADOPT: error: invalid value for analyzer option 'condis:Handlers': expected {{.*}}FUNCTION:ROLE_TYPE{{.*}}got 'MyDrop:NOT_A_ROLE_TYPE'

#include <ndis.h>

void noCondisCodeHere(void) {}
