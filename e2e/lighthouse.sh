#!/usr/bin/env bash
# Lighthouse (mobile: its default phone, slow 4G and CPU throttling, simulated) on the pages a
# person opens first: the login page, her home, her papers and one of her documents, logged in
# as the demo's Amina. Fails unless every page scores 100 in accessibility and at least 95 in
# performance. Starts `consigne demo` like run.sh; reports go to e2e/artifacts/lighthouse/.
#
#   bash e2e/lighthouse.sh [path/to/consigne]
#
# Needs Node 20+ and Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium).
set -euo pipefail

E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$E2E")"
ARTIFACTS="$E2E/artifacts/lighthouse"

fail() {
  echo "lighthouse: $*" >&2
  echo "lighthouse: 0 passed, 1 failed"
  exit 1
}

BIN="${1:-target/debug/consigne}"
if [[ "$BIN" != /* ]]; then
  if [[ -e "$BIN" ]]; then BIN="$(pwd)/$BIN"; else BIN="$ROOT/$BIN"; fi
fi
[[ -x "$BIN" ]] || fail "no consigne binary at $BIN (run cargo build, or pass its path as the first argument)"

export CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
[[ -x "$CHROME_PATH" ]] || fail "no Chromium at $CHROME_PATH (apt-get install -y chromium, or set CHROMIUM_PATH)"
command -v node >/dev/null || fail "node is not installed"

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"

# Neither Playwright nor Puppeteer may fetch a browser of their own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1
if [[ ! -d "$E2E/node_modules/lighthouse" ]]; then
  (cd "$E2E" && npm ci --no-audit --no-fund) || fail "npm ci failed"
fi

# shellcheck source=demo-server.sh
source "$E2E/demo-server.sh"

(cd "$E2E" && CONSIGNE_URL="$URL" LIGHTHOUSE_REPORTS="$ARTIFACTS" node lighthouse.mjs)
