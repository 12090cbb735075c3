// debug.CondisFacts reports what condis.core.Modeling knows about the
// translation unit: handlers from role-type declarations, assignments and
// designated initialisers, and role evidence from registration calls.
//
// RUN: %clang_analyze_cc1 -load %condis_plugin -analyzer-checker=debug.CondisFacts \
// RUN:   -I %condis_inputs -verify %s

#include <ndis.h>

// expected-warning@1 {{handler 'MyAssignedDrop' implements PROTOCOL_CM_DROP_PARTY}}
// expected-warning@1 {{handler 'MyDeclaredDrop' implements PROTOCOL_CM_DROP_PARTY}}
// expected-warning@1 {{handler 'MyDesignatedDrop' implements PROTOCOL_CM_DROP_PARTY}}
// expected-warning@1 {{role evidence: stand-alone call manager (NdisCmRegisterAddressFamilyEx at debug-condis-facts.c:33:10)}}

PROTOCOL_CM_DROP_PARTY MyDeclaredDrop;
NDIS_STATUS MyAssignedDrop(NDIS_HANDLE Ctx, PVOID Data, UINT Size);
NDIS_STATUS MyDesignatedDrop(NDIS_HANDLE Ctx, PVOID Data, UINT Size);
NDIS_STATUS MyUnregistered(NDIS_HANDLE Ctx, PVOID Data, UINT Size); // no-warning

void registerByAssignment(NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS *H) {
  H->CmDropPartyHandler = MyAssignedDrop;
}

void registerByDesignatedInitialiser(NDIS_HANDLE Handle) {
  NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS H = {
      .CmDropPartyHandler = MyDesignatedDrop,
  };
  NdisSetOptionalHandlers(Handle, (PNDIS_DRIVER_OPTIONAL_HANDLERS)&H);
}

NDIS_STATUS registerAddressFamily(NDIS_HANDLE Binding) {
  CO_ADDRESS_FAMILY Af = {0};
  return NdisCmRegisterAddressFamilyEx(Binding, &Af);
}
