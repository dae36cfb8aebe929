# comment-github-delete-and-new: both of circuit's earlier comments are
# deleted and one new comment is added at the end; others are left alone.
# --behavior new adds one more without touching the old ones.
set -eu
source tests/support/forge-server.sh
marker='<!-- circuit-comment: this comment is updated in place by `circuit comment` -->'
state=$(jq -n --arg m "$marker" '{repo: "octo/app", number: 7, comments: [
  {id: 1, body: ($m + "\nv1")}, {id: 2, body: "human"}, {id: 3, body: ($m + "\nv2")}]}')
forge_server_start github "$state" --page-size 2
export GITHUB_API_URL=$FORGE_URL
echo v3 | "$CIRCUIT" comment github --repo octo/app --pr 7 --behavior delete-and-new >"$TMP/out" || fail "exit $?"
grep -q '^created comment 1001 on github octo/app#7 (2 earlier deleted)' "$TMP/out" || fail "stdout: $(cat "$TMP/out")"
[ "$(forge_requests DELETE '/issues/comments/(1|3)$')" = 2 ] || fail "want two DELETEs"
[ "$(forge_state '[.comments[].id] | join(",")')" = "2,1001" ] || fail "state: $(forge_state '[.comments[].id]')"
echo v4 | "$CIRCUIT" comment github --repo octo/app --pr 7 --behavior new >"$TMP/out" || fail "exit $?"
[ "$(forge_state '[.comments[].id] | join(",")')" = "2,1001,1002" ] || fail "new: $(forge_state '[.comments[].id]')"
[ "$(forge_requests GET '.')" = 2 ] || fail "--behavior new should not list"
forge_clean
