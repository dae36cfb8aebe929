# pricing-sync-stall: a server that sends part of a price list and then goes
# silent cannot hang a sync: after CIRCUIT_STALL_TIMEOUT seconds without a
# byte the try is abandoned, and once the tries are spent the sync fails with
# the previous prices intact.
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
sync() { "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2; }
snapshot() { "$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 --format json; }

sync >/dev/null || fail "first sync exited $?"
snapshot >"$TMP/before"
cp "$aws/AmazonEC2/current/region_index-v2.json" "$aws/AmazonEC2/current/region_index.json"
price_control '[{"path": "index.csv", "action": "stall", "seconds": 20}]'
export CIRCUIT_RETRIES=2 CIRCUIT_STALL_TIMEOUT=1
start=$(date +%s)
rc=0
sync >"$TMP/out" 2>"$TMP/err" || rc=$?
took=$(($(date +%s) - start))
[ $rc = 2 ] || fail "exit $rc, want 2"
[ "$(cat "$TMP/err")" = "circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/20230301000000/eu-west-1/index.csv: timed out or stalled: no data for 1 s (gave up after 2 tries)" ] ||
    fail "stderr: $(cat "$TMP/err")"
[ $took -lt 15 ] || fail "took ${took}s: the stall was not cut short"
snapshot | cmp -s - "$TMP/before" || fail "the old prices changed"
echo ok
