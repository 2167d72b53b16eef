#!/usr/bin/env bash
# The main job: build the WebAssembly module and the static site, then serve build/web at
# http://localhost:8080 (a plain static file server; set PORT to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"
exec node scripts/serve.mjs build/web "${PORT:-8080}"
