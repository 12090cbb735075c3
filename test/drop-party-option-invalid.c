// A malformed condis:Handlers value is an error naming the option and what
// it accepts.
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis.DropParty \
// RUN:   -analyzer-config 'condis:Handlers=MyDrop' -I %condis_inputs %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOROLE
// NOROLE: error: invalid value for analyzer option 'condis:Handlers': expected a ';'-separated list of FUNCTION:ROLE_TYPE pairs {{.*}}got 'MyDrop'
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis.DropParty \
// RUN:   -analyzer-config 'condis:Handlers=:PROTOCOL_CM_DROP_PARTY' -I %condis_inputs %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOFN
// NOFN: error: invalid value for analyzer option 'condis:Handlers'{{.*}}got ':PROTOCOL_CM_DROP_PARTY'
//
// A misspelt option name is reported by -cc1 too.
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis.DropParty \
// RUN:   -analyzer-config 'condis:Handler=x:PROTOCOL_CM_DROP_PARTY' -I %condis_inputs %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=TYPO
// TYPO: error: checker 'condis' has no option called 'Handler'

void nothingToAnalyse(void) {}
