#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60) on a corpus seeded from the case files and
# the policy files. A crash is copied into tests/fuzz/regressions/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" --target fuzz_evaluate fuzz_policy_loader fuzz_json_parser \
  fuzz_policy_image gongji
corpus=build/fuzz/corpus
mkdir -p "$corpus/evaluate" "$corpus/policy" "$corpus/json_parser" "$corpus/image" build/fuzz/crashes
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
# The shipped image, whole (first byte odd) and as a body to seal (even).
build/fuzz/gongji image "$corpus/image/shipped.tmp"
{ printf '\001'; cat "$corpus/image/shipped.tmp"; } >"$corpus/image/shipped-whole.bin"
{ printf '\000'; tail -c +17 "$corpus/image/shipped.tmp"; } >"$corpus/image/shipped-body.bin"
rm "$corpus/image/shipped.tmp"
# And a province's part of the split rules (bit 2 of the first byte: added to the split base).
# And the calculator's texts part (the rules' texts its first answers do not need).
build/fuzz/gongji parts "$corpus/image" wasm/first-answers.json
{ printf '\003'; cat "$corpus/image/410000.bin"; } >"$corpus/image/part-whole.bin"
{ printf '\002'; tail -c +17 "$corpus/image/410000.bin"; } >"$corpus/image/part-body.bin"
{ printf '\003'; cat "$corpus/image/zh-CN.calculator.texts.bin"; } >"$corpus/image/texts-whole.bin"
rm "$corpus"/image/*0000.bin "$corpus"/image/{all,zh-CN,en}.bin "$corpus"/image/*.calculator*.bin
cp tests/fuzz/regressions/image/* "$corpus/image/"

status=0
for target in evaluate policy_loader json_parser policy_image; do
  dir=${target%_loader}
  dir=${dir#policy_}
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
