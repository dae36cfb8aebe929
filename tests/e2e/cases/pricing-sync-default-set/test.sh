# pricing-sync-default-set: with no --service, sync fetches every offer the
# cost models read (in order) that the endpoint carries and skips (with a warning) those it does not;
# with no --region, the region comes from AWS_REGION, then
# AWS_DEFAULT_REGION; the endpoint from CIRCUIT_PRICING_URL.
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
# a mirror carrying four of the default offers (and one other)
jq '.offers |= with_entries(select(.key | IN("AmazonEC2", "AWSELB", "AmazonRDS", "AmazonElastiCache", "comprehend")))' \
    "$aws/index.json" >"$TMP/index.json" && cp "$TMP/index.json" "$aws/index.json"
export CIRCUIT_PRICING_URL=$PRICE_URL AWS_DEFAULT_REGION=eu-west-1
"$CIRCUIT" pricing sync >"$TMP/out" 2>"$TMP/err" || fail "sync exited $?: $(cat "$TMP/err")"
cat >"$TMP/want" <<'OUT'
AWSELB eu-west-1: version 20230223000000, published 2023-02-23T00:00:00Z: 10 rows kept of 10
AmazonEC2 eu-west-1: version 20230223000000, published 2023-02-23T00:00:00Z: 33 rows kept of 33
AmazonElastiCache eu-west-1: version 20230223000000, published 2023-02-23T00:00:00Z: 2 rows kept of 2
AmazonRDS eu-west-1: version 20230223000000, published 2023-02-23T00:00:00Z: 228 rows kept of 228
OUT
diff "$TMP/want" "$TMP/out" || fail "stdout differs"
# the default set is every offer the cost models read (circuit cost --list-types), in order
for svc in $("$CIRCUIT" cost --list-types --format json | jq -r '.offers[]' | grep -vxE 'AmazonEC2|AWSELB|AmazonRDS|AmazonElastiCache'); do
    grep -qxF "circuit: warning: $svc: not in the offer index at $PRICE_URL; skipped" "$TMP/err" ||
        fail "no warning for $svc: $(cat "$TMP/err")"
done
[ "$(wc -l <"$TMP/err")" = $(( $("$CIRCUIT" cost --list-types --format json | jq '.offers | length') - 4 )) ] ||
    fail "stderr: $(cat "$TMP/err")"
grep -q comprehend "$PRICE_LOG" && fail "fetched an offer outside the default set"

# AWS_REGION wins over AWS_DEFAULT_REGION; a default offer without that region is skipped
AWS_REGION=us-east-1 "$CIRCUIT" pricing sync --service AWSELB >"$TMP/out" 2>"$TMP/err" && fail "no error"
[ "$(cat "$TMP/err")" = "circuit: $PRICE_URL/offers/v1.0/aws/AWSELB/current/region_index.json: AWSELB has no price list for region \"us-east-1\"; available: eu-west-1" ] ||
    fail "stderr: $(cat "$TMP/err")"
# a region none of them carries: four skipped regions, the other offers skipped, nothing to do
rc=0
AWS_REGION=eu-west-3 "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" >"$TMP/out" 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "eu-west-3 default set: exit $rc"
for svc in AmazonEC2 AmazonRDS AWSELB AmazonElastiCache; do
    grep -qxF "circuit: warning: $svc: no price list for region eu-west-3; skipped" "$TMP/err" ||
        fail "no warning for $svc: $(cat "$TMP/err")"
done
[ "$(tail -n 1 "$TMP/err")" = "circuit: $PRICE_URL: nothing to sync: every offer or region asked for was skipped ($("$CIRCUIT" cost --list-types --format json | jq '.offers | length'), see the warnings)" ] ||
    fail "stderr: $(cat "$TMP/err")"
echo ok
