/* An x86 inline with an MS-style __asm block, as the DDK's ndis.h and
 * winnt.h have for i386 (KeMemoryBarrier and friends). */
static __inline void KitBarrier(void) {
  __asm {
    xchg eax, eax
  }
}

int KitCounterRatio(int Total, int Legs) {
  int Divisor = 0;
  KitBarrier();
  if (Legs > 1)
    Divisor = Legs;
  return Total / Divisor;
}
