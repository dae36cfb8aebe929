# comment-github-retry: 503 twice then success -> posted after three tries;
# a rate limit (429 with Retry-After, 403 with X-RateLimit-Remaining: 0) is
# waited out (waits capped short by CIRCUIT_RETRY_MAX_MS); 5xx on every try
# gives up after CIRCUIT_RETRIES tries with exit 2.
set -eu
source tests/support/forge-server.sh
forge_server_start github '{"repo": "octo/app", "number": 7, "comments": []}'
export GITHUB_API_URL=$FORGE_URL
forge_control '[{"method": "POST", "status": 503, "times": 2}]'
echo a | "$CIRCUIT" comment github --repo octo/app --pr 7 >/dev/null || fail "5xx: exit $?"
[ "$(forge_requests POST '.')" = 3 ] || fail "want three POSTs"
forge_control '[{"method": "GET", "status": 429, "times": 1, "headers": {"Retry-After": "30"}},
                {"method": "PATCH", "status": 403, "times": 1, "headers": {"X-RateLimit-Remaining": "0"}, "body": {"message": "API rate limit exceeded"}}]'
echo b | "$CIRCUIT" comment github --repo octo/app --pr 7 >"$TMP/out" || fail "rate limit: exit $?"
grep -q '^updated comment 1001' "$TMP/out" || fail "stdout: $(cat "$TMP/out")"
[ "$(forge_requests PATCH '.')" = 2 ] || fail "want the PATCH retried once"
forge_control '[{"method": "GET", "status": 502}]'
set +e
echo c | CIRCUIT_RETRIES=2 "$CIRCUIT" comment github --repo octo/app --pr 7 >/dev/null 2>"$TMP/err"; rc=$?
set -e
[ $rc = 2 ] || fail "exhausted: exit $rc"
grep -qx 'circuit: github: HTTP 502 on GET /repos/octo/app/issues/7/comments?per_page=100 after 2 tries' "$TMP/err" || fail "$(cat "$TMP/err")"
