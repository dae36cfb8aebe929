# comment-github-errors: 401 (a wrong token), 403 (no permission) and 404
# (no such pull request) each exit 2 with one line that says what to check
# and names the variable, never the token.
set -eu
source tests/support/forge-server.sh
forge_server_start github '{"repo": "octo/app", "number": 7, "comments": []}'
export GITHUB_API_URL=$FORGE_URL
run() { set +e; echo hi | "$CIRCUIT" comment github --repo octo/app "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?; set -e; }
GITHUB_TOKEN=wrong-$FORGE_TOKEN run --pr 7
[ $rc = 2 ] || fail "401: exit $rc"
grep -qx 'circuit: github: HTTP 401 on GET /repos/octo/app/issues/7/comments?per_page=100: the token in GITHUB_TOKEN was refused; check that it is set, valid and not expired (the server said: Bad credentials)' "$TMP/err" \
    || fail "401: $(cat "$TMP/err")"
run --pr 8
[ $rc = 2 ] || fail "404: exit $rc"
grep -q '^circuit: github: HTTP 404 on GET .*: no pull request 8 in octo/app, or the token in GITHUB_TOKEN cannot see it' "$TMP/err" \
    || fail "404: $(cat "$TMP/err")"
forge_control '[{"method": "POST", "status": 403, "body": {"message": "Resource not accessible by integration"}}]'
run --pr 7
[ $rc = 2 ] || fail "403: exit $rc"
grep -q '^circuit: github: HTTP 403 on POST /repos/octo/app/issues/7/comments: the token in GITHUB_TOKEN may not do this; it needs pull-requests: write' "$TMP/err" \
    || fail "403: $(cat "$TMP/err")"
[ "$(wc -l <"$TMP/err")" = 1 ] || fail "more than one line"
[ ! -s "$TMP/out" ] || fail "stdout on error"
[ "$(forge_requests POST '.')" = 1 ] || fail "a 403 without rate-limit headers is not retried"
