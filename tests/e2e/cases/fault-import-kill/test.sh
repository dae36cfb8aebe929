#!/usr/bin/env bash
# fault-import-kill: `pricing import` killed with SIGKILL at 20 points of
# its work (SQLite calls, page writes, syncs; picked from a fixed seed among
# every point a full import reaches, and stopped exactly there by
# tests/support/pause.c) loses nothing: afterwards the cache opens,
# PRAGMA integrity_check is ok, the other price lists are untouched, and the
# imported one is the old list or the new one, whole, never a mix.  A new
# import then succeeds.
set -u
source tests/support/faults.sh
old=$FIX/prices/pricing-AmazonEC2-eu-west-1.csv
new=$FIX/prices/server/offers/v1.0/aws/AmazonEC2/20230301000000/eu-west-1/index.csv
base=$TMP/base.db
"$CIRCUIT" pricing import --cache "$base" "$old" "$FIX/prices/pricing-AWSELB-eu-west-1.csv" >/dev/null || exit 1
cache_prices "$base" AmazonEC2 eu-west-1 >"$TMP/want-old"
cache_prices "$base" AWSELB eu-west-1 >"$TMP/want-elb"
cp "$base" "$TMP/full.db"
"$CIRCUIT" pricing import --cache "$TMP/full.db" "$new" >/dev/null || exit 1
cache_prices "$TMP/full.db" AmazonEC2 eu-west-1 >"$TMP/want-new"
cmp -s "$TMP/want-old" "$TMP/want-new" && { echo "FAIL: the two versions read the same"; exit 1; }

# every point a full import of the new list reaches on a copy of the old cache
cp "$base" "$TMP/count.db"
fault_points "$TMP/points" "$CIRCUIT" pricing import --cache "$TMP/count.db" "$new" >/dev/null || exit 1
total=$(cat "$TMP/points")
[ "$total" -ge 40 ] || { echo "FAIL: only $total points"; exit 1; }

kept_old=0 kept_new=0
# 17 points from a fixed seed, and the last 3, in the commit and the
# checkpoint at close, where a kill must leave the new list whole
for n in $(fault_pick 16 17 $((total - 3))) $((total - 2)) $((total - 1)) "$total"; do
    db=$TMP/kill-$n.db
    cp "$base" "$db"
    fault_start "$n" "$CIRCUIT" pricing import --cache "$db" "$new" >/dev/null 2>&1 || exit 1
    kill -9 "$FAULT_PID"
    wait "$FAULT_PID" 2>/dev/null
    cache_check "$db" || { echo "FAIL: after a kill at point $n of $total"; exit 1; }
    "$CIRCUIT" pricing status --cache "$db" >/dev/null || { echo "FAIL: status after point $n"; exit 1; }
    cache_prices "$db" AWSELB eu-west-1 | cmp -s - "$TMP/want-elb" ||
        { echo "FAIL: point $n changed another price list"; exit 1; }
    cache_prices "$db" AmazonEC2 eu-west-1 >"$TMP/got"
    if cmp -s "$TMP/got" "$TMP/want-old"; then
        kept_old=$((kept_old + 1))
    elif cmp -s "$TMP/got" "$TMP/want-new"; then
        kept_new=$((kept_new + 1))   # killed after the commit
    else
        echo "FAIL: point $n of $total left neither list whole:"; diff "$TMP/want-old" "$TMP/got" | head
        exit 1
    fi
    "$CIRCUIT" pricing import --cache "$db" "$new" >/dev/null || { echo "FAIL: re-import after point $n"; exit 1; }
    cache_prices "$db" AmazonEC2 eu-west-1 | cmp -s - "$TMP/want-new" || { echo "FAIL: re-import after $n"; exit 1; }
    rm -f "$db" "$db-wal" "$db-shm"
done
# both outcomes must have happened, or the points did not span the commit
[ $kept_old -gt 0 ] || { echo "FAIL: no kill before the commit"; exit 1; }
[ $kept_new -gt 0 ] || { echo "FAIL: no kill after the commit"; exit 1; }
echo "20 kills of $total points: old list kept $kept_old times, new list whole $kept_new times" >&2
exit 0
