#!/usr/bin/env bash
# The sensitive-value guarantee in every format: fixtures/plans/review-secrets.json
# holds distinctive values ("Zx9-SECRET-...") in sensitive attributes
# (password, tags, SSM value, secret string, a whole container definition,
# a CIDR and description inside an ingress block, a Lambda environment), a
# sensitive variable, and one plaintext secret in an ECS environment that a
# rule reports by name.  No output, warning or gate line may show any of them.
set -u
F=fixtures/plans/review-secrets.json
fails=0
run() {
    "$CIRCUIT" "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    if [ "$rc" -gt 1 ] || [ ! -s "$TMP/out" ]; then
        echo "FAIL: circuit $* exited $rc with $(wc -c <"$TMP/out") bytes: $(head -c 300 "$TMP/err")"
        fails=$((fails + 1))
    fi
    if grep -o 'Zx9-SECRET[A-Za-z0-9-]*' "$TMP/out" "$TMP/err"; then
        echo "FAIL: circuit $* shows a sensitive value"
        fails=$((fails + 1))
    fi
}
run review $F
run review --format json $F
run review --fail-on-severity low --max-monthly-total 1 --fail-on approved-with-changes --allow-unpriced $F
run review --quiet - < $F
run cost $F
run cost --format json $F
run cost --format markdown $F
run cost --fail-on-severity low $F
run check $F
run check --format json $F
run check --format sarif $F
run check --max-monthly-increase 1 --fail-on needs-revision --allow-unpriced $F
# a cost gate that cannot decide exits 2: its line shows no secret either (the usage file gives the
# SSM parameter the Intelligent-Tiering tier, which is not priced: AWS picks the tier from the value)
"$CIRCUIT" check --max-monthly-increase 1 --usage fixtures/usage/review-secrets-unpriced.json $F >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] || { echo "FAIL: a cost gate on an unpriced resource did not exit 2"; fails=$((fails + 1)); }
grep -o 'Zx9-SECRET[A-Za-z0-9-]*' "$TMP/err" && { echo "FAIL: the gate error shows a sensitive value"; fails=$((fails + 1)); }
run changes $F
run changes --format json $F
run changes --format markdown $F
# The plaintext secret is reported by where it is, never by value.
"$CIRCUIT" review $F | grep -qF 'CIR-ECS-011 `aws_ecs_task_definition.app` `container_definitions`: container "app", variable API\_TOKEN' \
    || { echo "FAIL: the plaintext secret finding does not name its place"; fails=$((fails + 1)); }
[ "$fails" -eq 0 ]
