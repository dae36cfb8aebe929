# pricing-sync-not-modified: a re-sync sends the stored ETag as If-None-Match;
# a 304 downloads nothing, changes no price and says "up to date".  When the
# region index moves to a new version, the next sync replaces the prices.
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
sync() { "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2; }
query() { "$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 --format json; }
status() { "$CIRCUIT" pricing status --format json | jq -c '.offers[] | del(.fetched_at, .age_seconds)'; }

sync >/dev/null || fail "first sync exited $?"
query >"$TMP/q1"
status >"$TMP/s1"
etag=$(jq -r '.offers[0].etag' < <("$CIRCUIT" pricing status --format json))

sync >"$TMP/out" 2>"$TMP/err" || fail "re-sync exited $?"
[ "$(cat "$TMP/out")" = "AmazonEC2 eu-west-1: up to date (version 20230223000000, published 2023-02-23T00:00:00Z)" ] ||
    fail "re-sync said: $(cat "$TMP/out")"
[ -s "$TMP/err" ] && fail "stderr: $(cat "$TMP/err")"
tail -n 1 "$PRICE_LOG" | grep -qxF "GET /offers/v1.0/aws/AmazonEC2/20230223000000/eu-west-1/index.csv 304 inm=$etag" ||
    fail "no conditional request: $(tail -n 1 "$PRICE_LOG")"
query | cmp -s - "$TMP/q1" || fail "a 304 changed the prices"
status | cmp -s - "$TMP/s1" || fail "a 304 changed the offer record"

# a new version: downloaded (the old ETag does not match it) and swapped in
cp "$aws/AmazonEC2/current/region_index-v2.json" "$aws/AmazonEC2/current/region_index.json"
sync >"$TMP/out" || fail "sync of v2 exited $?"
[ "$(cat "$TMP/out")" = "AmazonEC2 eu-west-1: version 20230301000000, published 2023-03-01T00:00:00Z: 32 rows kept of 32" ] ||
    fail "v2 sync said: $(cat "$TMP/out")"
[ "$(query | jq '[.matches[] | select(.attributes.instanceType == "c5.large")] | length')" = 0 ] ||
    fail "c5.large (not in v2) is still cached"
[ "$(query | jq -r '[.matches[].version] | unique | join(",")')" = 20230301000000 ] ||
    fail "mixed versions after the v2 sync"
echo ok
