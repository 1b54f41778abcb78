#!/usr/bin/env bash
# Installs what the product and its tests need when it is missing: redis-server (and, with
# --browser, Debian's Chromium and Xvfb) from apt, and the npm packages from the lock file.
# Refuses a Node older than 20.19 in one line (scripts/node-version.mjs says why 20 is ours).
set -euo pipefail
cd "$(dirname "$0")/.."

node scripts/node-version.mjs

packages=()
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
if [ "${1:-}" = "--browser" ]; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  command -v xvfb-run >/dev/null 2>&1 || packages+=(xvfb)
fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "setup: installing ${packages[*]} from apt" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >&2
fi

# npm ci when node_modules is missing or older than the lock file. On Node 20 npm warns that
# Electron's download and packaging tools want Node 22.12 (EBADENGINE): expected, said once
# in one line, and the warnings kept out of the way (errors still show).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci" >&2
  node scripts/node-version.mjs --explain-engines
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
