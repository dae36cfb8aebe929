#!/usr/bin/env bash
# fault-sync-kill: `pricing sync` against a local server, killed with
# SIGKILL at 20 points of its work on the cache (17 from a fixed seed, the
# last 3), loses nothing: the cache opens, PRAGMA integrity_check is ok, the
# other price lists are untouched, the synced one is the old list or the new
# one, whole; the next sync brings the new one.
set -u
source tests/support/faults.sh
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
base=$TMP/base.db
sync() { "$CIRCUIT" pricing sync --cache "$1" --endpoint "$PRICE_URL" --region eu-west-1 --service AmazonEC2; }
"$CIRCUIT" pricing sync --cache "$base" --endpoint "$PRICE_URL" --region eu-west-1 \
    --service AmazonEC2 --service AWSELB >/dev/null || fail "first sync"
cache_prices "$base" AmazonEC2 eu-west-1 >"$TMP/want-old"
cache_prices "$base" AWSELB eu-west-1 >"$TMP/want-elb"
cp "$aws/AmazonEC2/current/region_index-v2.json" "$aws/AmazonEC2/current/region_index.json"
cp "$base" "$TMP/full.db"
sync "$TMP/full.db" >/dev/null || fail "sync of the new list"
cache_prices "$TMP/full.db" AmazonEC2 eu-west-1 >"$TMP/want-new"
cmp -s "$TMP/want-old" "$TMP/want-new" && fail "the two versions read the same"

cp "$base" "$TMP/count.db"
fault_points "$TMP/points" sync "$TMP/count.db" >/dev/null || fail "counting sync"
total=$(cat "$TMP/points")
[ "$total" -ge 40 ] || fail "only $total points"

kept_old=0 kept_new=0
for n in $(fault_pick 17 17 $((total - 3))) $((total - 2)) $((total - 1)) "$total"; do
    db=$TMP/kill-$n.db
    cp "$base" "$db"
    fault_start "$n" "$CIRCUIT" pricing sync --cache "$db" --endpoint "$PRICE_URL" \
        --region eu-west-1 --service AmazonEC2 >/dev/null 2>&1 || exit 1
    kill -9 "$FAULT_PID"
    wait "$FAULT_PID" 2>/dev/null
    cache_check "$db" || fail "after a kill at point $n of $total"
    "$CIRCUIT" pricing status --cache "$db" >/dev/null || fail "status after point $n"
    cache_prices "$db" AWSELB eu-west-1 | cmp -s - "$TMP/want-elb" || fail "point $n changed another list"
    cache_prices "$db" AmazonEC2 eu-west-1 >"$TMP/got"
    if cmp -s "$TMP/got" "$TMP/want-old"; then
        kept_old=$((kept_old + 1))
    elif cmp -s "$TMP/got" "$TMP/want-new"; then
        kept_new=$((kept_new + 1))
    else
        diff "$TMP/want-old" "$TMP/got" | head >&2
        fail "point $n of $total left neither list whole"
    fi
    sync "$db" >/dev/null || fail "sync after point $n"
    cache_prices "$db" AmazonEC2 eu-west-1 | cmp -s - "$TMP/want-new" || fail "sync after $n"
    rm -f "$db" "$db-wal" "$db-shm"
done
[ $kept_old -gt 0 ] || fail "no kill before the commit"
[ $kept_new -gt 0 ] || fail "no kill after the commit"
echo "20 kills of $total points: old list kept $kept_old times, new list whole $kept_new times" >&2
exit 0
