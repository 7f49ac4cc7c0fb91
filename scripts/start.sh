#!/usr/bin/env bash
# npm start: builds the extension, seeds a demo store in .demo/home, and opens .demo/workspace (a copy of
# sample-workspace) with the extension loaded from this checkout: in desktop VS Code when `code` is installed,
# else in code-server in your browser (installed on first use). Ctrl-C stops it.
# Options: --fresh (start again from a new demo store and workspace), --browser (use code-server even if `code` exists).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-dependencies.sh
npm run --silent build
exec node scripts/start-demo.mjs "$@"
