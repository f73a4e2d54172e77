#!/usr/bin/env bash
# Runs every suite — type check, the real build with its search index, then
# Vitest's unit, build and browser suites — and ends with one line that sums
# them: "N passed, N failed". Run through `npm test`, so that the project's own
# Node (node_modules/.bin/node) is used.
set -uo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
mkdir -p test-results
rm -f test-results/vitest.json test-results/summary.txt

passed=0
failed=0
step() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "== FAILED: $name"
  fi
}

step "type check (astro check)" astro check
step "type check (tsc)" tsc --noEmit
# --force: the content cache is keyed on content.config.ts alone, not on the
# schema modules it imports, so a schema change could otherwise reuse stale entries.
step "build (astro build, Pagefind index)" astro build --force

echo "== tests (vitest: unit, build, e2e)"
vitest run --config tests/vitest.config.ts --reporter=default --reporter=json \
  --outputFile.json=test-results/vitest.json
vitest_status=$?

if [ -f test-results/vitest.json ]; then
  # Skipped or todo tests count as failures: a test that does not run proves nothing.
  # A test file that fails before running any test (an import error, say) counts once.
  read -r vitest_passed vitest_failed < <(node -e '
    const r = require("./test-results/vitest.json");
    const brokenFiles = r.testResults.filter(
      (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
    ).length;
    console.log(r.numPassedTests, r.numFailedTests + r.numPendingTests + r.numTodoTests + brokenFiles);
  ')
  passed=$((passed + vitest_passed))
  failed=$((failed + vitest_failed))
else
  failed=$((failed + 1))
fi
if [ "$vitest_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "$passed passed, $failed failed" | tee test-results/summary.txt
[ "$failed" -eq 0 ]
