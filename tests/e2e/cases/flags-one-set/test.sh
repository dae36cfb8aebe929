# flags-one-set: the common flags work everywhere they can: --offline on
# check/changes/rules, --region on check (used where the plan does not say),
# --quiet/--no-color on rules; a flag that cannot do anything draws one
# warning line (silenced by --quiet); `changes` takes several plans;
# `pricing query --service` repeats; --offline on comment refuses the network.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
p=$FIX/plans/web-stack.json
"$CIRCUIT" check --offline "$p" >/dev/null || fail "check --offline"
"$CIRCUIT" changes --offline "$p" >/dev/null || fail "changes --offline"
"$CIRCUIT" rules --offline --quiet >/dev/null || fail "rules --offline --quiet"
# check --region: a plan whose provider names no region takes it from the flag.
"$CIRCUIT" changes --format json --region ap-south-2 "$FIX/plans/cost-region-ap-south-2.json" | jq -e '.resources | length > 0' >/dev/null
"$CIRCUIT" check --region eu-west-3 --format json "$p" >/dev/null || fail "check --region"
# No effect: one warning each, exit 0, output unchanged.
"$CIRCUIT" rules --no-color --region eu-west-1 --usage u.yml >"$TMP/out" 2>"$TMP/err" || fail "rules: exit $?"
cat >"$TMP/want" <<'W'
circuit: warning: rules: --region has no effect on this command
circuit: warning: rules: --usage has no effect on this command
circuit: warning: rules: --no-color has no effect on this command
W
cmp "$TMP/want" "$TMP/err" || fail "warnings: $(cat "$TMP/err")"
"$CIRCUIT" rules >"$TMP/plain"
cmp "$TMP/out" "$TMP/plain" || fail "output changed"
"$CIRCUIT" rules --no-color --quiet >/dev/null 2>"$TMP/err"
[ ! -s "$TMP/err" ] || fail "--quiet did not silence: $(cat "$TMP/err")"
"$CIRCUIT" changes --cache "$TMP/c.db" "$p" >/dev/null 2>"$TMP/err"
grep -qx 'circuit: warning: changes: --cache has no effect on this command' "$TMP/err" || fail "changes --cache: $(cat "$TMP/err")"
# changes: several plans, one document each; JSON: an array.
"$CIRCUIT" changes --format json "$p" "$FIX/plans/changes-modules.json" | jq -e 'length == 2 and .[0].schema == "circuit.changes/v1" and .[1].schema == "circuit.changes/v1"' >/dev/null \
    || fail "changes JSON array"
[ "$("$CIRCUIT" changes --format markdown "$p" "$FIX/plans/changes-modules.json" | grep -c '^## Plan changes')" = 2 ] || fail "changes markdown"
# pricing query: --service repeated, one table each (bundled snapshot).
"$CIRCUIT" pricing query --service AmazonEC2 --service AmazonRDS --region us-east-1 --attr 'usagetype~^nothing-matches' >"$TMP/q" \
    || fail "query: exit $?"
grep -qx 'no AmazonEC2 prices in us-east-1 match' "$TMP/q" && grep -qx 'no AmazonRDS prices in us-east-1 match' "$TMP/q" || fail "query: $(cat "$TMP/q")"
# comment --offline: refused before anything else.
set +e
echo x | GITHUB_TOKEN=t "$CIRCUIT" comment github --offline --repo a/b --pr 1 2>"$TMP/err"; rc=$?
set -e
[ $rc = 2 ] && grep -qx 'circuit: comment: posting a comment needs the network; --offline forbids it' "$TMP/err" || fail "comment --offline: $rc $(cat "$TMP/err")"
