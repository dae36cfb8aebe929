# pricing-sync-interrupt: Ctrl-C (SIGINT) or SIGTERM in the middle of a
# download rolls the ingest back: exit 2, the previous prices intact.
set -eu
set -m # job control: background jobs get SIGINT like a terminal would send it
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
snapshot() {
    "$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 --format json
    "$CIRCUIT" pricing status --format json | jq -c '.offers[] | del(.age_seconds)'
}
"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2 >/dev/null ||
    fail "first sync exited $?"
snapshot >"$TMP/before"
cp "$aws/AmazonEC2/current/region_index-v2.json" "$aws/AmazonEC2/current/region_index.json"
# v2 trickles in (about 33 s for the whole file, so that a kill sent after
# the first bytes lands mid-download even on a loaded machine)
price_control '[{"path": "index.csv", "action": "slow", "chunk": 200, "delay": 0.5}]'

for sig in INT TERM; do
    : >"$PRICE_LOG"
    # A shell started in the background inherits SIGINT ignored, and circuit
    # (like git) keeps a signal its parent ignored: give it the default back,
    # as an interactive terminal would.
    env --default-signal=INT,TERM "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 \
        --service AmazonEC2 >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    for i in $(seq 100); do # until part of the body has arrived
        grep -q "index.csv 200-slow" "$PRICE_LOG" && break
        sleep 0.05
    done
    sleep 0.7
    kill -$sig $pid
    rc=0
    wait $pid || rc=$?
    [ $rc = 2 ] || fail "SIG$sig: exit $rc, want 2"
    [ "$(cat "$TMP/err")" = "circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/20230301000000/eu-west-1/index.csv: interrupted; the cache keeps its previous prices" ] ||
        fail "SIG$sig: stderr: $(cat "$TMP/err")"
    snapshot | cmp -s - "$TMP/before" || fail "SIG$sig: the old prices changed"
done
echo ok
