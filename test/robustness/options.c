// Every condis analyzer option with a wrong value is an error that names the
// option and says what it accepts; the analysis does not run on a
// configuration it cannot honour. (condis:Handlers is the one option so far;
// test/drop-party-option-invalid.c covers the missing role and function.)
//
// An unknown role type, a CoNDIS function where a role type belongs, a
// lower-case role type, a stray second colon:
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:Handlers=MyDrop:PROTOCOL_CM_DROP' %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: invalid value for analyzer option 'condis:Handlers': expected a ';'-separated list of FUNCTION:ROLE_TYPE pairs whose ROLE_TYPE is a role type of rules/condis.def (e.g. 'MyCmDropParty:PROTOCOL_CM_DROP_PARTY'), got 'MyDrop:PROTOCOL_CM_DROP'
// UNKNOWN-NOT: warning:
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:Handlers=MyDrop:NdisCmDropPartyComplete' %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=APINAME
// APINAME: error: invalid value for analyzer option 'condis:Handlers'{{.*}}got 'MyDrop:NdisCmDropPartyComplete'
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:Handlers=MyDrop:protocol_cm_drop_party' %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOWERCASE
// LOWERCASE: error: invalid value for analyzer option 'condis:Handlers'{{.*}}got 'MyDrop:protocol_cm_drop_party'
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:Handlers=MyDrop:PROTOCOL_CM_DROP_PARTY:extra' %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=TWOCOLONS
// TWOCOLONS: error: invalid value for analyzer option 'condis:Handlers'{{.*}}got 'MyDrop:PROTOCOL_CM_DROP_PARTY:extra'
//
// The first bad entry of a list is named, whatever surrounds it:
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:Handlers=Good:PROTOCOL_CM_DROP_PARTY; Bad ;Other:X' %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADENTRY
// BADENTRY: error: invalid value for analyzer option 'condis:Handlers'{{.*}}got 'Bad'
//
// Through the driver (-fplugin=, as users run it) the same error:
// RUN: not %clang --analyze -fplugin=%condis_plugin -Xanalyzer -analyzer-checker=condis \
// RUN:   -Xanalyzer -analyzer-config -Xanalyzer 'condis:Handlers=MyDrop:NOPE' \
// RUN:   %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=VIADRIVER
// VIADRIVER: error: invalid value for analyzer option 'condis:Handlers'{{.*}}got 'MyDrop:NOPE'
//
// Option names: the package's option given to a checker, and a misspelt
// name, are errors for -cc1. The driver runs the analyzer in compatibility
// mode, where clang ignores unknown option names without a word.
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis.DropParty:Handlers=MyDrop:PROTOCOL_CM_DROP_PARTY' %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ONCHECKER
// ONCHECKER: error: checker 'condis.DropParty' has no option called 'Handlers'
//
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:handlers=MyDrop:PROTOCOL_CM_DROP_PARTY' %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSPELT
// MISSPELT: error: checker 'condis' has no option called 'handlers'
//
// RUN: %clang --analyze -fplugin=%condis_plugin -Xanalyzer -analyzer-checker=condis \
// RUN:   -Xanalyzer -analyzer-config -Xanalyzer 'condis:handlers=x' %s -o /dev/null 2>&1 \
// RUN:   | FileCheck %s --allow-empty --check-prefix=COMPAT
// COMPAT-NOT: error
//
// Values that are odd but valid: empty entries and spaces are ignored.
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:Handlers=;; MyDrop : PROTOCOL_CM_DROP_PARTY ;' -verify %s
//
// An empty value is clang's own error.
// RUN: not %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=condis \
// RUN:   -analyzer-config 'condis:Handlers=' %s 2>&1 | FileCheck %s --check-prefix=NOVALUE
// NOVALUE: error: analyzer-config option 'condis:Handlers=' has a key but no value

int MyDrop(void *Party, void *CloseData, unsigned Size) {
  (void)Party;
  (void)CloseData;
  (void)Size;
  return 0x103; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}
