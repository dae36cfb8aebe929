#!/usr/bin/env bash
# --format html with --output FILE, as for the other formats: the page goes
# to the file, nothing to stdout; without --output it goes to stdout.
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
for cmd in review cost; do
    "$CIRCUIT" "$cmd" --format html --output "$TMP/$cmd.html" fixtures/plans/web-stack.json >"$TMP/out" || fail "$cmd exited $?"
    [ -s "$TMP/out" ] && fail "$cmd wrote to stdout with --output"
    head -c 15 "$TMP/$cmd.html" | grep -q '^<!DOCTYPE html>' || fail "$cmd: $TMP/$cmd.html is not the page"
    "$CIRCUIT" "$cmd" -f html fixtures/plans/web-stack.json >"$TMP/stdout.html" || fail "$cmd -f html exited $?"
    cmp -s "$TMP/$cmd.html" "$TMP/stdout.html" || fail "$cmd: the file and stdout differ"
done
exit $((fails > 0))
