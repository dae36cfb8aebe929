# pricing-sync-http-errors: 403 and 404 fail at once (no retry) with the URL
# and the status; a 500 that persists is retried, then reported the same way.
# Nothing is written to the cache.
set -eu
source tests/support/price-server.sh
price_server_start
csv=/offers/v1.0/aws/AmazonEC2/20230223000000/eu-west-1/index.csv
# expect RULES REGION LINE REQUESTS PATTERN
expect() {
    price_control "$1"
    : >"$PRICE_LOG"
    local rc=0
    "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region "$2" --service AmazonEC2 \
        >"$TMP/out" 2>"$TMP/err" || rc=$?
    [ $rc = 2 ] || fail "$1: exit $rc, want 2"
    [ "$(cat "$TMP/err")" = "$3" ] || fail "$1: stderr: $(cat "$TMP/err")"
    [ "$(price_requests "$5")" = "$4" ] || fail "$1: requests: $(cat "$PRICE_LOG")"
}
expect '[{"path": "index.csv", "action": "status", "code": 403}]' eu-west-1 \
    "circuit: $PRICE_URL$csv: HTTP 403 Forbidden" 1 "index.csv 403"
expect '[]' us-east-1 \
    "circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/20230223000000/us-east-1/index.csv: HTTP 404 Not Found" \
    1 "index.csv 404"
expect '[{"path": "index.csv", "action": "status", "code": 500}]' eu-west-1 \
    "circuit: $PRICE_URL$csv: HTTP 500 Internal Server Error (gave up after 3 tries)" 3 "index.csv 500"
expect '[{"path": "aws/index.json", "action": "status", "code": 403}]' eu-west-1 \
    "circuit: $PRICE_URL/offers/v1.0/aws/index.json: HTTP 403 Forbidden" 1 "index.json 403"
expect '[{"path": "region_index.json", "action": "status", "code": 404}]' eu-west-1 \
    "circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/current/region_index.json: HTTP 404 Not Found" \
    1 "region_index.json 404"
[ "$("$CIRCUIT" pricing status --format json | jq '.offers | length')" = 0 ] ||
    fail "a failed sync wrote to the cache"
echo ok
