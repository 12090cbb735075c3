/* analyzer-crash.c - compiles, but clang crashes when it analyses it (a
   debugging pragma clang provides for testing crash handling), as a
   plugin built for another clang can make it crash: scan-build's build
   succeeds and its report is empty, scripts/condis-scan-build fails. */
int Compiles(void) { return 0; }
#ifdef __clang_analyzer__
#pragma clang __debug crash
#endif
