#!/usr/bin/env bash
# Command B: set everything up and run the whole test suite. Ends with a line
# "N passed, N failed" that CI reads.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh" || { echo "tests: 0 passed, 1 failed"; exit 1; }
cd "$root"

lit=/usr/lib/llvm-22/bin/lit
xml=build/test/results.xml
rm -f "$xml"
"$lit" -v --xunit-xml-output="$xml" build/test
rc=$?
python3 - "$xml" "$rc" <<'PY'
import sys, xml.etree.ElementTree as ET
path, rc = sys.argv[1], int(sys.argv[2])
try:
    root = ET.parse(path).getroot()
except Exception:
    print("tests: 0 passed, 1 failed")
    sys.exit(1)
cases = root.iter("testcase")
passed = failed = skipped = 0
for c in cases:
    if c.find("failure") is not None or c.find("error") is not None:
        failed += 1
    elif c.find("skipped") is not None:
        skipped += 1
    else:
        passed += 1
if rc != 0 and failed == 0:
    failed = 1
line = f"tests: {passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
PY
