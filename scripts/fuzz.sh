#!/usr/bin/env bash
# Fuzzes the running API with schemathesis against its own /openapi.json: installs schemathesis into
# .data/venv-fuzz, starts the dev stack (npm run dev) on its own ports, runs every check over every operation
# reachable with an API key, and stops the stack again. Not part of `npm test` or CI.
#
# Budget and ports by environment:
#   FUZZ_MAX_EXAMPLES  test cases per operation and phase (default 10)
#   FUZZ_PHASES        schemathesis phases (default examples,fuzzing; add coverage,stateful for a deeper run)
#   FUZZ_RATE          client-side request rate (default 15/s, under the 20/s anonymous budget, so that requests
#                      sent without a key still meet 401 and not 429)
#   FUZZ_SEED          seed (default 1)
#   PORT PG_PORT TEMPORAL_PORT TEMPORAL_UI_PORT  (defaults 3300 5533 7333 8333)
# Reports (JUnit, NDJSON) go to .data/fuzz-report/.
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
export PORT=${PORT:-3300} PG_PORT=${PG_PORT:-5533} TEMPORAL_PORT=${TEMPORAL_PORT:-7333} TEMPORAL_UI_PORT=${TEMPORAL_UI_PORT:-8333}
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-10}
PHASES=${FUZZ_PHASES:-examples,fuzzing}
RATE=${FUZZ_RATE:-15/s}
SEED=${FUZZ_SEED:-1}
VENV=.data/venv-fuzz
REPORTS=.data/fuzz-report
LOG=.data/fuzz-dev.log

mkdir -p .data "$REPORTS"
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi

node_modules/.bin/tsx scripts/dev.ts >"$LOG" 2>&1 &
DEV_PID=$!
stop() {
  if kill -0 "$DEV_PID" 2>/dev/null; then
    kill -INT "$DEV_PID"
    for _ in $(seq 1 60); do kill -0 "$DEV_PID" 2>/dev/null || break; sleep 1; done
  fi
}
trap stop EXIT

for _ in $(seq 1 180); do
  grep -q '^API key: ' "$LOG" && break
  kill -0 "$DEV_PID" 2>/dev/null || { echo "dev stack exited; see $LOG" >&2; exit 1; }
  sleep 1
done
KEY=$(sed -n 's/^API key: //p' "$LOG" | tail -1)
[ -n "$KEY" ] || { echo "no API key after 180 s; see $LOG" >&2; exit 1; }

run() {
  "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/openapi.json" \
    -H "Authorization: Bearer $KEY" --checks all \
    -n "$MAX_EXAMPLES" --phases "$PHASES" -w 1 --rate-limit "$RATE" --seed "$SEED" \
    --request-timeout 20 --report junit,ndjson --report-dir "$REPORTS" "$@"
}

status=0
# The provider callbacks are signed with a channel secret (security: providerSignature), not an API key:
# a key cannot reach them. Revoking or rolling an API key can hit the very key the fuzzer uses (the fuzzer
# learns key ids from responses), which would turn the rest of the run into 401s, so those two run last.
run --exclude-operation-id receiveInboundMessage --exclude-operation-id receiveMessageStatus \
    --exclude-operation-id revokeApiKey --exclude-operation-id rollApiKey || status=1
run --include-operation-id revokeApiKey --include-operation-id rollApiKey || status=1
exit $status
