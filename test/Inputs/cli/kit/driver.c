/* Built against headers with the kit's habits (test/Inputs/kit). */
#include <ndis.h>

int KitLegsPerParty(int Legs, int Parties) {
  int Divisor = 0;
  if (Parties > 1)
    Divisor = Parties;
  return Legs / Divisor;
}
