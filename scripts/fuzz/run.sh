#!/usr/bin/env bash
# `npm run fuzz`, a gate: schemathesis against the API's own documents (/openapi.json, and
# /openapi.json?version=… for every older version), every check over every operation, with a budget; exits non-zero
# on any failure or when fewer requests than the budget's minimum were sent, and prints the request count and every
# check's results (scripts/fuzz/summary.py over the NDJSON reports). Installs schemathesis into .data/venv-fuzz,
# starts the dev stack (scripts/dev.ts) on its own ports and data folder, and stops it again.
#
# What the spec cannot state (signed cursors, channel signatures, business-rule 422s, no NUL in strings) is configured
# in scripts/fuzz/schemathesis.toml and scripts/fuzz/hooks.py; no check is disabled and no operation excluded.
#
# Budget by environment:
#   FUZZ_BUDGET        full (default: ≥ 2,000 requests) or ci (≤ 4 minutes: each pass bounded by --max-time)
#   FUZZ_MAX_EXAMPLES  test cases per operation and phase (full 8, ci 2)
#   FUZZ_PHASES        schemathesis phases (full examples,coverage,fuzzing,stateful, older versions' documents
#                      without coverage; ci examples,fuzzing,stateful)
#   FUZZ_MIN_REQUESTS  the least the run must send (full 2000, ci 250)
#   FUZZ_RATE          client-side request rate (default 15/s, under the 20/s anonymous budget, so that requests
#                      sent without a key still meet 401 and not 429)
#   FUZZ_WORKERS       concurrent schemathesis workers (default 3)
#   FUZZ_SEED          seed (default 1)
#   PORT PG_PORT TEMPORAL_PORT TEMPORAL_UI_PORT  (defaults 3300 5533 7333 8333)
# Reports (JUnit, NDJSON) go to .data/fuzz-report/, the stack's log to .data/fuzz-dev.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

SCHEMATHESIS_VERSION=4.32.5
# the URLs schemathesis invents for webhook endpoints, http channels and flow steps are refused before any DNS lookup
# or connection: nothing a fuzz run does reaches beyond the loopback (no receiver is allowlisted)
export OUTBOUND_MODE=loopback OUTBOUND_ALLOWED_HOSTS= WEBHOOK_ALLOWED_HOSTS=
# templates the fuzzer creates are approved at creation, so sends of them reach the send path
export SANDBOX_TEMPLATE_REVIEW_MS=0
export PORT=${PORT:-3300} PG_PORT=${PG_PORT:-5533} TEMPORAL_PORT=${TEMPORAL_PORT:-7333} TEMPORAL_UI_PORT=${TEMPORAL_UI_PORT:-8333}
BUDGET=${FUZZ_BUDGET:-full}
case "$BUDGET" in
  full) MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-8} PHASES=${FUZZ_PHASES:-examples,coverage,fuzzing,stateful} MIN_REQUESTS=${FUZZ_MIN_REQUESTS:-2000} OLD_EXAMPLES=${FUZZ_MAX_EXAMPLES:-4}
    OLD_PHASES=${FUZZ_PHASES:-examples,fuzzing,stateful}
    TIME_CURRENT=() TIME_OLD=() TIME_LAST=() ;;
  # seconds per pass (--max-time: the examples, then fuzzing and stateful until the time is spent); with the stack's
  # start and stop about 3 minutes (202 s measured with 100/45/20), plus the first install of schemathesis
  ci) MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-2} PHASES=${FUZZ_PHASES:-examples,fuzzing,stateful} MIN_REQUESTS=${FUZZ_MIN_REQUESTS:-250} OLD_EXAMPLES=${FUZZ_MAX_EXAMPLES:-1}
    OLD_PHASES=$PHASES
    TIME_CURRENT=(--max-time 90) TIME_OLD=(--max-time 35) TIME_LAST=(--max-time 15) ;;
  *) echo "FUZZ_BUDGET is full or ci, not '$BUDGET'" >&2; exit 2 ;;
esac
RATE=${FUZZ_RATE:-15/s}
WORKERS=${FUZZ_WORKERS:-3}
SEED=${FUZZ_SEED:-1}
VENV=.data/venv-fuzz
REPORTS=.data/fuzz-report
LOG=.data/fuzz-dev.log
BASE="http://127.0.0.1:$PORT"

mkdir -p .data
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi

if curl -s -o /dev/null "$BASE/openapi.json"; then
  echo "something already answers on $BASE (another fuzz run?); stop it or set PORT" >&2
  exit 1
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

# the fuzzer works on the workspace's test side (sk_test_…), as an integrator trying the API would
for _ in $(seq 1 180); do
  grep -q '^Test API key: ' "$LOG" && break
  kill -0 "$DEV_PID" 2>/dev/null || { echo "dev stack exited; see $LOG" >&2; exit 1; }
  sleep 1
done
KEY=$(sed -n 's/^Test API key: //p' "$LOG" | tail -1)
[ -n "$KEY" ] || { echo "no API key after 180 s; see $LOG" >&2; exit 1; }

# a channel whose signing secret lets the hooks sign provider callbacks as its provider would
CHANNEL=$(curl -sf -X POST "$BASE/v1/channels" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"fuzz provider","provider":"sandbox"}')
export FUZZ_BASE_URL="$BASE" FUZZ_API_KEY="$KEY"
FUZZ_CHANNEL_ID=$(printf '%s' "$CHANNEL" | "$VENV/bin/python3" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
FUZZ_CHANNEL_SECRET=$(printf '%s' "$CHANNEL" | "$VENV/bin/python3" -c 'import json,sys; print(json.load(sys.stdin)["signing_secret"])')
export FUZZ_CHANNEL_ID FUZZ_CHANNEL_SECRET
# a whatsapp_cloud channel (live side: the test side has sandbox channels only) whose app secret and verify token let
# the hooks call its webhook as Meta would; its base URL is Meta's, which this stack's outbound rules never call
LIVE_KEY=$(sed -n 's/^API key: //p' "$LOG" | tail -1)
FUZZ_WA_APP_SECRET="fuzz-app-secret-$RANDOM$RANDOM" FUZZ_WA_VERIFY_TOKEN="fuzz-verify-$RANDOM$RANDOM"
WA_CHANNEL=$(curl -sf -X POST "$BASE/v1/channels" -H "Authorization: Bearer $LIVE_KEY" -H 'Content-Type: application/json' \
  -d "{\"name\":\"fuzz whatsapp\",\"provider\":\"whatsapp_cloud\",\"whatsapp\":{\"phone_number_id\":\"106540352242922\",\"waba_id\":\"102290129340398\",\"access_token\":\"fuzz-access-token\",\"app_secret\":\"$FUZZ_WA_APP_SECRET\",\"verify_token\":\"$FUZZ_WA_VERIFY_TOKEN\"}}")
FUZZ_WA_CHANNEL_ID=$(printf '%s' "$WA_CHANNEL" | "$VENV/bin/python3" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
export FUZZ_WA_CHANNEL_ID FUZZ_WA_APP_SECRET FUZZ_WA_VERIFY_TOKEN

run() {
  local doc=$1 examples=$2 phases=$3; shift 3
  "$VENV/bin/schemathesis" --config-file scripts/fuzz/schemathesis.toml run "$doc" --url "$BASE" \
    -H "Authorization: Bearer $KEY" --checks all \
    -n "$examples" --phases "$phases" -w "$WORKERS" --rate-limit "$RATE" --seed "$SEED" \
    --request-timeout 20 --report junit,ndjson --report-dir "$REPORTS" "$@" || true
}

# Revoking or rolling an API key can hit the very key the fuzzer uses (it learns key ids from responses), which
# would turn the rest of the run into 401s, so those two run last, after every other operation of every version.
LAST=(--include-operation-id revokeApiKey --include-operation-id rollApiKey)
NOT_LAST=(--exclude-operation-id revokeApiKey --exclude-operation-id rollApiKey)
run "$BASE/openapi.json" "$MAX_EXAMPLES" "$PHASES" "${NOT_LAST[@]}" "${TIME_CURRENT[@]}"
# An older version's document describes requests that send its Api-Version, or that leave the header out with a key
# pinned to that version: such a key (every scope) runs it.
for version in $(node_modules/.bin/tsx -e "import { VERSIONS } from './src/versions'; console.log(VERSIONS.slice(1).map((v) => v.version).join(' '))"); do
  PINNED=$(curl -sf "$BASE/openapi.json" | "$VENV/bin/python3" -c '
import json, sys
scopes = json.load(sys.stdin)["components"]["schemas"]["Scope"]["enum"]
print(json.dumps({"name": "fuzz " + sys.argv[1], "scopes": scopes, "api_version": sys.argv[1]}))' "$version" |
    curl -sf -X POST "$BASE/v1/api-keys" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d @- |
    "$VENV/bin/python3" -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
  KEY=$PINNED run "$BASE/openapi.json?version=$version" "$OLD_EXAMPLES" "$OLD_PHASES" "${NOT_LAST[@]}" "${TIME_OLD[@]}"
done
run "$BASE/openapi.json" "$MAX_EXAMPLES" "$PHASES" "${LAST[@]}" "${TIME_LAST[@]}"

"$VENV/bin/python3" scripts/fuzz/summary.py "$MIN_REQUESTS" "$REPORTS"/*.ndjson
