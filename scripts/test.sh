#!/usr/bin/env bash
# Every test: native unit and case tests, the same under sanitizers, the WebAssembly module against
# the native command, the page in headless Chromium, and the data checks. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

scripts/lint.sh

echo "== native build and tests"
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)"
ctest --preset native

echo "== the same tests under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j"$(nproc)"
ctest --preset sanitize

echo "== fuzzing: each libFuzzer target for ${FUZZ_SECONDS:-60}s, then every regression input"
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
ctest --preset fuzz -R "^fuzz-regressions"

echo "== WebAssembly module and site"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"

echo "== data checks"
node scripts/gen-divisions.mjs --check
node scripts/gen-coverage.mjs --check

echo "== benchmarks and budgets"
scripts/bench.sh

echo "== node and browser tests"
node --test --test-concurrency=1 tests/node/ tests/e2e/
