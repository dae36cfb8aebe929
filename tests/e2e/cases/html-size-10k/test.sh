#!/usr/bin/env bash
# The HTML pages of a 10,000-resource plan (scripts/gen-plan.py) stay under
# 2 MB: long tables keep to the pages' budget (1.5 MB) and say what they
# left out and where the whole report is; the charts still draw the 15
# largest changes and "other", and each page is whole (ends with </html>).
# How fast Chromium paints them is measured by tests/browser and make bench.
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
python3 scripts/gen-plan.py 10000 -o "$TMP/plan.json" || exit 1
for cmd in review cost; do
    "$CIRCUIT" "$cmd" --quiet --format html --output "$TMP/$cmd.html" "$TMP/plan.json"; rc=$?
    [ "$rc" -le 1 ] || fail "$cmd exited $rc"
    size=$(wc -c <"$TMP/$cmd.html")
    echo "10,000-resource $cmd page: $size bytes"
    [ "$size" -lt 2000000 ] || fail "$cmd page is $size bytes, not under 2 MB"
    [ "$size" -le 1500000 ] || fail "$cmd page is $size bytes, over its 1,500,000-byte budget"
    tail -c 8 "$TMP/$cmd.html" | grep -q '</html>' || fail "$cmd page does not end with </html>"
    grep -q '<script' "$TMP/$cmd.html" && fail "$cmd page has a script"
    bars=$(sed -n '/id="cost-by-resource"/,/<\/svg>/p' "$TMP/$cmd.html" | grep -o '<rect class="bar ' | wc -l)
    [ "$bars" = 16 ] || fail "$cmd page: $bars bars in the change chart, want 15 and other"
    grep -q 'data-label="other (' "$TMP/$cmd.html" || fail "$cmd page: no \"other\" bar"
done
grep -q 'Shortened to keep the page light:</strong> the price components of [0-9]* rows not shown' "$TMP/cost.html" \
    || fail "the cost page does not say what it left out"
exit $((fails > 0))
