#!/usr/bin/env bash
# The main job: build the gongji command and answer an example request.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)"
build/native/gongji eval "${1:-docs/example-request.json}"
