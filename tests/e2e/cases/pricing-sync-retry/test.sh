# pricing-sync-retry: transient failures are retried with backoff and the
# sync succeeds — a 503 on the offer index, a 500 on the CSV, a connection
# cut mid-body, a stalled body — each once.
set -eu
source tests/support/price-server.sh
price_server_start
price_control '[
  {"path": "aws/index.json", "action": "status", "code": 503, "times": 1},
  {"path": "index.csv", "action": "status", "code": 500, "times": 1},
  {"path": "index.csv", "action": "drop", "times": 1},
  {"path": "index.csv", "action": "stall", "seconds": 5, "times": 1}
]'
export CIRCUIT_RETRIES=4
"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2 \
    >"$TMP/out" 2>"$TMP/err" || fail "sync exited $?: $(cat "$TMP/err")"
grep -qF "AmazonEC2 eu-west-1: version 20230223000000, published 2023-02-23T00:00:00Z: 33 rows kept of 33" \
    "$TMP/out" || fail "output: $(cat "$TMP/out")"
csv=/offers/v1.0/aws/AmazonEC2/20230223000000/eu-west-1/index.csv
cat >"$TMP/want" <<OUT
GET /offers/v1.0/aws/index.json 503 inm=-
GET /offers/v1.0/aws/index.json 200 inm=-
GET /offers/v1.0/aws/AmazonEC2/current/region_index.json 200 inm=-
GET $csv 500 inm=-
GET $csv 200-drop inm=-
GET $csv 200-stall inm=-
GET $csv 200 inm=-
OUT
diff "$TMP/want" "$PRICE_LOG" || fail "unexpected requests"
[ "$("$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 --format json | jq '.matches | length')" = 33 ] ||
    fail "not all rows cached after the retries"
echo ok
