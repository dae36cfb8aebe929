#!/usr/bin/env bash
# Eight reader processes query the cache while a writer imports again and
# again: every query answers, none sees "database is locked" or a mix.
set -u
cd "$FIX/prices"
fail() { echo "$*"; exit 1; }
"$CIRCUIT" pricing import pricing-AWSELB-eu-west-1.csv pricing-AmazonRDS-eu-west-1.csv >/dev/null || fail "import"
python3 - "$TMP/big.csv" <<'PY'
import sys
lines = open("pricing-AmazonRDS-eu-west-1.csv").read().splitlines(True)
with open(sys.argv[1], "w") as out:
    out.writelines(lines[:6])
    for i in range(150):
        for r in lines[6:]:
            out.write(r.replace('"', '"K%04d' % i, 1))
PY
(
    for i in 1 2 3 4 5 6; do
        "$CIRCUIT" pricing import "$TMP/big.csv" pricing-AmazonRDS-eu-west-1.csv >/dev/null 2>>"$TMP/writer.err" || echo fail >>"$TMP/writer.err"
    done
) &
writer=$!
for r in 1 2 3 4 5 6 7 8; do
    (
        for i in $(seq 1 25); do
            out=$("$CIRCUIT" pricing query --service AWSELB --region eu-west-1 --attr "usagetype~LCUUsage$" --format json 2>&1) || { echo "reader $r: $out"; exit 1; }
            [ "$(jq '.matches | length' <<<"$out")" = 4 ] || { echo "reader $r: $out"; exit 1; }
            out=$("$CIRCUIT" pricing query --service AmazonRDS --region eu-west-1 --family "Database Instance" --attr instanceType=db.t3.micro --attr databaseEngine=MySQL --attr deploymentOption=Single-AZ --format json 2>&1) || { echo "reader $r: $out"; exit 1; }
            n=$(jq '.matches | length' <<<"$out")
            [ "$n" = 1 ] || [ "$n" = 150 ] || { echo "reader $r: $n matches"; exit 1; }
        done
    ) >"$TMP/reader$r.log" 2>&1 &
done
status=0
for job in $(jobs -p); do
    wait "$job" || status=1
done
cat "$TMP"/reader*.log
[ -s "$TMP/writer.err" ] && { cat "$TMP/writer.err"; status=1; }
grep -il "locked\|busy" "$TMP"/*.log "$TMP/writer.err" 2>/dev/null && status=1
exit $status
