#!/usr/bin/env bash
# Instructions per native evaluation of each family (callgrind): the difference between 101
# evaluations and 1, over 100. Exact and repeatable, unlike a time on a shared machine.
# Needs the native build (build/native/bench/evaluate_times). Writes build/bench/callgrind.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/bench
tool=build/native/bench/evaluate_times
instructions() {
  local out
  out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$tool" "$1" "$2" > /dev/null 2>&1
  callgrind_annotate "$out" 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
  rm -f "$out"
}
json="{"
for family in members-1-expenses-1 members-5-expenses-5 members-20-expenses-20; do
  once=$(instructions "$family" 1)
  many=$(instructions "$family" 101)
  per=$(((many - once) / 100))
  echo "$family: $per instructions per evaluation"
  json+="\"$family\": $per, "
done
echo "${json%, }}" > build/bench/callgrind.json
