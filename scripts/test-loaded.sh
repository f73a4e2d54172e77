#!/usr/bin/env bash
# Runs the whole suite (scripts/test.sh) while stress-ng keeps both cores
# busy, the way a shared machine is when other jobs run: a browser test that
# reads the page before the page is ready fails here. The load stops when the
# suite ends, fails or is interrupted. Prints the suite's "N passed, N failed"
# and how long it took. Run through `npm run test:loaded`.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh stress-ng >/dev/null || exit 1

# --timeout: should this script be killed outright, the load still ends.
stress-ng --cpu 2 --timeout 45m --quiet &
load=$!
stop_load() {
  kill -TERM "$load" 2>/dev/null
  wait "$load" 2>/dev/null
}
trap stop_load EXIT
# Ctrl-C stops the suite; exiting runs the EXIT trap, which stops the load.
trap 'exit 130' INT TERM
echo "== load: stress-ng --cpu 2 (pid $load)"

start=$SECONDS
bash scripts/test.sh
status=$?
elapsed=$((SECONDS - start))
summary=$(tail -n 1 test-results/summary.txt 2>/dev/null || echo "0 passed, 1 failed")
echo "$summary under load (stress-ng --cpu 2), in $((elapsed / 60)) min $((elapsed % 60)) s"
exit "$status"
