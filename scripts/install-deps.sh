#!/usr/bin/env bash
# Installs everything the build and the tests need, from Debian's archive and the npm registry.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-noto-cjk: the page is Chinese first, and every phone that shows it has Chinese fonts; a
# machine without them draws each character as an empty box, so that the browser tests, the
# screenshots and the first-visit benchmark would lay out and measure boxes, not the page people see.
packages=(cmake g++ make nlohmann-json3-dev doctest-dev libbenchmark-dev emscripten chromium
  clang-14 libclang-rt-14-dev clang-format fonts-noto-cjk)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v node >/dev/null 2>&1; then
  apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
