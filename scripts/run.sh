#!/usr/bin/env bash
# The one entry point on a fresh machine: brings the toolchain, installs, builds,
# then runs a task. Usage: bash scripts/run.sh <bench|test|example> [args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/toolchain.sh

task="${1:-bench}"
shift || true
case "$task" in
  test) exec pnpm test -- "$@" ;;
  bench) exec pnpm bench "$@" ;;
  example) exec pnpm example "$@" ;;
  *) echo "unknown task '$task' (expected bench, test or example)" >&2; exit 2 ;;
esac
