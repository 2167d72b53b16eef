#!/usr/bin/env bash
# Builds the site and regenerates docs/screenshots/ (needs a CJK font for the Chinese text, and
# poppler-utils for the printout).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || apt-get install -y -qq fonts-noto-cjk >/dev/null
# pdftoppm renders the printout to PNG (only the screenshots need it, not the tests).
command -v pdftoppm >/dev/null || apt-get install -y -qq poppler-utils >/dev/null
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j"$(nproc)"
node scripts/screenshots.mjs
