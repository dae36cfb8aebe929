# forge-server.sh — sourced by the `circuit comment` e2e cases (bash).
#
#   forge_server_start KIND STATE_JSON [ARGS...]
#                          start forge-server.py (KIND github|gitlab) seeded
#                          with STATE_JSON ({"repo", "number", "comments"});
#                          exports FORGE_URL, FORGE_STATE, FORGE_LOG, FORGE_CTL
#                          and the token in GITHUB_TOKEN / GITLAB_TOKEN
#   forge_control JSON     replace the misbehaviour rules
#   forge_requests METHOD PATH_RE   how many logged requests match
#   forge_clean            fail when any request broke a check of the server's
#   fail MESSAGE           print MESSAGE to stderr and exit 1
# Retries are kept short: CIRCUIT_RETRY_DELAY_MS=10, CIRCUIT_RETRY_MAX_MS=50.

FORGE_SUPPORT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export CIRCUIT_RETRY_DELAY_MS=10 CIRCUIT_RETRY_MAX_MS=50
FORGE_TOKEN=ghp_sEcReT0123456789abcdefTOKEN
unset GITHUB_TOKEN GITLAB_TOKEN GITHUB_REPOSITORY GITHUB_EVENT_PATH GITHUB_API_URL \
      CI_PROJECT_ID CI_PROJECT_PATH CI_MERGE_REQUEST_IID CI_API_V4_URL

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

forge_server_stop() {
    if [ -n "${FORGE_PID:-}" ]; then
        kill "$FORGE_PID" 2>/dev/null || true
        wait "$FORGE_PID" 2>/dev/null || true
        FORGE_PID=
    fi
}

forge_server_start() {
    local kind=$1 state=$2
    shift 2
    export FORGE_STATE=$TMP/forge-state.json FORGE_LOG=$TMP/forge-log.jsonl FORGE_CTL=$TMP/forge-control.json
    printf '%s\n' "$state" >"$FORGE_STATE"
    echo '[]' >"$FORGE_CTL"
    : >"$FORGE_LOG"
    rm -f "$TMP/forge-port"
    python3 "$FORGE_SUPPORT/forge-server.py" --kind "$kind" --token "$FORGE_TOKEN" --state "$FORGE_STATE" \
        --control "$FORGE_CTL" --log "$FORGE_LOG" --port-file "$TMP/forge-port" "$@" &
    FORGE_PID=$!
    trap 'rc=$?; forge_server_stop; exit $rc' EXIT
    local i
    for i in $(seq 200); do
        [ -s "$TMP/forge-port" ] && break
        kill -0 "$FORGE_PID" 2>/dev/null || fail "forge server did not start"
        sleep 0.05
    done
    [ -s "$TMP/forge-port" ] || fail "forge server wrote no port"
    export FORGE_URL="http://127.0.0.1:$(cat "$TMP/forge-port")"
    if [ "$kind" = github ]; then export GITHUB_TOKEN=$FORGE_TOKEN; else export GITLAB_TOKEN=$FORGE_TOKEN; fi
}

forge_control() {
    printf '%s\n' "$1" >"$FORGE_CTL.tmp" && mv "$FORGE_CTL.tmp" "$FORGE_CTL"
}

forge_requests() {
    python3 - "$FORGE_LOG" "$1" "$2" <<'PY'
import json, re, sys
n = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["method"] == sys.argv[2] and re.search(sys.argv[3], r["path"]):
        n += 1
print(n)
PY
}

forge_clean() {
    python3 - "$FORGE_LOG" <<'PY' || fail "the server saw bad requests"
import json, sys
bad = [r for r in map(json.loads, open(sys.argv[1])) if r["problems"]]
for r in bad:
    print(r, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}

# jq over the server's state, e.g. forge_state '.comments | length'
forge_state() {
    jq -r "$1" "$FORGE_STATE"
}
