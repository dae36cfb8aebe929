#!/usr/bin/env bash
# A cache that cannot be created, in a place nobody may write: `pricing
# status` and `pricing import` give a clear error naming the place (exit 2);
# commands that price (`pricing query`, `cost`, `review`) fall back to a
# temporary cache filled from the bundled snapshot, after one warning that
# says why.  /proc refuses new files even to root; as a normal user a chmod
# 555 directory does too.
set -u
if [ "$(id -u)" = 0 ]; then dir=/proc/circuit-e2e; else dir="$TMP/ro"; mkdir -p "$dir"; chmod 555 "$dir"; fi
for cmd in "pricing status" "pricing import $FIX/prices/pricing-AWSELB-eu-west-1.csv"; do
    # shellcheck disable=SC2086
    "$CIRCUIT" $cmd --cache "$dir/pricing.db" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ $rc = 2 ] || { echo "$cmd: exit $rc"; exit 1; }
    [ -s "$TMP/out" ] && { echo "$cmd: wrote to stdout"; exit 1; }
    grep -q "^circuit: $dir/pricing.db: cannot create" "$TMP/err" || { cat "$TMP/err"; exit 1; }
done
for cmd in "pricing query --service AWSELB --region eu-west-1" "cost $FIX/plans/web-stack.json" \
           "review $FIX/plans/web-stack.json"; do
    # shellcheck disable=SC2086
    TMPDIR=$TMP "$CIRCUIT" $cmd --cache "$dir/pricing.db" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ $rc = 0 ] || { echo "$cmd: exit $rc"; cat "$TMP/err"; exit 1; }
    [ -s "$TMP/out" ] || { echo "$cmd: nothing on stdout"; exit 1; }
    [ "$(wc -l <"$TMP/err")" = 1 ] || { echo "$cmd: want one warning:"; cat "$TMP/err"; exit 1; }
    grep -q "^circuit: warning: price cache: $dir/pricing.db: cannot create .*; using a temporary cache filled from the bundled snapshot" "$TMP/err" ||
        { cat "$TMP/err"; exit 1; }
    # the temporary cache goes with the run
    ls "$TMP" | grep -q circuit-cache && { echo "$cmd: left its temporary cache behind"; exit 1; }
done
[ "$(id -u)" = 0 ] || chmod 755 "$dir"
exit 0
