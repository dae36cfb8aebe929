# comment-token-never-shown: across success, 401, 403, 404, 5xx, a server
# error message that echoes the token, a pagination link to another host,
# a refused plain-http URL and usage errors, the token appears in no output
# and no error.
set -eu
source tests/support/forge-server.sh
marker='<!-- circuit-comment: this comment is updated in place by `circuit comment` -->'
state=$(jq -n '{repo: "octo/app", number: 7, comments: [{id: 1, body: "a"}, {id: 2, body: "b"}, {id: 3, body: "c"}]}')
forge_server_start github "$state" --page-size 1
export GITHUB_API_URL=$FORGE_URL
all=$TMP/all
: >"$all"
try() { set +e; echo body | "$CIRCUIT" comment github --repo octo/app "$@" >>"$all" 2>&1; echo "rc=$?" >>"$all"; set -e; }
try --pr 7
try --pr 9
forge_control "[{\"method\": \"POST\", \"status\": 422, \"body\": {\"message\": \"token $FORGE_TOKEN is wrong\"}}]"
try --pr 7 --behavior new
forge_control '[{"status": 403}]'; try --pr 7
forge_control '[{"status": 500}]'; try --pr 7
forge_control '[{"status": 401}]'; try --pr 7
forge_control '[{"method": "GET", "foreign_next": true}]'; try --pr 7
forge_control '[]'
GITHUB_API_URL=http://example.com try --pr 7
GITHUB_API_URL=ftp://127.0.0.1/ try --pr 7
try --pr x
GITHUB_TOKEN="$FORGE_TOKEN
x" try --pr 7
grep -q 'circuit: github: HTTP 422 on POST /repos/octo/app/issues/7/comments (the server said: token \*\*\* is wrong)' "$all" || fail "422 not scrubbed: $(cat "$all")"
grep -q "outside the API base; refusing to send the token there" "$all" || fail "foreign link followed: $(cat "$all")"
grep -q 'plain http:// is allowed only to a loopback host' "$all" || fail "http allowed"
[ "$(forge_requests GET '.' )" -ge 1 ]
! grep -qF "$FORGE_TOKEN" "$all" || fail "the token was shown: $(grep -F "$FORGE_TOKEN" "$all")"
! grep -qF "${FORGE_TOKEN:4:12}" "$all" || fail "part of the token was shown"
[ "$(grep -c '^rc=2' "$all")" = 10 ] || fail "$(cat "$all")"
