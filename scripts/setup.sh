#!/usr/bin/env bash
# Installs the Debian packages in scripts/packages.txt that are missing, then
# configures and builds condis-check into build/. Safe to run again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

missing=()
while read -r pkg; do
  case "$pkg" in ''|'#'*) continue ;; esac
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$pkg")
done < scripts/packages.txt

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_PREFIX_PATH=/usr/lib/llvm-22 -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"

# The SARIF validator the suite checks every log with (scripts/sarif-validator:
# the official SARIF 2.1.0 schema and Ajv, pinned by package-lock.json), from
# the npm registry. Node and npm come from Debian when the machine has no npm
# (a machine with another Node distribution keeps its own).
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing nodejs npm"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    nodejs npm >/dev/null
fi
validator=build/sarif-validator
mkdir -p "$validator"
cp scripts/sarif-validator/package.json scripts/sarif-validator/package-lock.json \
  scripts/sarif-validator/validate.js "$validator/"
if ! cmp -s "$validator/package-lock.json" "$validator/node_modules/.installed-lock" 2>/dev/null; then
  echo "setup: installing the SARIF validator (npm ci)"
  (cd "$validator" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$validator/package-lock.json" "$validator/node_modules/.installed-lock"
fi
