#!/usr/bin/env bash
# A failed import leaves the previous prices for that offer and region exactly
# as they were: malformed rows, a killed process, a full disk.
set -u
cd "$FIX/prices"
fail() { echo "$*"; exit 1; }
snapshot() { "$CIRCUIT" pricing query --service AWSELB --region eu-west-1 --format json; }
"$CIRCUIT" pricing import pricing-AWSELB-eu-west-1.csv >/dev/null || fail "first import"
before=$(snapshot) || fail "query"
[ "$(jq '.matches | length' <<<"$before")" = 10 ] || fail "expected 10 rows"

# 1. bad rows dominate
"$CIRCUIT" pricing import pricing-bad-malformed.csv >/dev/null 2>"$TMP/err" && fail "malformed import succeeded"
grep -q "malformed" "$TMP/err" || fail "no reason: $(cat "$TMP/err")"
[ "$(snapshot)" = "$before" ] || fail "prices changed after a failed import"

# 2. killed half-way.  The rows come through a named pipe that stays open:
#    once 20 MB have gone in, the import has begun storing them and is
#    waiting for more, so the SIGKILL lands mid-import however fast it runs.
#    (big.csv: real rows repeated under new SKUs; also used by 3.)
python3 - "$TMP/big.csv" <<'PY'
import sys
lines = open("pricing-AWSELB-eu-west-1.csv").read().splitlines(True)
with open(sys.argv[1], "w") as out:
    out.writelines(lines[:6])
    for i in range(40000):
        for r in lines[6:]:
            out.write(r.replace('"', '"K%06d' % i, 1))
PY
mkfifo "$TMP/rows.csv"
"$CIRCUIT" pricing import "$TMP/rows.csv" >/dev/null 2>&1 &
pid=$!
exec 3>"$TMP/rows.csv"
head -c 20000000 "$TMP/big.csv" >&3
kill -0 $pid 2>/dev/null || fail "the import ended before the kill"
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
exec 3>&-
[ "$(snapshot)" = "$before" ] || fail "prices changed after a killed import"

# 3. a full disk (a file size limit makes every write past it fail)
(
    trap '' XFSZ
    ulimit -S -f 256
    "$CIRCUIT" pricing import "$TMP/big.csv" >/dev/null 2>"$TMP/err"
) && fail "import past the size limit succeeded"
grep -Eq "I/O error|disk full" "$TMP/err" || fail "no reason: $(cat "$TMP/err")"
[ "$(snapshot)" = "$before" ] || fail "prices changed after a failed write"

# and the cache still takes a good import
"$CIRCUIT" pricing import pricing-AWSELB-eu-west-1.csv >/dev/null || fail "import after failures"
exit 0
