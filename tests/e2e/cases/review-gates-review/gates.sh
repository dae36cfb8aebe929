# gates.sh — shared by the review-gates-* cases: every gate flag of
# PRODUCT.md, in both directions, on the command named in $GATE_CMD.
# Sourced by each case's test.sh; exits non-zero on the first mismatch.
#
# Facts of the fixture plans (from their review goldens):
#   review-web    $0.00 -> $159.64, NEEDS REVISION, findings 1 high, 2 medium, 14 low
#   review-ecs    $54.06 -> $292.25 (+440.6%), APPROVED, 9 low
#   review-eks    $204.18 -> $483.78, APPROVED WITH CHANGES, 2 medium, 5 low
#   review-clean  $0.00 -> $0.00, APPROVED, 2 low findings
#   gate-unpriced $0.00 -> $3.65 for what is priced, APPROVED; aws_made_up_thing.queue has no model
#   cost-actions  4 resources without a price (1 not priced, 3 without a model), NEEDS REVISION
set -u
P=fixtures/plans
fails=0

# expect RC "STDERR" ARGS...: runs $GATE_CMD with ARGS; checks the exit
# status, the exact stderr, and that the document was still written.
expect() {
    local want_rc=$1 want_err=$2
    shift 2
    "$CIRCUIT" $GATE_CMD "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    local got_err
    got_err=$(cat "$TMP/err")
    if [ "$rc" != "$want_rc" ] || [ "$got_err" != "$want_err" ] || [ ! -s "$TMP/out" ]; then
        echo "FAIL: $GATE_CMD $*"
        echo "  exit $rc (want $want_rc), stdout $(wc -c <"$TMP/out") bytes"
        echo "  stderr: $got_err"
        echo "  want:   $want_err"
        fails=$((fails + 1))
    fi
}

G="circuit: gate:"

# --max-monthly-increase
expect 0 "" --max-monthly-increase 200 $P/review-web.json
expect 0 "" --max-monthly-increase 159.64 $P/review-web.json
expect 1 "$G monthly increase \$159.64 exceeds --max-monthly-increase \$150.00" --max-monthly-increase 150 $P/review-web.json

# --max-increase-percent (from a $0.00 baseline any increase fails it)
expect 0 "" --max-increase-percent 500 $P/review-ecs.json
expect 1 "$G monthly increase 440.6% (\$238.19) exceeds --max-increase-percent 400%" --max-increase-percent 400 $P/review-ecs.json
expect 1 "$G monthly increase \$159.64 from a \$0.00 baseline exceeds --max-increase-percent 1000%" --max-increase-percent 1000 $P/review-web.json
expect 0 "" --max-increase-percent 0 $P/review-clean.json

# --max-monthly-total
expect 0 "" --max-monthly-total 500 $P/review-ecs.json
expect 1 "$G monthly total \$292.25 exceeds --max-monthly-total \$250.00" --max-monthly-total 250 $P/review-ecs.json

# --fail-on needs-revision
expect 0 "" --fail-on needs-revision $P/review-eks.json
expect 1 "$G verdict NEEDS REVISION fails --fail-on needs-revision" --fail-on needs-revision $P/review-web.json

# --fail-on approved-with-changes (also fails on NEEDS REVISION)
expect 0 "" --fail-on approved-with-changes $P/review-ecs.json
expect 1 "$G verdict APPROVED WITH CHANGES fails --fail-on approved-with-changes" --fail-on approved-with-changes $P/review-eks.json
expect 1 "$G verdict NEEDS REVISION fails --fail-on approved-with-changes" --fail-on approved-with-changes $P/review-web.json
# ... and follows --cost-threshold: +$238.19 is above 100
expect 1 "$G verdict APPROVED WITH CHANGES fails --fail-on approved-with-changes" --fail-on approved-with-changes --cost-threshold 100 $P/review-ecs.json

# --fail-on-severity
expect 0 "" --fail-on-severity medium $P/review-ecs.json
expect 1 "$G 9 findings of severity low or worse fail --fail-on-severity low" --fail-on-severity low $P/review-ecs.json
expect 0 "" --fail-on-severity high $P/review-eks.json
expect 1 "$G 1 finding of severity high or worse fails --fail-on-severity high" --fail-on-severity high $P/review-web.json
expect 1 "$G 3 findings of severity medium or worse fail --fail-on-severity medium" --fail-on-severity medium $P/review-web.json
expect 0 "" --fail-on-severity critical $P/review-web.json
# suppressed findings do not count
expect 0 "" --fail-on-severity high --skip CIR-EC2-003 $P/review-web.json

# several gates at once: one line each; all passing gates together
expect 1 "$G monthly increase \$159.64 exceeds --max-monthly-increase \$1.00
$G monthly total \$159.64 exceeds --max-monthly-total \$1.00
$G verdict NEEDS REVISION fails --fail-on needs-revision" --max-monthly-increase 1 --max-monthly-total 1 --fail-on needs-revision $P/review-web.json
expect 0 "" --max-monthly-increase 1000 --max-increase-percent 1000 --max-monthly-total 1000 --fail-on needs-revision --fail-on-severity high $P/review-ecs.json

# Cost gates fail closed: a resource they depend on has no price -> exit 2,
# one line (how many, the first three, what to do); the document is still written.
U1="$G 1 resource the cost gates depend on has no price (aws_made_up_thing.queue): its type has no cost model; pass --allow-unpriced to decide on the priced part only"
U4="$G 4 resources the cost gates depend on have no price (aws_instance.unknown_type, aws_made_up_thing.jobs[0], aws_made_up_thing.jobs[1], ...): set the values their notes name in the plan, or give them in a usage file (--usage); 3 of them have no cost model; or pass --allow-unpriced to decide on the priced part only"
A1="$G decided on the priced part only (--allow-unpriced): 1 resource has no price"
expect 2 "$U1" --max-monthly-increase 1000 $P/gate-unpriced.json
expect 2 "$U1" --max-increase-percent 1000 $P/gate-unpriced.json
expect 2 "$U1" --max-monthly-total 1000 $P/gate-unpriced.json
expect 2 "$U4" --max-monthly-increase 1000 $P/cost-actions.json
# --fail-on approved-with-changes: only the cost could push APPROVED over, so it cannot decide
expect 2 "$U1" --fail-on approved-with-changes $P/gate-unpriced.json
# ... but needs-revision never depends on the cost, and findings that already decide do not wait for prices
expect 0 "" --fail-on needs-revision $P/gate-unpriced.json
expect 1 "$G verdict NEEDS REVISION fails --fail-on approved-with-changes" --fail-on approved-with-changes $P/cost-actions.json
# the other gates still report next to the one that cannot decide
expect 2 "$G 10 findings of severity high or worse fail --fail-on-severity high
$U4" --fail-on-severity high --max-monthly-total 1000 $P/cost-actions.json
# --allow-unpriced: decide on the priced part, and say so
expect 0 "$A1" --max-monthly-increase 1000 --allow-unpriced $P/gate-unpriced.json
expect 1 "$A1
$G monthly total \$3.65 exceeds --max-monthly-total \$1.00" --max-monthly-total 1 --allow-unpriced $P/gate-unpriced.json
expect 0 "$A1" --fail-on approved-with-changes --allow-unpriced $P/gate-unpriced.json
# a gate that depends on nothing unpriced needs no flag
expect 0 "" --fail-on-severity high $P/gate-unpriced.json

# One rounding rule for percentages: the gate says what the review says (+4135.0% on web-stack)
expect 1 "$G monthly increase 4135.0% (\$340.31) exceeds --max-increase-percent 50%" --max-increase-percent 50 fixtures/plans/web-stack.json

# the document goes to --output even when a gate fails
rm -f "$TMP/doc"
"$CIRCUIT" $GATE_CMD --output "$TMP/doc" --max-monthly-total 1 $P/review-web.json >"$TMP/out" 2>/dev/null
rc=$?
if [ "$rc" != 1 ] || [ ! -s "$TMP/doc" ] || [ -s "$TMP/out" ]; then
    echo "FAIL: --output with a failing gate (exit $rc)"
    fails=$((fails + 1))
fi

[ "$fails" -eq 0 ]
