#!/usr/bin/env bash
# Builds the release app and prints the wasm and JS sizes, raw, gzipped and brotli: each
# file, what the store's first visit downloads (the main module and its glue), and all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
trunk build index.html --release >/dev/null 2>&1 || trunk build index.html --release
# Brotli from the `.br` the release build writes beside each file (scripts/build/precompress.mjs).
printf '%-8s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for f in dist/*.wasm dist/*.js; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(stat -c %s "$f.br")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-8s %10d %10d %10d   %s\n' "${f##*.}" "$raw" "$gz" "$br" "$(basename "$f")"
done
boot_raw=0; boot_gz=0; boot_br=0
for f in dist/ssp-*_bg.wasm dist/ssp-[0-9a-f]*.js; do
  boot_raw=$((boot_raw + $(stat -c %s "$f"))); boot_gz=$((boot_gz + $(gzip -9 -c "$f" | wc -c)))
  boot_br=$((boot_br + $(stat -c %s "$f.br")))
done
printf '%-8s %10d %10d %10d   (the store: main module and glue)\n' boot "$boot_raw" "$boot_gz" "$boot_br"
printf '%-8s %10d %10d %10d   (every part)\n' total "$total_raw" "$total_gz" "$total_br"
