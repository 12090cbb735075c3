// condis.Role:DriverRole accepts auto, cm and mcm; anything else is an error
// that names the option and the accepted values.
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs %s \
// RUN:   -analyzer-config condis.Role:DriverRole=miniport 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD
// BAD: error: invalid value for analyzer option 'condis.Role:DriverRole': expected 'auto' (infer the role from the registration calls), 'cm' (stand-alone call manager) or 'mcm' (miniport call manager), got 'miniport'
//
// A client is not a call-manager role.
// RUN: not %clang_analyze_cc1 -load %condis_plugin \
// RUN:   -analyzer-checker=core,condis.Role -I %condis_inputs %s \
// RUN:   -analyzer-config condis.Role:DriverRole=client 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CLIENT
// CLIENT: error: invalid value for analyzer option 'condis.Role:DriverRole': {{.*}}got 'client'
//
// The option is listed with the checker's options.
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker-option-help \
// RUN:   | FileCheck %s --check-prefix=HELP
// HELP: condis.Role:DriverRole (string) The driver's call-manager role:
// HELP: (default: auto)

#include <ndis.h>

void noCallsHere(void) {}
