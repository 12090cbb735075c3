/* C that MSVC compiles and clang 16 and later reject by default: a pointer
 * to the wrong type and a handler of the wrong pointer type, as the DDK's
 * samples have. condis-check analyses it anyway. */
typedef void (*KIT_HANDLER)(int *Legs);
static void KitHandler(long *Legs) { (void)Legs; }
static void KitTakesInt(int *Legs) { (void)Legs; }

int KitMsvcOnly(int Total) {
  long Legs = 0;
  KIT_HANDLER H = KitHandler;
  int Zero = 0;
  KitTakesInt(&Legs);
  H(0);
  return Total / Zero;
}
