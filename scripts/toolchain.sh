#!/usr/bin/env bash
# Puts Node >= 22 and pnpm on PATH, installing them from the npm registry into
# .tools/ when the machine lacks them, then installs the workspace.
# Source it (". scripts/toolchain.sh") so PATH changes reach the caller; it
# returns non-zero on failure and leaves the caller's shell options alone.

STEPCACHE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$STEPCACHE_ROOT/.tools"
NODE_PKG="node@24"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$STEPCACHE_ROOT/package.json")"

log() { printf '[setup] %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$TOOLS/node/node_modules/.bin/node" ]; then
  export PATH="$TOOLS/node/node_modules/.bin:$PATH"
fi
if [ "$(node_major)" -lt 22 ]; then
  command -v npm >/dev/null || { log "npm is required to bootstrap Node >= 22"; return 1; }
  log "Node $(node -v 2>/dev/null || echo none) is too old; installing $NODE_PKG from the npm registry into .tools/node"
  mkdir -p "$TOOLS/node"
  npm install --prefix "$TOOLS/node" --no-save --no-audit --no-fund --loglevel=error "$NODE_PKG" >&2 || return 1
  export PATH="$TOOLS/node/node_modules/.bin:$PATH"
  [ "$(node_major)" -ge 22 ] || { log "could not install Node >= 22"; return 1; }
fi

if [ -x "$TOOLS/pnpm/node_modules/.bin/pnpm" ]; then
  export PATH="$TOOLS/pnpm/node_modules/.bin:$PATH"
fi
if [ "$(pnpm -v 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  log "installing pnpm@$PNPM_VERSION from the npm registry into .tools/pnpm"
  mkdir -p "$TOOLS/pnpm"
  npm install --prefix "$TOOLS/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2 || return 1
  export PATH="$TOOLS/pnpm/node_modules/.bin:$PATH"
fi

log "node $(node -v), pnpm $(pnpm -v)"

stamp="$STEPCACHE_ROOT/node_modules/.stepcache-install-stamp"
manifests() {
  local f
  for f in "$STEPCACHE_ROOT/pnpm-lock.yaml" "$STEPCACHE_ROOT/package.json" "$STEPCACHE_ROOT"/packages/*/package.json "$STEPCACHE_ROOT"/apps/*/package.json; do
    if [ -f "$f" ]; then cat "$f"; fi
  done
}
lock_sum="$(manifests | cksum)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  log "installing workspace dependencies"
  # CI installs exactly the lockfile; a developer's install may update it.
  if [ "${CI:-}" = "true" ]; then frozen=--frozen-lockfile; else frozen=--prefer-offline; fi
  (cd "$STEPCACHE_ROOT" && pnpm install $frozen >&2) || { log "pnpm install failed"; return 1; }
  printf '%s' "$lock_sum" > "$stamp"
fi
