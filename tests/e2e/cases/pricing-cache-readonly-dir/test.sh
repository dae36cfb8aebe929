#!/usr/bin/env bash
# A cache in a place nobody may write: a clear error naming the place, exit 2,
# whichever command asks.  /proc refuses new files even to root; as a normal
# user a chmod 555 directory does too.
set -u
if [ "$(id -u)" = 0 ]; then dir=/proc/circuit-e2e; else dir="$TMP/ro"; mkdir -p "$dir"; chmod 555 "$dir"; fi
for cmd in "pricing status" "pricing import $FIX/prices/pricing-AWSELB-eu-west-1.csv" \
           "pricing query --service AWSELB --region eu-west-1"; do
    # shellcheck disable=SC2086
    "$CIRCUIT" $cmd --cache "$dir/pricing.db" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ $rc = 2 ] || { echo "$cmd: exit $rc"; exit 1; }
    [ -s "$TMP/out" ] && { echo "$cmd: wrote to stdout"; exit 1; }
    grep -q "^circuit: $dir/pricing.db: cannot create" "$TMP/err" || { cat "$TMP/err"; exit 1; }
done
[ "$(id -u)" = 0 ] || chmod 755 "$dir"
exit 0
