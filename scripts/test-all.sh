#!/usr/bin/env bash
# The one test command (npm test): build, type-check, then every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npm run --silent typecheck
echo "== unit tests (real gnome-keyring under dbus-run-session)"
bash scripts/with-keyring.sh npx mocha
if [ -f scripts/run-integration.mjs ]; then
  # A fresh canary each run: the suites store it as a secret value, and the runner fails if it shows up in any log.
  SECRET_MANAGER_TEST_CANARY="canary-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')"
  export SECRET_MANAGER_TEST_CANARY
  echo "== integration tests (real VS Code extension host in code-server)"
  bash scripts/with-keyring.sh node scripts/run-integration.mjs
  echo "== integration tests in an untrusted workspace (workspace trust on)"
  SECRET_MANAGER_TEST_TRUST=on bash scripts/with-keyring.sh node scripts/run-integration.mjs --grep "untrusted workspace"
  unset SECRET_MANAGER_TEST_CANARY
fi
if [ -f scripts/run-e2e.mjs ]; then
  echo "== UI tests (the packaged .vsix in code-server, driven by headless Chromium)"
  bash scripts/with-keyring.sh node scripts/run-e2e.mjs
fi
echo "== all tests passed"
