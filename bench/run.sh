#!/usr/bin/env bash
# The condis-check benchmark: one command, see bench/README.md.
#   bash bench/run.sh [--quick] [--runs N] [--sizes 1,100,1000,4000] [--out DIR]
# Builds the plugin first if it is missing (scripts/setup.sh), then runs
# bench/bench.py with the same arguments.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -e "$root/build/lib/CondisChecker.so" ]; then
  bash "$root/scripts/setup.sh"
fi
exec python3 "$root/bench/bench.py" "$@"
