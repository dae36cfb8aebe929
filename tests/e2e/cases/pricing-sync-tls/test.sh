# pricing-sync-tls: https always verifies the certificate and the host name.
# A server with a self-signed certificate is refused, as is a plain-http
# server spoken to over https; each is a clear error, exit 2, and not retried.
set -eu
source tests/support/price-server.sh
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$TMP/key.pem" -out "$TMP/cert.pem" 2>/dev/null || fail "openssl could not make a certificate"
price_server_start "$FIX/prices/server" --tls "$TMP/cert.pem" "$TMP/key.pem"
case $PRICE_URL in https://*) ;; *) fail "not an https server: $PRICE_URL" ;; esac
rc=0
"$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2 \
    >"$TMP/out" 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "self-signed: exit $rc, want 2"
[ "$(cat "$TMP/err")" = "circuit: $PRICE_URL/offers/v1.0/aws/index.json: TLS failure: SSL certificate problem: self-signed certificate (certificates are always verified)" ] ||
    fail "self-signed: stderr: $(cat "$TMP/err")"
[ -s "$PRICE_LOG" ] && fail "a request got through: $(cat "$PRICE_LOG")"
price_server_stop

price_server_start
rc=0
"$CIRCUIT" pricing sync --endpoint "${PRICE_URL/http:/https:}" --region eu-west-1 --service AmazonEC2 \
    >"$TMP/out" 2>"$TMP/err" || rc=$?
[ $rc = 2 ] || fail "plain server: exit $rc, want 2"
grep -qE "^circuit: https://127\.0\.0\.1:[0-9]+/offers/v1\.0/aws/index\.json: TLS failure: .* \(certificates are always verified\)$" "$TMP/err" ||
    fail "plain server: stderr: $(cat "$TMP/err")"
[ "$("$CIRCUIT" pricing status --format json | jq '.offers | length')" = 0 ] || fail "something was cached"
echo ok
