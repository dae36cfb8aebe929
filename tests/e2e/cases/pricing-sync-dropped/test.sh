# pricing-sync-dropped: the server cuts the connection in the middle of a new
# price list, every try.  The sync fails (exit 2, the URL and what happened)
# and the previous prices and their record stay exactly as they were.
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
sync() { "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2; }
snapshot() {
    "$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 --format json
    "$CIRCUIT" pricing status --format json | jq -c '.offers[] | del(.age_seconds)'
}

sync >/dev/null || fail "first sync exited $?"
snapshot >"$TMP/before"
cp "$aws/AmazonEC2/current/region_index-v2.json" "$aws/AmazonEC2/current/region_index.json"
price_control '[{"path": "20230301000000/eu-west-1/index.csv", "action": "drop"}]'

rc=0
sync >"$TMP/out" 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "exit $rc, want 2"
[ -s "$TMP/out" ] && fail "stdout: $(cat "$TMP/out")"
want="circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/20230301000000/eu-west-1/index.csv: connection broken mid-transfer: transfer closed with"
grep -qF "$want" "$TMP/err" || fail "stderr: $(cat "$TMP/err")"
grep -qF "(gave up after 3 tries)" "$TMP/err" || fail "stderr: $(cat "$TMP/err")"
[ "$(wc -l <"$TMP/err")" = 1 ] || fail "more than one stderr line: $(cat "$TMP/err")"
[ "$(price_requests '20230301000000/eu-west-1/index.csv 200-drop')" = 3 ] || fail "not 3 tries"
snapshot | cmp -s - "$TMP/before" || fail "the old prices changed: $(snapshot | diff "$TMP/before" - | head)"

# the server recovers: the next sync takes v2
price_control '[]'
sync >/dev/null || fail "sync after recovery exited $?"
[ "$("$CIRCUIT" pricing status --format json | jq -r '.offers[0].version')" = 20230301000000 ] ||
    fail "v2 not taken after recovery"
echo ok
