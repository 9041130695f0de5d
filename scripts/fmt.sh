#!/usr/bin/env bash
# Formats the whole tree as scripts/test.sh checks it: leptosfmt inside view!, rustfmt
# outside. leptosfmt runs twice: its first pass can leave a line its second pass joins.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
leptosfmt -q src tests benches examples
cargo fmt
leptosfmt -q src tests benches examples
cargo fmt
