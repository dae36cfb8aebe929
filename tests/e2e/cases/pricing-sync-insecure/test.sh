# pricing-sync-insecure: plain http:// is refused for any host that is not
# loopback — as --endpoint, as CIRCUIT_PRICING_URL, inside an index file and
# as a redirect target — before anything is sent to it; other schemes too.
set -eu
source tests/support/price-server.sh
# refused RC LINE ARGS...: the sync exits RC with exactly LINE on stderr
refused() {
    local want_rc=$1 line=$2 rc=0
    shift 2
    "$CIRCUIT" pricing sync --region eu-west-1 --service AmazonEC2 "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
    [ $rc = "$want_rc" ] || fail "$*: exit $rc, want $want_rc"
    [ "$(cat "$TMP/err")" = "$line" ] || fail "$*: stderr: $(cat "$TMP/err")"
    [ -s "$TMP/out" ] && fail "$*: stdout: $(cat "$TMP/out")"
    return 0
}
rule="plain http:// is allowed only to a loopback host (localhost, 127.0.0.0/8, [::1]); use https://"
refused 2 "circuit: --endpoint: http://pricing.example.com: $rule" --endpoint http://pricing.example.com
refused 2 "circuit: --endpoint: http://127.0.0.1.nip.io:8080/: $rule" --endpoint http://127.0.0.1.nip.io:8080/
CIRCUIT_PRICING_URL=http://10.1.2.3:8080 refused 2 "circuit: CIRCUIT_PRICING_URL: http://10.1.2.3:8080: $rule"
refused 2 "circuit: --endpoint: ftp://127.0.0.1/: unsupported scheme \"ftp\": price lists are fetched over https:// (or http:// to a loopback host)" \
    --endpoint ftp://127.0.0.1/

price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
# an index file pointing elsewhere over plain http
jq '.offers.AmazonEC2.currentRegionIndexUrl = "http://pricing.example.com/offers/v1.0/aws/AmazonEC2/current/region_index.json"' \
    "$aws/index.json" >"$TMP/index.json" && cp "$TMP/index.json" "$aws/index.json"
refused 2 "circuit: http://pricing.example.com/offers/v1.0/aws/AmazonEC2/current/region_index.json: index file points here: $rule" \
    --endpoint "$PRICE_URL"
cp "$FIX/prices/server/offers/v1.0/aws/index.json" "$aws/index.json"
# a redirect to plain http elsewhere
price_control '[{"path": "region_index.json", "action": "redirect", "to": "http://mirror.example.net/region_index.json"}]'
refused 2 "circuit: $PRICE_URL/offers/v1.0/aws/AmazonEC2/current/region_index.json: refusing redirect to http://mirror.example.net/region_index.json: $rule" \
    --endpoint "$PRICE_URL"
# a redirect to loopback is followed
price_control '[{"path": "region_index.json", "action": "redirect", "times": 1,
                 "to": "/offers/v1.0/aws/AmazonEC2/current/region_index.json"}]'
"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2 >/dev/null ||
    fail "a loopback redirect was not followed"
echo ok
