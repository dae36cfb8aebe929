# pricing-sync-ok: a sync walks offer index -> region index -> regional CSV,
# fills the cache exactly as importing the same file would, records version,
# ETag and source, prints one line per offer and region, and draws no
# progress line when stderr is not a terminal.
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws

"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 \
    --service AmazonEC2 --service AWSELB >"$TMP/out" 2>"$TMP/err" || fail "sync exited $?"
cat >"$TMP/want" <<'OUT'
AmazonEC2 eu-west-1: version 20230223000000, published 2023-02-23T00:00:00Z: 33 rows kept of 33
AWSELB eu-west-1: version 20230223000000, published 2023-02-23T00:00:00Z: 10 rows kept of 10
OUT
diff "$TMP/want" "$TMP/out" || fail "sync output differs"
[ -s "$TMP/err" ] && fail "stderr not empty: $(cat "$TMP/err")"

# the walk, one request each, no If-None-Match on a first sync
cat >"$TMP/want" <<'OUT'
GET /offers/v1.0/aws/index.json 200 inm=-
GET /offers/v1.0/aws/AmazonEC2/current/region_index.json 200 inm=-
GET /offers/v1.0/aws/AmazonEC2/20230223000000/eu-west-1/index.csv 200 inm=-
GET /offers/v1.0/aws/AWSELB/current/region_index.json 200 inm=-
GET /offers/v1.0/aws/AWSELB/20230223000000/eu-west-1/index.csv 200 inm=-
OUT
diff "$TMP/want" "$PRICE_LOG" || fail "unexpected requests"

# a real price, with its version
got=$("$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 --family "Compute Instance" \
    --attr instanceType=t3.medium --attr operatingSystem=Linux --attr tenancy=Shared \
    --attr preInstalledSw=NA --attr capacitystatus=Used --format json |
    jq -r '.matches[] | [.sku, .usd, .unit, .version, .publication_date] | @tsv')
[ "$got" = "$(printf '47NTBKB4KMUU98P8\t0.0456000000\tHrs\t20230223000000\t2023-02-23T00:00:00Z')" ] ||
    fail "t3.medium: $got"

# status records where the prices came from
"$CIRCUIT" pricing status --format json >"$TMP/status"
jq -e '[.offers[] | select(.service == "AmazonEC2" and .region == "eu-west-1")] | length == 1' \
    "$TMP/status" >/dev/null || fail "no AmazonEC2 eu-west-1 in status"
jq -e '.offers[] | select(.service == "AmazonEC2") |
    .version == "20230223000000" and .source == "aws" and .rows_kept == 33 and (.etag | length) > 2' \
    "$TMP/status" >/dev/null || fail "status: $(cat "$TMP/status")"

# the same prices as importing the same file
for svc in AmazonEC2 AWSELB; do
    CIRCUIT_CACHE=$TMP/imported.db "$CIRCUIT" pricing import \
        "$aws/$svc/20230223000000/eu-west-1/index.csv" >/dev/null
    "$CIRCUIT" pricing query --service $svc --region eu-west-1 --format json >"$TMP/synced.json"
    CIRCUIT_CACHE=$TMP/imported.db "$CIRCUIT" pricing query --service $svc --region eu-west-1 \
        --format json >"$TMP/imported.json"
    [ "$(jq '.matches | length' "$TMP/synced.json")" -gt 5 ] || fail "$svc: too few matches"
    cmp -s "$TMP/synced.json" "$TMP/imported.json" || fail "$svc: sync and import differ"
done
echo ok
