#!/usr/bin/env bash
# The one test command (npm test): build, type-check, then every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npm run --silent typecheck
echo "== unit tests (real gnome-keyring under dbus-run-session)"
bash scripts/with-keyring.sh npx mocha
if [ -f scripts/run-integration.mjs ]; then
  echo "== integration tests (real VS Code extension host in code-server)"
  bash scripts/with-keyring.sh node scripts/run-integration.mjs
fi
if [ -f scripts/run-e2e.mjs ]; then
  echo "== UI tests (headless Chromium driving the workbench)"
  node scripts/run-e2e.mjs
fi
echo "== all tests passed"
