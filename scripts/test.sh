#!/usr/bin/env bash
# Every test: native unit and case tests, the same under sanitizers, policy and data checks,
# and the Node tests of the answers. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== native build and tests"
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)"
ctest --preset native

echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j"$(nproc)"
ctest --preset sanitize

echo "== data checks"
node scripts/gen-divisions.mjs --check

echo "== node tests"
node --test tests/node/
