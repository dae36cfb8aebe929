#!/usr/bin/env bash
# A 10,000-resource plan (scripts/gen-plan.py) reviewed for a PR comment:
# GitHub refuses comments over 65,536 characters, so the Markdown keeps to
# its 60,000-character budget (long lists fold into <details>, then are cut
# with a line saying so), the verdict stays the last line, and --max-length
# sets another budget (0: none, the whole review).
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
python3 scripts/gen-plan.py 10000 -o "$TMP/plan.json" || exit 1
"$CIRCUIT" review --quiet "$TMP/plan.json" >"$TMP/review.md"; rc=$?
[ "$rc" -le 1 ] || fail "review exited $rc"
size=$(wc -m <"$TMP/review.md")
echo "10,000-resource review: $size characters, $(wc -c <"$TMP/review.md") bytes"
[ "$size" -le 60000 ] || fail "review is $size characters, over the 60,000 budget"
[ "$size" -lt 65536 ] || fail "review is $size characters, over GitHub's 65,536"
tail -n 1 "$TMP/review.md" | grep -q '^### Verdict: ' || fail "the verdict is not the last line"
grep -q '^<details><summary>[0-9]* more dependencies</summary>$' "$TMP/review.md" || fail "no folded dependency list"
grep -q '^\*\*Cut to fit 60000 characters:\*\* [0-9]* dependency rows not shown\. The JSON output (`circuit review --format json`) has the full review\.$' \
    "$TMP/review.md" || fail "no line says what was cut and where the full review is"
# every <details> is closed
[ "$(grep -c '^<details>' "$TMP/review.md")" = "$(grep -c '^</details>$' "$TMP/review.md")" ] || fail "unbalanced <details>"
"$CIRCUIT" review --quiet --max-length 20000 "$TMP/plan.json" >"$TMP/small.md"
[ "$(wc -m <"$TMP/small.md")" -le 20000 ] || fail "--max-length 20000 gave $(wc -m <"$TMP/small.md") characters"
tail -n 1 "$TMP/small.md" | grep -q '^### Verdict: ' || fail "--max-length 20000: the verdict is not the last line"
"$CIRCUIT" review --quiet --max-length 0 "$TMP/plan.json" >"$TMP/full.md"
[ "$(wc -m <"$TMP/full.md")" -gt 100000 ] || fail "--max-length 0 did not give the whole review"
grep -q 'Cut to fit' "$TMP/full.md" && fail "--max-length 0 cut something"
# the verdict is the same whatever the budget
[ "$(tail -n 1 "$TMP/review.md" | cut -d' ' -f1-4)" = "$(tail -n 1 "$TMP/full.md" | cut -d' ' -f1-4)" ] || fail "the budget changed the verdict"
"$CIRCUIT" review --max-length 1999 "$TMP/plan.json" >/dev/null 2>"$TMP/err"; rc=$?
[ "$rc" = 2 ] || fail "--max-length 1999 exited $rc"
exit $((fails > 0))
