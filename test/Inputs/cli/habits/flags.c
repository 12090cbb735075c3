/*
 * flags.c - a file whose meaning depends on its compile flags, for the
 * --extra-arg and --extra-arg-before tests (test/condis-check/habits.test):
 * it needs BEFORE defined, and divides by zero only when ZERO is 0.
 */
#ifndef BEFORE
#error "BEFORE is not defined"
#endif

int Ratio(int Parties) { return Parties / ZERO; }
