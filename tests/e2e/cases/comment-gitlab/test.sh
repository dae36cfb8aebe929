# comment-gitlab: the notes API with a project path (URL-encoded), the
# PRIVATE-TOKEN header, pages by X-Next-Page, update with PUT, then
# delete-and-new, then 404 for another MR; the target comes from the
# GitLab CI variables.
set -eu
source tests/support/forge-server.sh
marker='<!-- circuit-comment: this comment is updated in place by `circuit comment` -->'
state=$(jq -n --arg m "$marker" '{repo: "grp/sub/proj", number: 12, comments: [
  {id: 1, body: "a"}, {id: 2, body: ($m + "\nold")}, {id: 3, body: "c", system: true}, {id: 4, body: "d"}]}')
forge_server_start gitlab "$state" --page-size 2 --base-path /api/v4
export CI_API_V4_URL=$FORGE_URL/api/v4 CI_PROJECT_ID=grp/sub/proj CI_MERGE_REQUEST_IID=12
echo new | "$CIRCUIT" comment gitlab >"$TMP/out" || fail "update: exit $?"
grep -qx 'updated comment 2 on gitlab grp/sub/proj#12' "$TMP/out" || fail "stdout: $(cat "$TMP/out")"
[ "$(forge_requests GET '^/api/v4/projects/grp%2Fsub%2Fproj/merge_requests/12/notes$')" = 2 ] || fail "want two pages"
[ "$(forge_requests PUT '/notes/2$')" = 1 ] || fail "want a PUT"
echo newer | "$CIRCUIT" comment gitlab --behavior delete-and-new >"$TMP/out" || fail "delete-and-new: exit $?"
[ "$(forge_state '[.comments[].id] | join(",")')" = "1,3,4,1001" ] || fail "state: $(forge_state '[.comments[].id]')"
set +e
echo x | "$CIRCUIT" comment gitlab --mr 13 >/dev/null 2>"$TMP/err"; rc=$?
set -e
[ $rc = 2 ] || fail "404: exit $rc"
grep -q '^circuit: gitlab: HTTP 404 on GET .*: no merge request 13 in grp/sub/proj, or the token in GITLAB_TOKEN cannot see it' "$TMP/err" || fail "$(cat "$TMP/err")"
forge_clean
