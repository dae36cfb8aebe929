# comment-github-env: repository from GITHUB_REPOSITORY, PR number from the
# pull_request event file, API base with a path (GitHub Enterprise) from
# GITHUB_API_URL, and the token from the variable --token-env names.
set -eu
source tests/support/forge-server.sh
forge_server_start github '{"repo": "octo/app", "number": 42, "comments": []}' --base-path /api/v3
export MY_TOKEN=$GITHUB_TOKEN; unset GITHUB_TOKEN
echo '{"action": "synchronize", "number": 42, "pull_request": {"number": 42}}' >"$TMP/event.json"
export GITHUB_REPOSITORY=octo/app GITHUB_EVENT_PATH=$TMP/event.json GITHUB_API_URL=$FORGE_URL/api/v3/
echo hi | "$CIRCUIT" comment github --token-env MY_TOKEN >"$TMP/out" || fail "exit $?"
grep -q '^created comment 1001 on github octo/app#42' "$TMP/out" || fail "stdout: $(cat "$TMP/out")"
[ "$(forge_requests POST '^/api/v3/repos/octo/app/issues/42/comments$')" = 1 ] || fail "wrong path"
echo '{"issue": {"number": 42, "pull_request": {}}}' >"$TMP/event.json"
echo hi2 | "$CIRCUIT" comment github --token-env MY_TOKEN >/dev/null || fail "issue_comment event: exit $?"
echo '{"ref": "refs/heads/main"}' >"$TMP/event.json"
set +e
echo hi | "$CIRCUIT" comment github --token-env MY_TOKEN 2>"$TMP/err"; rc=$?
set -e
[ $rc = 2 ] || fail "push event: exit $rc"
grep -q '^circuit: github: no pull request number: give --pr N' "$TMP/err" || fail "$(cat "$TMP/err")"
forge_clean
