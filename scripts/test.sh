#!/usr/bin/env bash
# Every test tier: typecheck, lint (ESLint + Electronegativity), build, Vitest (unit + integration, real keychain) and
# Playwright e2e in Debian's Chromium. Ends with one line "N passed, N failed" (a failed check step counts as a failure).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
if [[ -z "${PAL_KEYRING_READY:-}" ]]; then
  exec bash scripts/with-keyring.sh bash "$0" "$@"
fi
rm -rf test-results && mkdir -p test-results
failed_steps=()
step() {
  local name=$1
  shift
  echo "== $name"
  "$@" || failed_steps+=("$name")
}
step typecheck tsc --noEmit
step lint npm run --silent lint
step build node scripts/build.ts
step vitest vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step e2e playwright test
node scripts/test-summary.ts test-results/vitest.json test-results/playwright.json "${failed_steps[@]}"
