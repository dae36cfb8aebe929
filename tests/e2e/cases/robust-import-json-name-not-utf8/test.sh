#!/usr/bin/env bash
# A file name that is not UTF-8 goes into the JSON report: the report is
# still JSON and UTF-8 (the byte becomes \ufffd).
set -u
f="$TMP/$(printf 'prices-\377.csv')"
cp "$FIX/prices/pricing-AWSELB-eu-west-1.csv" "$f"
"$CIRCUIT" pricing import --format json "$f" >"$TMP/out" || exit 1
# jq itself would repair the byte: check the bytes first
iconv -f UTF-8 -t UTF-8 "$TMP/out" >/dev/null || { echo "not UTF-8"; exit 1; }
jq -e '.imports[0].file | endswith("prices-\ufffd.csv")' "$TMP/out" >/dev/null || { cat "$TMP/out"; exit 1; }
