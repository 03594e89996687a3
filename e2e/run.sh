#!/usr/bin/env bash
# Browser tests: starts `consigne demo` on a free port with a fresh data directory, runs the
# Playwright suite (every scenario with and without JavaScript, axe-core on every page), stops the
# server. Exits non-zero if anything fails, including a missing browser or a server that does not
# start.
#
#   bash e2e/run.sh [path/to/consigne] [extra playwright arguments, e.g. --project=nojs -g "a "]
#
# Needs Node 20+, Debian's Chromium (apt-get install chromium) and poppler-utils (pdftotext and
# pdftoppm read the printed recovery sheet back); CHROMIUM_PATH overrides
# /usr/bin/chromium. Screenshots, the printed recovery sheet (PDF), axe reports and the server log
# go to e2e/artifacts/.
set -euo pipefail

E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$E2E")"
# E2E_ARTIFACTS and E2E_OUTPUT let two runs go side by side (scripts/test-all runs the
# PostgreSQL + S3 pass beside the SQLite one).
ARTIFACTS="${E2E_ARTIFACTS:-$E2E/artifacts}"
export E2E_ARTIFACTS="$ARTIFACTS"

fail() {
  echo "e2e: $*" >&2
  echo "e2e: 0 passed, 1 failed"
  exit 1
}

BIN="${1:-target/debug/consigne}"
shift || true
if [[ "$BIN" != /* ]]; then
  if [[ -e "$BIN" ]]; then BIN="$(pwd)/$BIN"; else BIN="$ROOT/$BIN"; fi
fi
[[ -x "$BIN" ]] || fail "no consigne binary at $BIN (run cargo build, or pass its path as the first argument)"

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
[[ -x "$CHROMIUM_PATH" ]] || fail "no Chromium at $CHROMIUM_PATH (apt-get install -y chromium, or set CHROMIUM_PATH)"
command -v node >/dev/null || fail "node is not installed"
# The printed recovery sheet is read back from its PDF (poppler-utils).
for tool in pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || fail "no $tool (apt-get install -y poppler-utils)"
done

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"

# Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
missing_module=0
for module in @playwright/test axe-core jsqr pngjs; do
  [[ -d "$E2E/node_modules/$module" ]] || missing_module=1
done
if [[ "$missing_module" == 1 ]]; then
  (cd "$E2E" && npm ci --no-audit --no-fund) || fail "npm ci failed"
fi

# shellcheck source=demo-server.sh
source "$E2E/demo-server.sh"

start=$(date +%s)
status=0
(cd "$E2E" && CONSIGNE_URL="$URL" npx --no-install playwright test "$@") || status=$?
echo "e2e: run time $(( $(date +%s) - start )) s; artefacts in $ARTIFACTS"
# Where the time went: the server's own CPU time, beside the run's.
if [[ -r "/proc/$SERVER_PID/stat" ]]; then
  read -r -a stat <"/proc/$SERVER_PID/stat"
  echo "e2e: server CPU time $(( (stat[13] + stat[14]) / $(getconf CLK_TCK) )) s"
fi

if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "e2e: the server died during the tests (see $ARTIFACTS/server.stderr.log)" >&2
  status=1
fi
exit "$status"
