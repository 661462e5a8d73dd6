#!/usr/bin/env bash
# The one entry point on a fresh machine: brings the toolchain, installs, builds,
# then runs a task. Usage: bash scripts/run.sh <bench|test> [args...]
#   bench  the benchmark (simulated backend by default; --help lists the flags)
#   test   every test suite (the command CI runs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/toolchain.sh

task="${1:-bench}"
shift || true
case "$task" in
  test) exec pnpm test "$@" ;;
  bench) exec pnpm bench "$@" ;;
  *) echo "unknown task '$task' (expected bench or test)" >&2; exit 2 ;;
esac
