# comment-usage: what is missing or wrong is named before any request:
# platform, --mr on GitHub, --behavior, --pr, no token, no repository, a
# bad --repo, an empty body; and no-effect common flags warn.
set -u
unset GITHUB_TOKEN GITLAB_TOKEN GITHUB_REPOSITORY GITHUB_EVENT_PATH GITHUB_API_URL CI_PROJECT_ID CI_MERGE_REQUEST_IID CI_API_V4_URL CI_PROJECT_PATH
t() { echo "\$ circuit comment $*"; echo x | "$CIRCUIT" comment "$@" 2>&1; echo "rc=$?"; }
t bitbucket
t github --mr 3 --repo a/b
t gitlab --pr 3 --repo 5
t github --behavior sometimes
t github --pr 0 --repo a/b
t github --pr 3 --repo a/b
GITHUB_TOKEN=t t github --pr 3
GITHUB_TOKEN=t t github --pr 3 --repo justname
GITLAB_TOKEN=t t gitlab --repo 5
GITHUB_TOKEN=t GITHUB_API_URL=http://127.0.0.1:1 CIRCUIT_RETRIES=1 t github --pr 3 --repo a/b /dev/null
GITHUB_TOKEN=t t github --pr 3 --repo a/b --region us-east-1 /nonexistent
