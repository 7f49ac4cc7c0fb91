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
# A fresh canary each run: the suites store it as a secret value, and the runner fails if it shows up in any log.
SECRET_MANAGER_TEST_CANARY="canary-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')"
export SECRET_MANAGER_TEST_CANARY
echo "== integration tests (real VS Code extension host in code-server)"
suite integration bash scripts/with-keyring.sh node scripts/run-integration.mjs
echo "== integration tests in an untrusted workspace (workspace trust on)"
SECRET_MANAGER_TEST_TRUST=on suite integration-untrusted bash scripts/with-keyring.sh node scripts/run-integration.mjs
echo "== integration tests with the keychain alone (no passphrase)"
SECRET_MANAGER_TEST_KEYCHAIN=only suite integration-keychain bash scripts/with-keyring.sh node scripts/run-integration.mjs
unset SECRET_MANAGER_TEST_CANARY
echo "== UI tests (the packaged .vsix in code-server, driven by headless Chromium)"
suite e2e bash scripts/with-keyring.sh node scripts/run-e2e.mjs

# The unit run's mocha prints "N passing" and "N pending"; the host runners print "name: N passed, N failed[, N skipped]".
unit_passed=$(grep -oE "^ *[0-9]+ passing" "$outputs/unit.out" | awk '{ sum += $1 } END { print sum + 0 }')
unit_skipped=$(grep -oE "^ *[0-9]+ pending" "$outputs/unit.out" | awk '{ sum += $1 } END { print sum + 0 }')
read -r host_passed host_failed host_skipped host_suites < <(cat "$outputs"/*.out |
  grep -E "^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$" |
  awk '{ passed += $2; failed += $4; skipped += $6; suites += 1 } END { print passed + 0, failed + 0, skipped + 0, suites + 0 }')
# Every host runner must have reported its counts: integration (3 passes) and e2e.
if [ "$host_suites" -ne 4 ]; then
  echo "test-all: expected counts from 4 host suites, found $host_suites" >&2
  exit 1
fi
echo "== all tests passed"
echo "all: $((unit_passed + host_passed)) passed, $host_failed failed, $((unit_skipped + host_skipped)) skipped"
