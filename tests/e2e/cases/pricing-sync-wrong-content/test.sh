# pricing-sync-wrong-content: a 200 whose body is not a price-list CSV (an
# HTML error page, JSON, a CSV of something else) fails with a clear error,
# exit 2, and leaves the previous prices exactly as they were; so does an
# index file that is not JSON.
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
csv=/offers/v1.0/aws/AmazonEC2/20230301000000/eu-west-1/index.csv
sync() { "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2; }
snapshot() {
    "$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 --format json
    "$CIRCUIT" pricing status --format json | jq -c '.offers[] | del(.age_seconds)'
}
# expect_failure RULES TEXT...: the sync fails with one stderr line holding
# every TEXT, and the prices are intact
expect_failure() {
    local rules=$1 rc=0 text
    shift
    price_control "$rules"
    sync >"$TMP/out" 2>"$TMP/err" || rc=$?
    [ $rc = 2 ] || fail "$rules: exit $rc, want 2"
    for text in "$@"; do
        grep -qF -- "$text" "$TMP/err" || fail "$rules: stderr: $(cat "$TMP/err")"
    done
    [ "$(wc -l <"$TMP/err")" = 1 ] || fail "$rules: stderr: $(cat "$TMP/err")"
    snapshot | cmp -s - "$TMP/before" || fail "$rules: the old prices changed"
}

sync >/dev/null || fail "first sync exited $?"
snapshot >"$TMP/before"
cp "$aws/AmazonEC2/current/region_index-v2.json" "$aws/AmazonEC2/current/region_index.json"

expect_failure '[{"path": "index.csv", "action": "body", "type": "text/html; charset=utf-8",
                  "body": "<!DOCTYPE html><html><body>Service Unavailable</body></html>"}]' \
    "circuit: $PRICE_URL$csv: expected a CSV price list, got Content-Type text/html; charset=utf-8; the cache keeps its previous prices"
expect_failure '[{"path": "index.csv", "action": "body", "type": "text/csv",
                  "body": "\n<html><body>Access Denied</body></html>"}]' \
    "circuit: $PRICE_URL$csv: the server sent an HTML page, not a CSV price list; the cache keeps its previous prices"
expect_failure '[{"path": "index.csv", "action": "body", "type": "application/octet-stream",
                  "body": "{\"formatVersion\": \"v1.0\", \"products\": {}}"}]' \
    "circuit: $PRICE_URL$csv: the server sent JSON, not a CSV price list"
expect_failure '[{"path": "index.csv", "action": "body", "type": "text/csv",
                  "body": "name,size,colour\nbolt,3,grey\nnut,2,grey\n"}]' \
    "circuit: $PRICE_URL$csv: " "missing required column(s)"
expect_failure '[{"path": "index.csv", "action": "body", "type": "text/csv", "body": ""}]' \
    "circuit: $PRICE_URL$csv: " "empty"
expect_failure '[{"path": "aws/index.json", "action": "body", "type": "text/html",
                  "body": "<html><body>Please sign in</body></html>"}]' \
    "circuit: $PRICE_URL/offers/v1.0/aws/index.json: expected a JSON index file, got an HTML page"
expect_failure '[{"path": "region_index.json", "action": "body", "type": "application/json",
                  "body": "{\"formatVersion\": \"v1.0\"}"}]' \
    "circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/current/region_index.json: not a price-list index"
# a flood of malformed rows in a real header's file
v2=$aws/AmazonEC2/20230301000000/eu-west-1/index.csv
{ head -n 6 "$v2"; for i in $(seq 1500); do echo "\"BAD$i\",\"JRTCKXETXF\",\"x\",\"OnDemand\""; done; } >"$TMP/flood.csv"
cp "$TMP/flood.csv" "$v2"
expect_failure '[]' "circuit: $PRICE_URL$csv: " "malformed rows" "4 fields where the header has 91"
echo ok
