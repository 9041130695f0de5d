#!/usr/bin/env bash
# Installs what building, serving and testing need, from the package registries only.
# Idempotent: a second run checks versions and returns in seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
step() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# rustfmt and clippy, for the shape layer of scripts/test.sh.
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    step "adding the $component component"
    rustup component add "$component"
  fi
done

# Debian's browsers, drivers and fonts (list below) download and unpack while the Rust
# tools compile: a minute of a fresh machine's setup that no longer waits its turn.
debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
  ((${#missing[@]})) || return 0
  step "installing ${missing[*]} from Debian (beside the Rust tools)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/tmp/ssp-setup-apt.log 2>&1 ||
    { tail -20 /tmp/ssp-setup-apt.log >&2; return 1; }
}
debian_packages &
DEBIAN_JOB=$!

# Trunk, the builder and dev server (0.22 needs a newer rustc than this machine's). A debug
# build: 3.3 minutes on 2 cores, against 5 without its release profile's fat LTO and 6 with
# it, and it builds this app byte for byte the same, 2 s slower (40 s → 42 s): the time of a
# release build is rustc's, wasm-bindgen's and wasm-opt's, not Trunk's.
if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  step "installing trunk $TRUNK_VERSION (about 3 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --debug
fi

# leptosfmt, the view! formatter that scripts/test.sh checks with (rustfmt skips view!). A
# debug build: 34 s instead of 3 minutes, and it checks the tree in 1 s instead of 0.5.
LEPTOSFMT_VERSION=0.1.33
if [[ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]]; then
  step "installing leptosfmt $LEPTOSFMT_VERSION (under a minute on 2 cores)"
  cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --debug
fi

# wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock. Its own
# lock pins a crate the registry lacks, so it is installed without --locked. A release
# build: a debug one reads a component-test module in 5 times the time (106 s against 21 s
# for a module with debug info).
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
if [[ -z "$WBG_VERSION" ]]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WBG_VERSION\" (the version in Cargo.lock)" >&2
  exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]]; then
  step "installing wasm-bindgen-cli $WBG_VERSION (under 3 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# wasm-opt from npm's binaryen, project-local. Debian's binaryen 108 builds an app that
# crashes on load: it must never be the one on PATH first.
if [[ "$(wasm-opt --version 2>/dev/null)" != "wasm-opt version 132"* ]]; then
  step "installing binaryen $BINARYEN_VERSION (wasm-opt) into .tools/"
  mkdir -p .tools
  npm install --no-audit --no-fund --no-save --prefix .tools "binaryen@$BINARYEN_VERSION"
fi

# wasm-split-cli, which cuts the release build into the parts of src/areas.rs
# (scripts/build/split.mjs). Its version reads the format of the wasm_split_helpers in Cargo.lock.
WASM_SPLIT_VERSION=0.2.4
# (It has no --version: cargo's list of installed crates says which one is there.)
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "installing wasm-split-cli $WASM_SPLIT_VERSION (about a minute on 2 cores)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# The three engines the component and end-to-end tests run in, with their drivers (started
# above): Chromium; Firefox ESR (geckodriver below); WebKitGTK, whose WebKitWebDriver starts
# its MiniBrowser, in a window that needs a display (Xvfb). A CJK font so that zh-CN
# screenshots show Chinese, not boxes.
if ! wait "$DEBIAN_JOB"; then
  echo "setup: the Debian packages did not install" >&2
  exit 1
fi

# Firefox's WebDriver server, from crates.io. A debug build: under a minute on 2 cores
# instead of over two, and a driver's own speed is not what any test measures.
GECKODRIVER_VERSION=0.37.0
if [[ "$(geckodriver --version 2>/dev/null | head -1)" != "geckodriver $GECKODRIVER_VERSION" ]]; then
  step "installing geckodriver $GECKODRIVER_VERSION (about a minute on 2 cores)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --debug
fi

# The end-to-end clients and axe-core, pinned by tests/e2e/package-lock.json: playwright-core
# for the Chromium suite, selenium-webdriver for the engine runs. Neither downloads a
# browser or a driver: each is told where Debian's or cargo's is.
installed() { node -p "require('./tests/e2e/node_modules/$1/package.json').version" 2>/dev/null; }
wanted() { node -p "require('./tests/e2e/package.json').devDependencies['$1']"; }
for package in playwright-core selenium-webdriver axe-core; do
  if [[ "$(installed $package)" != "$(wanted $package)" ]]; then
    step "installing the end-to-end clients (playwright-core, selenium-webdriver) and axe-core"
    (cd tests/e2e && npm ci --no-audit --no-fund)
    break
  fi
done

step "ready: $(trunk --version), $(leptosfmt --version), $(wasm-bindgen --version), $(wasm-opt --version | cut -d' ' -f1-3), wasm-split-cli $WASM_SPLIT_VERSION, $(chromium --version 2>/dev/null | cut -d' ' -f1-2), $(firefox-esr --version 2>/dev/null), $(geckodriver --version 2>/dev/null | head -1), WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 | cut -d- -f1)"
