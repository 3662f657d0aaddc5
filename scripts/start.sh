#!/usr/bin/env bash
# The one command that starts the product (README "Start"): installs, builds, and runs the api
# on the embedded default with the simulated call centre (30 days of history, then live).
# Data stays under ./data, so a restart keeps it. Extra environment passes through, e.g. PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node_modules/.bin/pnpm build
export CALLBOARD_SIMULATOR="${CALLBOARD_SIMULATOR:-demo}"
exec node api/dist/main.js
