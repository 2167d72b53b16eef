#!/usr/bin/env bash
# The style checks, each failing the run: clang-format over the C++ (core/, wasm/, tests/, bench/),
# Prettier over the JavaScript and CSS, ESLint over the JavaScript. Under a minute; scripts/test.sh
# runs it before any build. `clang-format -i FILE` and `npm run format` fix what it reports.
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
