#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine with Node 20 and npm:
# the Debian packages the tests use (the Kafka mock broker, chromium), pnpm (pinned, via npx), and the locked npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ldconfig -p | grep -q 'librdkafka\.so\.1' || missing+=(librdkafka1) # the Kafka-protocol mock broker for tests
command -v python3 >/dev/null || missing+=(python3)                   # runs that broker in its own process
[ -x /usr/bin/chromium ] || missing+=(chromium)                       # the web app's end-to-end tests (playwright-core)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk) # Chinese text in its screenshots
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} from Debian"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# pnpm is not on a fresh machine and corepack cannot fetch it here; npx can, and the
# workspace then carries its own pinned copy in node_modules/.bin.
if [ ! -x node_modules/.bin/pnpm ]; then
  npx --yes pnpm@9.15.9 install --frozen-lockfile
else
  node_modules/.bin/pnpm install --frozen-lockfile
fi
