#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with Node 20: installs what is missing,
# then static checks, unit/integration tests (Vitest, real redis-server), the browser
# end-to-end tests (Playwright, Debian Chromium) and the Electron suite (skips, saying why,
# where the Electron binary cannot be had). Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser || exit 1
mkdir -p test-results
status=0
step() {
  echo "== $*"
  "$@" || status=1
}

step npm run --silent typecheck
step npm run --silent lint
step npm run --silent format:check
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
if [ -f playwright.config.ts ]; then
  step npx electron-vite build
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json step npx playwright test --reporter=list,json
fi
if [ -f playwright.electron.config.ts ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/electron.json step xvfb-run -a npx playwright test -c playwright.electron.config.ts --reporter=list,json
fi

node scripts/summarize-tests.mjs test-results/vitest.json test-results/e2e.json test-results/electron.json || status=1
exit $status
