#!/usr/bin/env bash
# Builds the release app and prints the wasm and JS sizes, raw and gzipped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
trunk build index.html --release >/dev/null 2>&1 || trunk build index.html --release
# Brotli from the `.br` the release build writes beside each file (scripts/precompress.mjs).
printf '%-8s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for f in dist/*.wasm dist/*.js; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(stat -c %s "$f.br")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-8s %10d %10d %10d   %s\n' "${f##*.}" "$raw" "$gz" "$br" "$(basename "$f")"
done
printf '%-8s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
