#!/usr/bin/env bash
# Makes a fresh checkout ready for `npm start` and `npm test`: the npm packages when node_modules is missing,
# and, for the tests, the Debian packages they use (a real Secret Service, Chromium, what code-server builds against).
# Usage: scripts/ensure-dependencies.sh [--system]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  echo "== installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
if [ "${1:-}" = "--system" ]; then
  bash scripts/install-system-packages.sh
fi
