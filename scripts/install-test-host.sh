#!/usr/bin/env bash
# Installs the offline VS Code test host: code-server (the VS Code server, from npm) running on Node 24 (also from npm).
# It goes into a cache folder OUTSIDE the repository and is reused: a complete, working copy is left alone.
# Versions: scripts/test-host.json. Cache root: $SECRET_MANAGER_TEST_HOST_CACHE or ~/.cache/secret-manager-test-host.
# Needs Debian's libkrb5-dev (scripts/install-system-packages.sh), because the kerberos module builds from source offline.
set -euo pipefail
repository=$(cd "$(dirname "$0")/.." && pwd)
folder=$(node "$repository/scripts/lib/test-host-paths.mjs" folder)
node_binary=$(node "$repository/scripts/lib/test-host-paths.mjs" node)
node_package=$(node "$repository/scripts/lib/test-host-paths.mjs" node-package)
code_server_version=$(node "$repository/scripts/lib/test-host-paths.mjs" code-server-version)

smoke_test() {
  "$node_binary" "$repository/scripts/lib/smoke-test-host.mjs"
}

if [ -f "$folder/.complete" ] && smoke_test >/dev/null 2>&1; then
  echo "test host: code-server $code_server_version ready in $folder"
  exit 0
fi

mkdir -p "$(dirname "$folder")"
# Two installs at once (two checkouts, or a developer and CI) must not interleave.
exec 9>"$folder.lock"
flock 9
if [ -f "$folder/.complete" ] && smoke_test >/dev/null 2>&1; then
  echo "test host: code-server $code_server_version ready in $folder"
  exit 0
fi

echo "test host: installing code-server $code_server_version on Node 24 into $folder (once; about 2 minutes, 800 MB)"
staging="$folder.partial"
rm -rf "$staging" "$folder"
mkdir -p "$staging/node" "$staging/code-server"
echo '{ "private": true }' > "$staging/node/package.json"
echo '{ "private": true }' > "$staging/code-server/package.json"

npm_quiet=(--no-audit --no-fund --no-save --loglevel=error)
(cd "$staging/node" && npm install "${npm_quiet[@]}" "$node_package")

staged_node_home="$staging/node/node_modules/${node_package%@*}"
# code-server's postinstall refuses any Node but 24 and reads the Node version from npm's user agent,
# so npm itself must run on Node 24. node-gyp takes Node 24's headers from the same package (no download).
# This npm blocks dependency install scripts unless allowed; code-server's postinstall must run.
(
  cd "$staging/code-server"
  export PATH="$staged_node_home/bin:$PATH"
  export npm_config_nodedir="$staged_node_home"
  log="$staging/install.log"
  if ! npm install "${npm_quiet[@]}" --dangerously-allow-all-scripts --foreground-scripts \
      "code-server@$code_server_version" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "test host: npm install of code-server failed (full log: $log)" >&2
    exit 1
  fi
)

mv "$staging" "$folder"
if ! smoke_test; then
  echo "test host: code-server was installed but does not serve the workbench; see the lines above" >&2
  exit 1
fi
touch "$folder/.complete"
echo "test host: code-server $code_server_version ready in $folder"
