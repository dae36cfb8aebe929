# price-server.sh — sourced by the pricing-sync e2e cases (bash).
#
#   price_server_start [ROOT] [--tls CERT KEY]
#                               copy ROOT (default: fixtures/prices/server) to
#                               $TMP/www, start price-server.py on it and
#                               export PRICE_URL, PRICE_WWW, PRICE_CTL, PRICE_LOG
#   price_control JSON          replace the misbehaviour rules (see price-server.py)
#   price_requests PATTERN      how many logged requests match PATTERN
#   price_server_stop           stop it (also done by the EXIT trap)
#   fail MESSAGE                print MESSAGE to stderr and exit 1
#
# Sync delays are kept small: CIRCUIT_RETRY_DELAY_MS=20, CIRCUIT_STALL_TIMEOUT=1.

PRICE_SUPPORT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export CIRCUIT_RETRY_DELAY_MS=${CIRCUIT_RETRY_DELAY_MS:-20}
export CIRCUIT_STALL_TIMEOUT=${CIRCUIT_STALL_TIMEOUT:-1}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

price_server_stop() {
    if [ -n "${PRICE_PID:-}" ]; then
        kill "$PRICE_PID" 2>/dev/null || true
        wait "$PRICE_PID" 2>/dev/null || true
        PRICE_PID=
    fi
}

price_server_start() {
    local root=${1:-$FIX/prices/server}
    shift || true
    export PRICE_WWW=$TMP/www PRICE_CTL=$TMP/price-control.json PRICE_LOG=$TMP/price-requests.log
    rm -rf "$PRICE_WWW" "$TMP/price-port"
    cp -R "$root" "$PRICE_WWW"
    echo '[]' >"$PRICE_CTL"
    : >"$PRICE_LOG"
    python3 "$PRICE_SUPPORT/price-server.py" --root "$PRICE_WWW" --port-file "$TMP/price-port" \
        --control "$PRICE_CTL" --log "$PRICE_LOG" --timeout "${PRICE_SERVER_TIMEOUT:-120}" "$@" &
    PRICE_PID=$!
    trap 'rc=$?; price_server_stop; exit $rc' EXIT
    local i
    for i in $(seq 100); do
        [ -s "$TMP/price-port" ] && break
        kill -0 "$PRICE_PID" 2>/dev/null || fail "price server did not start"
        sleep 0.05
    done
    [ -s "$TMP/price-port" ] || fail "price server wrote no port"
    local scheme=http
    [ "${1:-}" = --tls ] && scheme=https
    export PRICE_URL="$scheme://127.0.0.1:$(cat "$TMP/price-port")"
}

price_control() {
    printf '%s\n' "$1" >"$PRICE_CTL.tmp" && mv "$PRICE_CTL.tmp" "$PRICE_CTL"
}

price_requests() {
    grep -c -- "$1" "$PRICE_LOG"
}
