#!/usr/bin/env bash
# run.sh — end-to-end cases: run the built binary the way a user would and
# compare what it prints.  Each case is a folder under tests/e2e/cases/:
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
# Usage: run.sh [CASE-NAME-PATTERN]
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
passed=0 failed=0 failures=()

for dir in tests/e2e/cases/*/; do
    name=$(basename "$dir")
    [ -n "$pattern" ] && [[ "$name" != *$pattern* ]] && continue
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
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1)); failures+=("$name")
        echo "FAIL $name: $why"
        [ -s "$TMP/.err" ] && { echo "  stderr:"; head -5 "$TMP/.err" | sed 's/^/    /'; }
    fi
    rm -rf "$TMP"
done
[ ${#failures[@]} -gt 0 ] && echo "failed cases: ${failures[*]}"
echo "e2e: $passed passed, $failed failed"
[ $failed -eq 0 ]
