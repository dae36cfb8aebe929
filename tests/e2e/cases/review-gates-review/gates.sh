# gates.sh — shared by the review-gates-* cases: every gate flag of
# PRODUCT.md, in both directions, on the command named in $GATE_CMD.
# Sourced by each case's test.sh; exits non-zero on the first mismatch.
#
# Facts of the fixture plans (from their review goldens):
#   review-web    $0.00 -> $159.64, NEEDS REVISION, findings 1 high, 2 medium, 14 low
#   review-ecs    $54.06 -> $292.25 (+440.6%), APPROVED, 9 low
#   review-eks    $204.18 -> $483.78, APPROVED WITH CHANGES, 2 medium, 5 low
#   review-clean  $0.00 -> $0.00, APPROVED, 2 low findings
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

# the document goes to --output even when a gate fails
rm -f "$TMP/doc"
"$CIRCUIT" $GATE_CMD --output "$TMP/doc" --max-monthly-total 1 $P/review-web.json >"$TMP/out" 2>/dev/null
rc=$?
if [ "$rc" != 1 ] || [ ! -s "$TMP/doc" ] || [ -s "$TMP/out" ]; then
    echo "FAIL: --output with a failing gate (exit $rc)"
    fails=$((fails + 1))
fi

[ "$fails" -eq 0 ]
