#!/usr/bin/env bash
# Runs its arguments and prints "exit: N" after their output, then exits 0,
# so a lit RUN line can FileCheck the exact exit status of condis-check.
"$@"
echo "exit: $?"
