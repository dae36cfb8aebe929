# pricing-sync-unknown: an offer code or region the index does not list is an
# error that shows the closest names it does list; nothing is cached.
set -eu
source tests/support/price-server.sh
price_server_start
rc=0
"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEc2 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "unknown service: exit $rc"
[ "$(cat "$TMP/err")" = "circuit: $PRICE_URL/offers/v1.0/aws/index.json: unknown service \"AmazonEc2\"; available: AmazonEC2, AmazonECR, AmazonECS, AmazonECRPublic, AmazonEI, AmazonES, AmazonEFS, AmazonEKS, AmazonETS, AmazonEVS, ... (242 in all)" ] ||
    fail "stderr: $(cat "$TMP/err")"

rc=0
"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-9 --service AmazonEC2 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "unknown region: exit $rc"
[ "$(cat "$TMP/err")" = "circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/current/region_index.json: AmazonEC2 has no price list for region \"eu-west-9\"; available: eu-west-1, us-east-1" ] ||
    fail "stderr: $(cat "$TMP/err")"

# the real EC2 region index (101 codes): the list is short, closest first
cp "$SHARED/data/aws-prices/awsInstanceData/AmazonEC2-region_index.json" \
    "$PRICE_WWW/offers/v1.0/aws/AmazonEC2/current/region_index.json"
rc=0
"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-7 --service AmazonEC2 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "unknown region (real index): exit $rc"
grep -qF 'AmazonEC2 has no price list for region "eu-west-7"; available: eu-west-1, eu-west-2, eu-west-3, ' "$TMP/err" ||
    fail "stderr: $(cat "$TMP/err")"
grep -qF '(101 in all)' "$TMP/err" || fail "stderr: $(cat "$TMP/err")"
[ "$("$CIRCUIT" pricing status --format json | jq '.offers | length')" = 0 ] || fail "something was cached"
echo ok
