# flags-stdin-and-output: "-" is stdin wherever a file is read (plans,
# --rules, --usage, pricing import, comment); stdin can be used once per
# run; --output refuses to overwrite an input (plan, rules, usage) and
# leaves it intact.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
p=$FIX/plans/web-stack.json
"$CIRCUIT" rules --format json >"$TMP/rules.json"
"$CIRCUIT" check --rules - --format json "$p" <"$TMP/rules.json" >"$TMP/a" || fail "--rules -"
"$CIRCUIT" check --format json "$p" >"$TMP/b"
cmp "$TMP/a" "$TMP/b" || fail "--rules - changed the result"
printf 'version: 0.1\nresource_usage:\n  aws_lb.web:\n    new_connections: 10\n' | "$CIRCUIT" cost --usage - "$p" >/dev/null || fail "--usage -"
"$CIRCUIT" pricing import - <"$FIX/prices/pricing-AWSELB-eu-west-1.csv" >"$TMP/imp" || fail "pricing import -"
grep -q '^imported -: AWSELB eu-west-1' "$TMP/imp" || fail "import: $(cat "$TMP/imp")"
set +e
"$CIRCUIT" check --rules - - <"$p" 2>"$TMP/err"; rc=$?
set -e
[ $rc = 2 ] && grep -qx 'circuit: check: standard input (-) can be read only once (plans, --rules and --usage share it)' "$TMP/err" || fail "twice: $(cat "$TMP/err")"
cp "$p" "$TMP/plan.json"
cp "$TMP/plan.json" "$TMP/keep.json"
for cmd in review changes cost check; do
    set +e
    "$CIRCUIT" $cmd "$TMP/plan.json" --output "$TMP/plan.json" 2>"$TMP/err"; rc=$?
    set -e
    [ $rc = 2 ] || fail "$cmd: exit $rc"
    grep -qx "circuit: $cmd: --output $TMP/plan.json is also an input; refusing to overwrite it" "$TMP/err" || fail "$cmd: $(cat "$TMP/err")"
    cmp "$TMP/plan.json" "$TMP/keep.json" || fail "$cmd damaged the plan"
done
set +e
"$CIRCUIT" check --rules "$TMP/rules.json" --output "$TMP/rules.json" "$p" 2>"$TMP/err"; rc=$?
set -e
[ $rc = 2 ] || fail "rules file overwritten"
# Through another name (a symlink) too.
ln -s "$TMP/plan.json" "$TMP/link.json"
if "$CIRCUIT" changes "$TMP/plan.json" --output "$TMP/link.json" 2>/dev/null; then fail "symlink"; fi
cmp "$TMP/plan.json" "$TMP/keep.json"
