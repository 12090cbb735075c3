// A driver file built against headers with the kit's habits
// (test/Inputs/kit): <KitSpecs.h> names shared/kitspecs.h in another case,
// and ndis.h's NDIS_API_VERSION_AVAILABLE pastes 0x to a macro name. In
// condis-clangd both clangd's own parse and the analysis read the headers
// through the kit file system, so the file opens without errors and the
// analyzer's finding arrives. The lsp-diag / lsp-fix comments are read by
// test/clangd/lsp_client.py.
#include <ndis.h>

int KitPartiesPerLeg(int Legs, int Parties) {
  int Divisor = 0;
  if (Legs > 1)
    Divisor = Legs;
  return Parties / Divisor; // lsp-diag{{core.DivideZero: Division by zero}} lsp-fix{{  return Divisor ? Parties / Divisor : 0;}}
}
