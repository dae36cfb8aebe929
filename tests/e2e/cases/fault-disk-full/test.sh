#!/usr/bin/env bash
# fault-disk-full: the disk fills up during `pricing import` (the cache on a
# small tmpfs in a private mount namespace; without one, a file size limit,
# RLIMIT_FSIZE): one clear error, exit 2, nothing half-written on stdout,
# and nothing lost: the cache opens, PRAGMA integrity_check is ok, every
# price list is as it was.  With room again the same import succeeds.
set -u
source tests/support/faults.sh
dir=$TMP/cache
mkdir -p "$dir"
db=$dir/pricing.db
"$CIRCUIT" pricing import --cache "$db" "$FIX/prices/pricing-AmazonEC2-eu-west-1.csv" \
    "$FIX/prices/pricing-AWSELB-eu-west-1.csv" >/dev/null || exit 1
cache_prices "$db" AmazonEC2 eu-west-1 >"$TMP/want-ec2"
cache_prices "$db" AWSELB eu-west-1 >"$TMP/want-elb"
# a new EC2 list of 9,600 rows: about 400 KiB stored, more than the room left
src=$FIX/prices/server/offers/v1.0/aws/AmazonEC2/20230301000000/eu-west-1/index.csv
{
    head -n 6 "$src"
    for i in $(seq 300); do
        tail -n +7 "$src" | sed "s/^\"\([A-Z0-9]*\)\"/\"\1X$i\"/; s/\"\([A-Z0-9]*\)\.\([A-Z0-9]*\)\.\([A-Z0-9]*\)\"/\"\1X$i.\2.\3\"/"
    done
} >"$TMP/big.csv"
size_kb=$(( $(stat -c %s "$db") / 1024 + 160 ))

cat >"$TMP/inner.sh" <<'INNER'
set -u
source tests/support/faults.sh
"$CIRCUIT" pricing import --cache "$db" "$TMP/big.csv" >"$TMP/out" 2>"$TMP/err"
echo $? >"$TMP/rc"
cache_check "$db" >"$TMP/check" 2>&1 || echo bad >>"$TMP/check"
cache_prices "$db" AmazonEC2 eu-west-1 >"$TMP/got-ec2"
cache_prices "$db" AWSELB eu-west-1 >"$TMP/got-elb"
"$CIRCUIT" pricing status --cache "$db" >/dev/null 2>>"$TMP/check" || echo "status failed" >>"$TMP/check"
INNER
export db TMP
small_fs_run "$dir" "$size_kb" bash "$TMP/inner.sh"
echo "full disk: ${FAULT_FS:-?}" >&2
[ "$(cat "$TMP/rc")" = 2 ] || { echo "FAIL: exit $(cat "$TMP/rc"), want 2"; cat "$TMP/err"; exit 1; }
[ -s "$TMP/out" ] && { echo "FAIL: wrote to stdout"; exit 1; }
[ "$(wc -l <"$TMP/err")" = 1 ] || { echo "FAIL: want one error line:"; cat "$TMP/err"; exit 1; }
grep -Eq "^circuit: $db: (disk full while trying to|cannot write while trying to) .*; the previous prices are intact" "$TMP/err" ||
    { echo "FAIL: unclear error:"; cat "$TMP/err"; exit 1; }
[ -s "$TMP/check" ] && { echo "FAIL: cache after the full disk:"; cat "$TMP/check"; exit 1; }
cmp -s "$TMP/got-ec2" "$TMP/want-ec2" || { echo "FAIL: the old EC2 prices changed"; exit 1; }
cmp -s "$TMP/got-elb" "$TMP/want-elb" || { echo "FAIL: the ELB prices changed"; exit 1; }
# room again (outside the small mount): the same import goes through
"$CIRCUIT" pricing import --cache "$db" "$TMP/big.csv" >/dev/null || { echo "FAIL: import with room"; exit 1; }
exit 0
