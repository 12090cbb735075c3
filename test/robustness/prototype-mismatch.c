// A C compiler accepts calls to the CoNDIS APIs that do not match their
// prototypes: K&R declarations called with too few arguments, and handlers
// named by condis:Handlers whose signature is not the role type's. The
// checker must neither crash nor report on them. Found by the crash hunt
// (tools/crash-hunt): a too-short argument list was read past its end, and
// a pointer returned by a drop-party handler was compared as an integer.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -analyzer-config 'condis:Handlers=returnsPointer01:PROTOCOL_CM_DROP_PARTY;returnsStruct02:PROTOCOL_CM_DROP_PARTY;noParameters03:PROTOCOL_CM_DROP_PARTY;floatStatus04:PROTOCOL_CL_DROP_PARTY_COMPLETE' \
// RUN:   -std=c17 -Wno-deprecated-non-prototype -verify %s
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=core,condis \
// RUN:   -analyzer-config 'condis:Handlers=returnsPointer01:PROTOCOL_CM_DROP_PARTY;returnsStruct02:PROTOCOL_CM_DROP_PARTY;noParameters03:PROTOCOL_CM_DROP_PARTY;floatStatus04:PROTOCOL_CL_DROP_PARTY_COMPLETE' \
// RUN:   -std=c17 -Wno-deprecated-non-prototype -verify %s \
// RUN:   -triple x86_64-pc-windows-msvc -fms-extensions

// No prototypes: any argument count compiles.
void NdisCmDropPartyComplete();
void NdisMCmDispatchIncomingDropParty();
void NdisCmDispatchIncomingDropParty();
int NdisClDropParty();
void NdisFreeMemory();

void tooFewArguments01(void *Handle) {
  NdisCmDropPartyComplete(0);              // no-warning
  NdisCmDropPartyComplete();               // no-warning
  NdisCmDispatchIncomingDropParty(0, Handle); // no-warning
  NdisClDropParty();                       // no-warning
  NdisFreeMemory();                        // no-warning
}

void tooManyArguments02(void *Handle) {
  NdisCmDropPartyComplete(0, Handle, 1, 2, 3);
  NdisCmDropPartyComplete(0, Handle, 1, 2, 3); // expected-warning{{completed a second time}}
}

// Handlers whose signature is not PROTOCOL_CM_DROP_PARTY's.
void *returnsPointer01(void *Party, int Flags) {
  if (Flags)
    return (void *)0x103; // no-warning
  return (void *)0;       // no-warning
}

struct DROP_RESULT {
  int Status;
  long Detail;
};

struct DROP_RESULT returnsStruct02(struct DROP_RESULT In) {
  return In; // no-warning
}

int noParameters03(void) {
  return 0x103; // expected-warning{{Drop-party handler returns NDIS_STATUS_PENDING}}
}

void floatStatus04(float Status, void *Party) {
  NdisClDropParty(Party, 0, 0); // no-warning
}

void pointerStatus05(void *Handle) {
  NdisCmDropPartyComplete((void *)0x103, Handle); // no-warning
  NdisCmDropPartyComplete(Handle, Handle);        // expected-warning{{completed a second time}}
}
