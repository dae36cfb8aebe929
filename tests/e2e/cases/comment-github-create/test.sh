# comment-github-create: no earlier comment -> one POST with the marker and
# the Markdown; the server's checks (auth header, Accept, API version, JSON
# body) all pass; stdout says what was done; the token is nowhere.
set -eu
source tests/support/forge-server.sh
forge_server_start github '{"repo": "octo/app", "number": 7, "comments": [{"id": 1, "body": "LGTM"}]}'
printf '## Review\n\nAll good.\n' >"$TMP/review.md"
GITHUB_API_URL=$FORGE_URL "$CIRCUIT" comment github --repo octo/app --pr 7 "$TMP/review.md" >"$TMP/out" 2>"$TMP/err" \
    || fail "exit $?: $(cat "$TMP/err")"
grep -qx 'created comment 1001 on github octo/app#7: https://github.example/octo/app/pull/7#issuecomment-1001' "$TMP/out" \
    || fail "stdout: $(cat "$TMP/out")"
[ ! -s "$TMP/err" ] || fail "stderr: $(cat "$TMP/err")"
[ "$(forge_state '.comments | length')" = 2 ] || fail "want 2 comments"
forge_state '.comments[1].body' | head -1 | grep -q '^<!-- circuit-comment' || fail "no marker first"
forge_state '.comments[1].body' | grep -qx 'All good.' || fail "body lost"
[ "$(forge_requests POST '/repos/octo/app/issues/7/comments$')" = 1 ] || fail "want one POST"
[ "$(forge_requests GET '/repos/octo/app/issues/7/comments$')" = 1 ] || fail "want one listing"
forge_clean
! grep -qF "$FORGE_TOKEN" "$TMP/out" "$TMP/err" || fail "token shown"
