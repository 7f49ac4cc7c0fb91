#!/usr/bin/env bash
# The one test command (npm test): build, type-check, then every suite. Ends with one total line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh --system
outputs=$(mktemp -d)
trap 'rm -rf "$outputs"' EXIT

# Runs a suite, showing its output and keeping a copy to count from.
suite() {
  local name=$1
  shift
  "$@" 2>&1 | tee "$outputs/$name.out"
}

npm run --silent build
npm run --silent typecheck
echo "== unit tests (real gnome-keyring under dbus-run-session)"
suite unit bash scripts/with-keyring.sh npx mocha
if [ -f scripts/run-integration.mjs ]; then
  # A fresh canary each run: the suites store it as a secret value, and the runner fails if it shows up in any log.
  SECRET_MANAGER_TEST_CANARY="canary-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')"
  export SECRET_MANAGER_TEST_CANARY
  echo "== integration tests (real VS Code extension host in code-server)"
  suite integration bash scripts/with-keyring.sh node scripts/run-integration.mjs
  echo "== integration tests in an untrusted workspace (workspace trust on)"
  SECRET_MANAGER_TEST_TRUST=on suite integration-untrusted \
    bash scripts/with-keyring.sh node scripts/run-integration.mjs --grep "untrusted workspace"
  unset SECRET_MANAGER_TEST_CANARY
fi
if [ -f scripts/run-e2e.mjs ]; then
  echo "== UI tests (the packaged .vsix in code-server, driven by headless Chromium)"
  suite e2e bash scripts/with-keyring.sh node scripts/run-e2e.mjs
fi

# The unit run's mocha prints "N passing"/"N failing"; the host runners print "name: N passed, N failed".
unit_passed=$(grep -oE "^ *[0-9]+ passing" "$outputs/unit.out" | awk '{ sum += $1 } END { print sum + 0 }')
host_totals=$(cat "$outputs"/*.out | grep -E "^[a-z-]+: [0-9]+ passed, [0-9]+ failed$" | awk '{ passed += $2; failed += $4 } END { print passed + 0, failed + 0 }')
echo "== all tests passed"
echo "all: $((unit_passed + ${host_totals% *})) passed, ${host_totals#* } failed"
