# comment-github-update-pages: circuit's earlier comment is on the third page
# of the listing (two comments a page, next page from the Link header); the
# default behaviour edits it with PATCH and adds nothing.  A second run with
# the same text changes nothing (no PATCH); a run from stdin edits it again.
set -eu
source tests/support/forge-server.sh
marker='<!-- circuit-comment: this comment is updated in place by `circuit comment` -->'
state=$(jq -n --arg m "$marker" '{repo: "octo/app", number: 7, comments: [
  {id: 1, body: "first"}, {id: 2, body: "second"}, {id: 3, body: "third"}, {id: 4, body: "fourth"},
  {id: 5, body: ($m + "\nold review")}]}')
forge_server_start github "$state" --page-size 2
export GITHUB_API_URL=$FORGE_URL
echo "new review" >"$TMP/r.md"
"$CIRCUIT" comment github --repo octo/app --pr 7 "$TMP/r.md" >"$TMP/out" || fail "exit $?"
grep -q '^updated comment 5 on github octo/app#7' "$TMP/out" || fail "stdout: $(cat "$TMP/out")"
[ "$(forge_requests GET 'issues/7/comments$')" = 3 ] || fail "want three pages"
[ "$(forge_requests PATCH '/repos/octo/app/issues/comments/5$')" = 1 ] || fail "want one PATCH of 5"
[ "$(forge_requests POST '.')" = 0 ] || fail "no POST wanted"
[ "$(forge_state '.comments | length')" = 5 ] || fail "count changed"
forge_state '.comments[4].body' | grep -qx 'new review' || fail "not updated"
"$CIRCUIT" comment github --repo octo/app --pr 7 "$TMP/r.md" >"$TMP/out2" || fail "exit $?"
grep -q '^unchanged comment 5' "$TMP/out2" || fail "second run: $(cat "$TMP/out2")"
[ "$(forge_requests PATCH '.')" = 1 ] || fail "an unchanged comment was patched"
echo "third review" | "$CIRCUIT" comment github --repo octo/app --pr 7 - >/dev/null || fail "stdin run exit $?"
forge_state '.comments[4].body' | grep -qx 'third review' || fail "stdin not posted"
forge_clean
