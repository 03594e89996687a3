# Starts `consigne demo` on a free port with a fresh data directory and waits for /health:
# sourced by e2e/run.sh (browser tests) and e2e/lighthouse.sh. Expects BIN (the binary),
# ARTIFACTS (where the server's logs go) and a function fail; sets URL and SERVER_PID, and stops
# the server and removes its data when the script exits.

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/consigne-e2e.XXXXXX")"
URL="http://127.0.0.1:$PORT"
SERVER_PID=""

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n "${SINK_PID:-}" ]]; then kill "$SINK_PID" 2>/dev/null || true; fi
  rm -rf "$DATA" "$DATA.toml"
}
trap cleanup EXIT

# A recording SMS operator (e2e/sms-sink.js): the demo sends its SMS there, at any hour, and the
# tests read what it received at $SMS_SINK_URL/received.
SINK_PORT_FILE="$(mktemp "${TMPDIR:-/tmp}/consigne-sms-sink.XXXXXX")"
node "$E2E/sms-sink.js" >"$SINK_PORT_FILE" 2>"$ARTIFACTS/sms-sink.stderr.log" </dev/null &
SINK_PID=$!
for _ in $(seq 1 50); do [[ -s "$SINK_PORT_FILE" ]] && break; sleep 0.1; done
[[ -s "$SINK_PORT_FILE" ]] || fail "the SMS sink did not start"
export SMS_SINK_URL="http://127.0.0.1:$(head -n1 "$SINK_PORT_FILE")"
rm -f "$SINK_PORT_FILE"
CONFIG="$DATA.toml"
cat >"$CONFIG" <<TOML
[sms]
operator = "webhook"
webhook_url = "$SMS_SINK_URL/hook"
webhook_token = "e2e-sink"

[reminders]
# No quiet hours: the browser tests may run at night.
quiet_from_hour = 0
quiet_until_hour = 0

[http]
# Playwright's request API (page.request) keeps connections alive in a Node agent that neither
# heeds a Keep-Alive hint nor retries: a request written just as the server closes the idle
# connection fails with ECONNRESET ("socket hang up"), which a browser would simply retry. The
# tests keep connections for longer than one of them lasts; tests/api/limits.rs checks the
# closing itself.
idle_timeout_seconds = 900
header_timeout_seconds = 900
TOML

"$BIN" demo --config "$CONFIG" --listen "127.0.0.1:$PORT" --data-dir "$DATA" >"$ARTIFACTS/server.stdout.log" 2>"$ARTIFACTS/server.stderr.log" </dev/null &
SERVER_PID=$!

health() {
  node -e 'fetch(process.argv[1]).then(r=>r.text().then(t=>process.exit(r.ok&&t.trim()==="ok"?0:1)),()=>process.exit(1))' "$URL/health"
}
for i in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    cat "$ARTIFACTS/server.stderr.log" >&2 || true
    fail "consigne demo exited before answering on $URL/health"
  fi
  if health; then break; fi
  [[ "$i" == 120 ]] && fail "consigne demo did not answer on $URL/health within 60 s"
  sleep 0.5
done
echo "e2e: consigne demo is up at $URL (data in $DATA)"
