#!/usr/bin/env bash
# Serves the app at http://127.0.0.1:8080 with live reload. Pass --release for the size-optimised build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
# No service worker from the dev server: what it serves is always the build just made.
export SSP_SERVICE_WORKER=off
echo "Serving the app at http://127.0.0.1:8080/ (Ctrl+C stops)"
exec trunk serve index.html "$@"
