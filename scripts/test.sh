#!/usr/bin/env bash
# The one command that sets up and runs every check and test (README "Test").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
rm -rf test-artifacts && mkdir -p test-artifacts

pnpm build
pnpm lint
pnpm format:check
pnpm test
node scripts/summarise-tests.js test-artifacts
