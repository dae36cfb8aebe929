#!/usr/bin/env bash
# run.sh — end-to-end cases: run the built binary the way a user would and
# compare what it prints.  Each case is a folder under tests/e2e/cases/:
#   what      one line: what the case checks (printed with its result)
#   cmd       one shell line; $CIRCUIT is the binary, $SHARED fixtures/external (copies of shared source data),
#             $FIX the fixtures folder, $TMP a scratch folder for the case
#   test.sh   instead of cmd, a script that exits 0 on success (same vars)
#   rc        expected exit status (default 0)
#   stdout    expected stdout, byte for byte (optional)
#   stderr    expected stderr, byte for byte (optional)
#   stdout.has / stderr.has   lines that must appear (fixed strings; optional)
#   stdout.not                lines that must not appear (optional)
# Every case runs with a fresh empty price cache, no AWS_* region variables,
# NO_COLOR=1, LC_ALL=C and CIRCUIT_DATE=2026-11-27.  UPDATE=1 rewrites stdout/stderr goldens.
#
# Cases run JOBS at a time (default 2); each prints one line, "ok   NAME  what"
# or "FAIL NAME  what" and why, in case-name order whatever order they finish
# in.  A case without a `what` file prints the first comment of its test.sh
# or its cmd instead, marked "(no what file)".  The last line is
# "e2e: N passed, N failed" (tests/run-all.sh reads it).
# Usage: [JOBS=N] run.sh [CASE-NAME-PATTERN]
set -u
shopt -s nullglob
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
export CIRCUIT="$root/$BUILD/circuit" SHARED="$root/fixtures/external" FIX="$root/fixtures"
# Date-dependent prices (EKS extended support) are evaluated as of a fixed day.
export NO_COLOR=1 LC_ALL=C CIRCUIT_DATE=${CIRCUIT_DATE:-2026-11-27}
unset AWS_REGION AWS_DEFAULT_REGION CIRCUIT_PRICING_URL XDG_CACHE_HOME
pattern=${1:-}
jobs=${JOBS:-2}
[[ "$jobs" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: JOBS must be a positive number, not '$jobs'" >&2; exit 2; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# what_of DIR: the case's one-line description.
what_of() {
    local dir=$1 line
    if [ -f "$dir/what" ]; then
        head -n 1 "$dir/what"; return
    fi
    if [ -f "$dir/test.sh" ]; then
        line=$(grep -m 1 '^# ' "$dir/test.sh" | sed 's/^# //')
    else
        line=$(head -n 1 "$dir/cmd" 2>/dev/null)
    fi
    printf '(no what file) %.100s\n' "$line"
}

# run_case DIR OUT: runs one case; OUT gets "ok" or "FAIL" on its first line,
# then the reasons.
run_case() {
    local dir=$1 out=$2 name rc want_rc ok why stream got line
    name=$(basename "$dir")
    TMP=$(mktemp -d); export TMP
    export CIRCUIT_CACHE="$TMP/pricing.db" HOME="$TMP/home"
    mkdir -p "$HOME"
    want_rc=0; [ -f "$dir/rc" ] && want_rc=$(cat "$dir/rc")
    if [ -f "$dir/test.sh" ]; then
        bash "$dir/test.sh" >"$TMP/.out" 2>"$TMP/.err" </dev/null; rc=$?
    else
        bash -c "$(cat "$dir/cmd")" >"$TMP/.out" 2>"$TMP/.err" </dev/null; rc=$?
    fi
    ok=1 why=""
    [ "$rc" = "$want_rc" ] || { ok=0; why="exit $rc, want $want_rc"; }
    for stream in stdout stderr; do
        got="$TMP/.out"; [ $stream = stderr ] && got="$TMP/.err"
        if [ -f "$dir/$stream" ]; then
            if [ "${UPDATE:-}" = 1 ]; then cp "$got" "$dir/$stream"
            elif ! cmp -s "$got" "$dir/$stream"; then
                ok=0; why="$why; $stream differs:
$(diff "$dir/$stream" "$got" | head -20)"
            fi
        fi
        if [ -f "$dir/$stream.has" ]; then
            while IFS= read -r line; do
                [ -z "$line" ] && continue
                grep -qF -- "$line" "$got" || { ok=0; why="$why; $stream lacks: $line"; }
            done <"$dir/$stream.has"
        fi
    done
    if [ -f "$dir/stdout.not" ]; then
        while IFS= read -r line; do
            [ -z "$line" ] && continue
            grep -qF -- "$line" "$TMP/.out" "$TMP/.err" && { ok=0; why="$why; output has: $line"; }
        done <"$dir/stdout.not"
    fi
    {
        if [ $ok = 1 ]; then
            echo ok
        else
            echo FAIL
            echo "  ${why#; }"
            [ -s "$TMP/.err" ] && { echo "  stderr:"; head -5 "$TMP/.err" | sed 's/^/    /'; }
        fi
    } >"$out.tmp"
    mv "$out.tmp" "$out"
    rm -rf "$TMP"
}

dirs=()
for dir in tests/e2e/cases/*/; do
    name=$(basename "$dir")
    [ -n "$pattern" ] && [[ "$name" != *$pattern* ]] && continue
    dirs+=("${dir%/}")
done

width=0
for dir in "${dirs[@]}"; do n=$(basename "$dir"); [ ${#n} -gt $width ] && width=${#n}; done

passed=0 failed=0 failures=()
next=0      # index of the next case to report
running=0
# report_ready: prints, in order, every finished case from $next on.
report_ready() {
    local dir name res status
    while [ $next -lt ${#dirs[@]} ]; do
        dir=${dirs[$next]}; name=$(basename "$dir"); res="$results/$next"
        [ -f "$res" ] || return 0
        status=$(head -n 1 "$res")
        if [ "$status" = ok ]; then
            passed=$((passed + 1))
            printf 'ok   %-*s  %s\n' "$width" "$name" "$(what_of "$dir")"
        else
            failed=$((failed + 1)); failures+=("$name")
            printf 'FAIL %-*s  %s\n' "$width" "$name" "$(what_of "$dir")"
            tail -n +2 "$res"
        fi
        next=$((next + 1))
    done
}

for i in "${!dirs[@]}"; do
    while [ $running -ge "$jobs" ]; do
        wait -n 2>/dev/null
        running=$((running - 1))
        report_ready
    done
    run_case "${dirs[$i]}" "$results/$i" &
    running=$((running + 1))
done
wait
report_ready
[ ${#failures[@]} -gt 0 ] && echo "failed cases: ${failures[*]}"
echo "e2e: $passed passed, $failed failed"
[ $failed -eq 0 ]
