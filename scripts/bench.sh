#!/usr/bin/env bash
# Every benchmark, then the budget check: native core (Google Benchmark; instructions per
# evaluation under callgrind), the WebAssembly module in Node, the page in headless Chromium, file
# sizes, and the publicodes peer. Figures land in
# build/bench/*.json. Run after scripts/install-deps.sh and both builds (scripts/test.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/bench
if [ -x build/native/bench/bench_core ]; then
  build/native/bench/bench_core --benchmark_min_time=0.3 --benchmark_out=build/bench/native.json --benchmark_out_format=json
fi
if command -v valgrind > /dev/null && [ -x build/native/bench/evaluate_times ]; then
  bench/callgrind.sh
fi
node bench/sizes.mjs
node bench/node-bench.mjs
node bench/browser-bench.mjs
node bench/publicodes-bench.mjs
node scripts/check-budgets.mjs
