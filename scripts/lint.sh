#!/usr/bin/env bash
# The checks that need no build, each failing the run: clang-format over the C++ (core/, wasm/,
# tests/, bench/), Prettier over the JavaScript and CSS, ESLint over the JavaScript, and the generated
# files current (divisions, coverage table, web/gongji.d.ts) with no vocabulary list written by hand.
# Under a minute; scripts/test.sh runs it before any build, so a change checked with it alone cannot
# fail CI on a stale generated file. `clang-format -i FILE`, `npm run format` and the gen-* scripts
# (without --check) fix what it reports.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== C++ formatting (clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -1))"
mapfile -d '' cxx < <(find core wasm tests bench -type f \
  \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cc' \) -print0 | sort -z)
clang-format --dry-run --Werror "${cxx[@]}"
echo "${#cxx[@]} files formatted"

echo "== JavaScript and CSS formatting (Prettier)"
npx --no-install prettier --check --log-level warn .
echo "formatted"

echo "== JavaScript lint (ESLint)"
npx --no-install eslint --max-warnings 0 .
echo "no findings"

echo "== Generated files and vocabulary literals"
node scripts/gen-divisions.mjs --check
node scripts/gen-coverage.mjs --check
node scripts/gen-types.mjs --check
node scripts/check-vocabulary-literals.mjs
