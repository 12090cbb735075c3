#!/usr/bin/env bash
# Command A: set everything up, analyse every driver under samples/ with the
# condis checkers, and print the findings (warnings with their path notes).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
cd "$root"

status=0
found=0
for src in samples/*/*.c; do
  [ -e "$src" ] || continue
  echo "== $src"
  out=$(clang-22 --analyze -fplugin=build/lib/CondisChecker.so \
          -Xanalyzer -analyzer-checker=condis -Xanalyzer -analyzer-output=text \
          -I samples/include "$src" -o /dev/null 2>&1) || status=1
  [ -n "$out" ] && echo "$out"
  n=$(printf '%s\n' "$out" | grep -c 'warning:' || true)
  found=$((found + n))
done
echo "condis-check: $found finding(s) in samples/"
exit $status
