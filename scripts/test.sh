#!/usr/bin/env bash
# Every check, correctness first, then timing: the style and data checks (no build needed); the
# native unit, case and policy tests; the same under sanitizers; the WebAssembly module and site; the Node
# tests (the module against the native command, the contract, the server) and the page in headless
# Chromium; fuzzing; then the benchmarks, and only after all of that the budgets. A failed step is
# reported and the next ones still run, so one run shows every failure; the run fails at the end if
# any step failed. A budget marked enforce:false in bench/budgets.json is only reported.
# Installs what it needs. FUZZ_SECONDS (default 60) sets each fuzz target's time.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 1

failed=()
timings=()
# step NAME COMMAND...: runs one step, records its duration and whether it failed.
step() {
  local name=$1 start=$SECONDS
  shift
  echo "== $name"
  if "$@"; then
    timings+=("ok      $((SECONDS - start)) s  $name")
  else
    failed+=("$name")
    timings+=("FAILED  $((SECONDS - start)) s  $name")
  fi
}

native() {
  cmake --preset native >/dev/null && cmake --build --preset native -j"$(nproc)" &&
    ctest --preset native
}
sanitize() {
  cmake --preset sanitize >/dev/null && cmake --build --preset sanitize -j"$(nproc)" &&
    ctest --preset sanitize
}
site() {
  cmake --preset wasm >/dev/null && cmake --build --preset wasm -j"$(nproc)"
}
fuzz() {
  scripts/fuzz.sh "${FUZZ_SECONDS:-60}" && ctest --preset fuzz -R "^fuzz-regressions"
}

step "style and data: clang-format, Prettier, ESLint, generated files" scripts/lint.sh
step "native build and tests" native
step "the same tests under AddressSanitizer and UndefinedBehaviorSanitizer" sanitize
step "WebAssembly module and site" site
# The node and browser tests also write TAP, so that the summary can name each failed test: a long
# run's output is often read from its end only.
node_tap=build/node-tests.tap
node_tests() {
  mkdir -p build && rm -f "$node_tap"
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$node_tap" tests/node/ tests/e2e/
}
step "node and browser tests" node_tests
step "fuzzing: each libFuzzer target for ${FUZZ_SECONDS:-60}s, then every regression input" fuzz

# Timing last: every test above has reported before a budget is checked.
step "benchmarks, then the budgets" scripts/bench.sh

echo "== summary"
printf '%s\n' "${timings[@]}"
node scripts/failed-tests.mjs "$node_tap"
echo "total $SECONDS s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}"
  exit 1
fi
echo "every step passed"
