#!/usr/bin/env bash
# Lighthouse on the built site, RUNS times (default 9), median reported (bench/lighthouse/run.mjs).
# Not part of scripts/test.sh: Lighthouse is large and its scores swing with the machine's load.
# Run after the WebAssembly build (scripts/run.sh or cmake --build --preset wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --prefix bench/lighthouse --no-audit --no-fund >/dev/null
node bench/lighthouse/run.mjs "${1:-9}"
