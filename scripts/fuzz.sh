#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60) on a corpus seeded from the case files and
# the policy files. A crash is copied into tests/fuzz/regressions/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" --target fuzz_evaluate fuzz_policy_loader fuzz_json_parser
corpus=build/fuzz/corpus
mkdir -p "$corpus/evaluate" "$corpus/policy" "$corpus/json_parser" build/fuzz/crashes
node -e '
  const fs = require("fs"), path = require("path");
  const walk = (d) => fs.readdirSync(d).flatMap((n) => { const p = path.join(d, n); return fs.statSync(p).isDirectory() ? walk(p) : [p]; });
  for (const f of walk("tests/cases").filter((f) => f.endsWith(".json"))) {
    const json = JSON.parse(fs.readFileSync(f, "utf8"));
    (json.cases ?? [json]).forEach((c, i) => {
      const text = typeof c.request === "string" ? c.request : JSON.stringify(c.request);
      fs.writeFileSync(path.join(process.argv[1], path.basename(f, ".json") + "-" + i + ".json"), text);
    });
  }' "$corpus/evaluate"
cp policies/regions/*.json "$corpus/policy/"
cp tests/fuzz/regressions/evaluate/* "$corpus/evaluate/"
cp tests/fuzz/regressions/policy/* "$corpus/policy/"
cp "$corpus"/evaluate/* "$corpus/json_parser/"  # two copies: the folders share some names
cp "$corpus"/policy/* "$corpus/json_parser/"

status=0
for target in evaluate policy_loader json_parser; do
  dir=${target%_loader}
  echo "== fuzz_$target for ${seconds}s"
  if ! build/fuzz/tests/fuzz/fuzz_$target -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build/fuzz/crashes/$dir- -print_final_stats=1 "$corpus/$dir" 2>build/fuzz/$target.log; then
    status=1
    for crash in build/fuzz/crashes/$dir-*; do
      [ -f "$crash" ] && cp "$crash" "tests/fuzz/regressions/$dir/" && echo "new regression: tests/fuzz/regressions/$dir/$(basename "$crash")"
    done
    tail -40 build/fuzz/$target.log
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build/fuzz/$target.log || true
done
exit $status
