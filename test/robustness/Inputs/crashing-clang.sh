#!/bin/sh
# A stand-in for clang that crashes like a faulty plugin would (a stack dump,
# then SIGSEGV) whenever it is asked to analyse; crash-hunt.test checks that
# the hunt reports such crashes. Everything else goes to the real clang ($REAL_CLANG).
for a in "$@"; do
  if [ "$a" = "-analyze" ]; then
    echo "PLEASE submit a bug report to the condis-check maintainers" >&2
    echo "Stack dump:" >&2
    echo " #0 0x0 condis::(anonymous namespace)::DropPartyChecker::checkCompletion" >&2
    kill -SEGV $$
  fi
done
exec "$REAL_CLANG" "$@"
