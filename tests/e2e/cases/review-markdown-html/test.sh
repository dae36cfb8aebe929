#!/usr/bin/env bash
# The review as GitHub renders it: a recommendation and a concern whose text
# holds <, >, |, * and _ (from a rules file) go through cmark-gfm, GitHub's
# own Markdown renderer, and come out as the same text — no swallowed
# "<team>" tag, no table split on "|", no emphasis from * or _ — while
# addresses are code spans and the seed's headings, checklist and table keep
# their shape.
set -u
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
command -v cmark-gfm >/dev/null || { echo "FAIL: cmark-gfm is not installed (scripts/install-deps.sh)"; exit 1; }
D=tests/e2e/cases/review-markdown-html
"$CIRCUIT" review --rules "$D/rules.json" fixtures/scenarios/review-backup-unknown.json >"$TMP/review.md"
cmark-gfm --extension table --extension tasklist --extension autolink "$TMP/review.md" >"$TMP/review.html" \
    || fail "cmark-gfm failed"
# The recommendation, whole, as text in one list item.
want='Name it &lt;team&gt;-&lt;env&gt;-db | use snake_case *or* kebab-case and <code>aws_db_instance</code> tags — TEAM-RDS-001 (low) on <code>aws_db_instance.orders</code>'
grep -qF "<li>$want</li>" "$TMP/review.html" || fail "recommendation not rendered as written: $(grep -F 'TEAM-RDS-001 (low)' "$TMP/review.html")"
want='<code>instance_class</code>: instance_class = db.t4g.medium: size *reviewed* for &lt;env&gt; | _staging_'
grep -qF "$want" "$TMP/review.html" || fail "concern not rendered as written: $(grep -F 'TEAM-RDS-001' "$TMP/review.html" | head -1)"
# Nothing became markup that the text did not ask for.
grep -q '<team>\|<env>\|<em>\|<strong>reviewed' "$TMP/review.html" && fail "text was read as HTML or emphasis"
# The dependency table: a header and rows of exactly four cells.
python3 - "$TMP/review.html" <<'PY' || fail "dependency table shape"
import re, sys
html = open(sys.argv[1]).read()
tables = re.findall(r"<table>.*?</table>", html, re.S)
assert len(tables) == 1, "want one table, got %d" % len(tables)
rows = re.findall(r"<tr>(.*?)</tr>", tables[0], re.S)
assert len(rows) >= 2, rows
for row in rows:
    cells = re.findall(r"<t[hd][^>]*>", row)
    assert len(cells) == 4, "row with %d cells: %s" % (len(cells), row)
assert "<code>aws_db_instance.orders</code>" in tables[0]
PY
# The seed's checklist renders as task items, the verdict as the last heading.
[ "$(grep -c 'type="checkbox"' "$TMP/review.html")" = 7 ] || fail "checklist is not 7 task items"
tail -n 1 "$TMP/review.html" | grep -q '^<h3>Verdict: ' || fail "verdict is not the last heading"
exit $((fails > 0))
