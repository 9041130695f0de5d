#!/usr/bin/env bash
# One table of numbers to judge a change by: bundle sizes against a minimal Leptos app,
# Lighthouse (desktop and mobile), axe-core violations, in-browser interaction timings and
# the native rule-engine benchmarks. Each figure says how it was measured.
#   scripts/bench.sh            everything (about 10 minutes on 2 cores)
#   SKIP=lighthouse,a11y scripts/bench.sh   leave parts out
#   QUICK=1 scripts/bench.sh    one run of each figure, on the dist/ already built, no
#                               Lighthouse or axe (scripts/test.sh runs it, so the bench
#                               cannot break unseen; its figures prove it runs, no more)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh >/dev/null
QUICK="${QUICK:-}"
[[ -n $QUICK ]] && SKIP="${SKIP:-},lighthouse,a11y" && export SSP_QUICK=1
skip() { [[ ",${SKIP:-}," == *",$1,"* ]]; }
rows="$(mktemp)"; trap 'rm -f "$rows" "$rows.a11y"' EXIT
row() { printf '%s|%s|%s\n' "$1" "$2" "$3" >>"$rows"; }

# The browser benches' own dependencies (Lighthouse 12.2.3), pinned by their lock file.
if [[ "$(node -p 'require("./benches/browser/node_modules/lighthouse/package.json").version' 2>/dev/null)" != "12.2.3" ]]; then
  (cd benches/browser && npm ci --no-audit --no-fund >/dev/null)
fi

echo "building the app and the yardstick (release, wasm-release profile, wasm-opt -Oz)…" >&2
if [[ -z $QUICK || ! -f dist/index.html ]]; then
  trunk build index.html --release >/dev/null 2>&1 || trunk build index.html --release
fi
trunk --config benches/yardstick/Trunk.toml build --release >/dev/null 2>&1 \
  || trunk --config benches/yardstick/Trunk.toml build --release

gz() { gzip -9 -c "$1" | wc -c; }
# Files → "raw gzip" summed. The app ships several modules and scripts: its first visit
# loads the main module and its glue; the parts come with their routes; sw.js is the worker.
total() {
  local raw=0 z=0 f
  for f in "$@"; do raw=$((raw + $(stat -c %s "$f"))); z=$((z + $(gz "$f"))); done
  echo "$raw $z"
}
boot=(dist/ssp-*_bg.wasm dist/ssp-[0-9a-f]*.js)
every=(dist/*.wasm $(ls dist/*.js | grep -v '/sw\.js$'))
yard=(target/yardstick-dist/*.wasm target/yardstick-dist/*.js)
read -r br bz <<<"$(total "${boot[@]}")"
read -r er ez <<<"$(total "${every[@]}")"
read -r yr yz <<<"$(total "${yard[@]}")"
row "bundle: app first visit" "$br B raw, $bz B gzip" "main module + glue (${boot[*]##*/}), gzip -9"
row "bundle: app, every part" "$er B raw, $ez B gzip" "${#every[@]} files: every wasm module and script but sw.js"
row "bundle: yardstick wasm + JS" "$yr B raw, $yz B gzip" "benches/yardstick: Leptos 0.8 + leptos_router, a counter and two routes, built the same way"
row "bundle: app first visit / yardstick" "$(awk "BEGIN { printf \"%.2f×\", $bz / $yz }") gzip" "(main module + glue, gzip) / (yardstick wasm + JS, gzip); target ≤ 2.5×"
# Where the bytes are, by crate: cargo's module before the split keeps its names (the
# store module's own breakdown needs an SSP_NAMES=1 build: scripts/build/breakdown.mjs).
wasm="$(cargo metadata --format-version 1 --no-deps | node -p 'JSON.parse(require("fs").readFileSync(0)).target_directory')/wasm32-unknown-unknown/wasm-release/ssp.wasm"
row "bundle: the whole app's code by crate" \
  "$(node scripts/build/breakdown.mjs "$wasm" --top 6 | sed -n '/^code:/,/^$/p' | awk 'NR > 1 && NF { printf "%s%s %s", sep, $4, $2 "%"; sep = ", " }')" \
  "node scripts/build/breakdown.mjs on cargo's output (before the split and wasm-opt)"

echo "native rule-engine benchmarks…" >&2
while IFS= read -r line; do
  row "native: ${line%%  *}" "$(echo "$line" | awk '{ print $(NF-1), $NF }')" "cargo run --release --example bench_domain (best of 5 rounds)"
done < <(cargo run -q --release --example bench_domain 2>/dev/null | grep '/call')

if ! skip interaction; then
  echo "interaction timings in Chromium…" >&2
  (cd benches/browser && node bench.mjs interaction) >>"$rows"
fi

if ! skip pageload; then
  echo "time to the route's page on a throttled phone, cold and warm, app and yardstick…" >&2
  (cd benches/browser && node bench.mjs pageload) >>"$rows"
fi

if ! skip a11y; then
  echo "axe-core on every route and panel, en-US and zh-CN…" >&2
  (cd tests/e2e && SSP_A11Y_REPORT="$rows.a11y" node --test a11y.test.mjs >/dev/null 2>&1) || true
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const by = {};
    for (const v of r) by[`${v.impact} ${v.id}`] = (by[`${v.impact} ${v.id}`] ?? 0) + v.nodes;
    const list = Object.entries(by).map(([k, n]) => `${k} (${n} nodes)`).join(", ") || "none";
    const states = new Set(r.map((v) => v.state + v.lang)).size;
    console.log(`axe-core violations|${list}|tests/e2e/a11y.test.mjs: every route and panel in en-US and zh-CN (${states} states with findings); any fails scripts/test.sh`);
  ' "$rows.a11y" >>"$rows"
fi

if ! skip lighthouse; then
  echo "Lighthouse 12.2.3, desktop and mobile presets…" >&2
  (cd benches/browser && node bench.mjs lighthouse) >>"$rows"
fi

echo
column -t -s '|' -N "figure,value,how it was measured" "$rows"
