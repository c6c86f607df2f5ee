#!/usr/bin/env bash
# Runs every test in the workspace and prints one tally line at the end.
# Installs Debian's chromium first when it is missing, because the demo's
# end-to-end tests drive a real browser.
set -uo pipefail

# turbo would otherwise send anonymous usage data to its vendor.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get install -y chromium >/dev/null 2>&1 ||
    { $sudo_cmd apt-get update >/dev/null && $sudo_cmd apt-get install -y chromium >/dev/null; } ||
    echo "warning: could not install chromium; the demo's browser tests will fail" >&2
fi

# Reports from an earlier run must not be counted again.
find packages apps tooling -path '*/test-results/vitest.json' -not -path '*/node_modules/*' -delete 2>/dev/null

pnpm exec turbo run test --continue --concurrency=2 --output-logs=new-only
turbo_status=$?

node tooling/scripts/tally-tests.mjs
tally_status=$?

if [ "$turbo_status" != "0" ] || [ "$tally_status" != "0" ]; then
  exit 1
fi
