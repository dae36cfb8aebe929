# `circuit rules --format json` is a valid rules file: fed back through
# --rules it overrides every built-in with itself, and the listing and the
# findings come out the same.
set -eu
"$CIRCUIT" rules --format json > "$TMP/rules.json"
jq -e '.schema == "circuit.rules/v1" and (.rules | length) >= 40' "$TMP/rules.json" >/dev/null
"$CIRCUIT" rules --format json --rules "$TMP/rules.json" > "$TMP/again.json"
cmp "$TMP/rules.json" "$TMP/again.json"
for f in fixtures/plans/check-*.json; do
    "$CIRCUIT" check --quiet --format json "$f" > "$TMP/a.json"
    "$CIRCUIT" check --quiet --format json --rules "$TMP/rules.json" "$f" > "$TMP/b.json"
    cmp "$TMP/a.json" "$TMP/b.json"
done
echo ok
