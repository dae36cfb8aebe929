# readme-commands: every command in the README's ```sh blocks runs, in a
# folder holding a real terraform plan beside its .tf files (the
# ci-source-map scenario) with circuit on PATH, a stand-in `terraform` that
# plays back that plan, and a fake GitHub API for `circuit comment`.  Each
# exits 0, or 1 where a gate fails on purpose; never 2.  `make` lines run
# with -n (make check would run this test again), except `make review`,
# which runs.  The circuit lines of the ```yaml blocks parse
# (CIRCUIT_CHECK_ARGS=1).  And the README stays within 300 lines and never
# suggests committing plan.json.
set -eu
root=$PWD
source tests/support/forge-server.sh
[ "$(wc -l <README.md)" -le 300 ] || fail "README.md has $(wc -l <README.md) lines"
! grep -Eiq 'commit(ting)? .?plan\.json' README.md || grep -Eiq 'do not commit|not committed' README.md || fail "README suggests committing plan.json"
grep -qxF 'make review     # build, then review the bundled example plan (fixtures/plans/web-stack.json)' README.md || fail "quick start changed"
grep -qxF 'make check      # build and run every test (unit, end-to-end, plan corpus)' README.md || fail "quick start changed"

work=$TMP/work bin=$TMP/bin
mkdir -p "$work" "$bin"
cp -R tests/scenarios/ci-source-map/. "$work/"
cp "$FIX/scenarios/ci-source-map.json" "$work/plan.json"
cp "$work/plan.json" "$TMP/played-back.json"
printf 'version: 0.1\nresource_usage:\n  module.storage["logs"].aws_s3_bucket.this:\n    standard:\n      storage_gb: 100\n' >"$work/usage.yml"
ln -s "$CIRCUIT" "$bin/circuit"
cat >"$bin/terraform" <<T
#!/bin/sh
# stand-in: "plan -out F" writes F, "show -json F" prints the recorded plan
case "\$1" in
plan) touch tfplan ;;
show) cat "$TMP/played-back.json" ;;
*) echo "terraform stand-in: \$*" >&2; exit 2 ;;
esac
T
chmod +x "$bin/terraform"
forge_server_start github '{"repo": "octo/app", "number": 7, "comments": []}'
echo '{"pull_request": {"number": 7}}' >"$TMP/event.json"
export GITHUB_API_URL=$FORGE_URL GITHUB_REPOSITORY=octo/app GITHUB_EVENT_PATH=$TMP/event.json
export PATH="$bin:$PATH"
"$CIRCUIT" review "$work/plan.json" >"$work/review.md" || [ $? = 1 ]

python3 - README.md >"$TMP/lines" <<'PY'
import re, sys
kind = None
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if line.startswith("```"):
        kind = line[3:].strip() if kind is None else None
        continue
    if kind == "sh" and line.strip():
        print("sh\t" + line)
    elif kind == "yaml":
        m = re.search(r"(?:run:|^\s*-)\s+(circuit\s.*)", line)
        if m:
            print("yaml\t" + m.group(1).split(" || ")[0])
PY
n=0
while IFS=$'\t' read -r kind line; do
    n=$((n + 1))
    if [ "$kind" = yaml ]; then
        (cd "$work" && CIRCUIT_CHECK_ARGS=1 bash -c "$line") >/dev/null 2>"$TMP/err" || fail "yaml line does not parse: $line: $(cat "$TMP/err")"
        continue
    fi
    case $line in
        "make review"*) (cd "$root" && make -s review BUILD="${BUILD:-build}" >/dev/null 2>"$TMP/err") || fail "$line: $(cat "$TMP/err")"; continue ;;
        make*) (cd "$root" && bash -c "${line/make/make -n BUILD=${BUILD:-build}}" >/dev/null 2>"$TMP/err") || fail "$line: $(cat "$TMP/err")"; continue ;;
    esac
    set +e
    (cd "$work" && bash -c "set -o pipefail; $line") >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
    set -e
    [ $rc = 0 ] || [ $rc = 1 ] || fail "exit $rc: $line: $(head -3 "$TMP/err")"
    [ -s "$TMP/out" ] || grep -q -- '--output\|> plan.json' <<<"$line" || fail "no output: $line"
done <"$TMP/lines"
[ $n -ge 20 ] || fail "only $n README lines found"
[ "$(forge_requests POST '/issues/7/comments$')" = 1 ] || fail "the README's comment line did not post"
forge_clean
echo "ran $n README lines"
