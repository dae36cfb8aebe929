#!/usr/bin/env bash
# A price list in Latin-1 (a description with a byte that is not UTF-8):
# the row is a bad row, never stored, so `pricing query --format json` stays
# JSON; a header that is not UTF-8 fails the import with exit 2.
set -u
src="$FIX/prices/pricing-AWSELB-eu-west-1.csv"
{ head -n 6 "$src"; sed -n 7p "$src" | sed 's/"USD"/"USD"/; s/Balancer/Balan\xe7er/'; tail -n +8 "$src"; } >"$TMP/l1.csv"
"$CIRCUIT" pricing import --format json "$TMP/l1.csv" >"$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; exit 1; }
jq -e '.imports[0].rows_bad == 1' "$TMP/out" >/dev/null || { cat "$TMP/out"; exit 1; }
"$CIRCUIT" pricing query --format json --service AWSELB --region eu-west-1 >"$TMP/q" || exit 1
jq -e . "$TMP/q" >/dev/null || { echo "query output is not JSON"; exit 1; }
iconv -f UTF-8 -t UTF-8 "$TMP/q" >/dev/null || { echo "query output is not UTF-8"; exit 1; }
{ head -n 5 "$src"; sed -n 6p "$src" | sed 's/"SKU"/"SK\xdc"/'; tail -n +7 "$src"; } >"$TMP/h.csv"
"$CIRCUIT" pricing import "$TMP/h.csv" >/dev/null 2>"$TMP/err"; rc=$?
[ $rc = 2 ] || { echo "bad header: exit $rc"; exit 1; }
grep -q "not a UTF-8 text file" "$TMP/err" || { cat "$TMP/err"; exit 1; }
