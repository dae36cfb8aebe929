#!/usr/bin/env bash
# corpus.sh — every real plan under fixtures/external/data/plans/ through
# `circuit changes --format json`, checked against counts computed here,
# independently, with jq from the raw file.  Files with wrapper text around
# the JSON are cut to the first line that opens an object (as the
# setup-terraform wrapper output needs) before jq reads one value.
# Known non-plans and invalid plans are listed below and must be rejected:
# exit 2, nothing on stdout, one "circuit: <file>: <reason>" line.
# Ends with "corpus: N passed, N failed"; exits non-zero on any failure.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
CIRCUIT="$root/$BUILD/circuit"
PLANS=${PLANS:-$root/fixtures/external/data/plans}
unset AWS_REGION AWS_DEFAULT_REGION

# file (relative to $PLANS) -> text the error must contain
declare -A reject=(
    [bridgecrewio-checkov/tests/terraform/parser/resources/plan_vpc_endpoint/tfplan.json]="not a plan"
    [hashicorp-terraform/internal/cloud/testdata/apply-json-with-outputs/plan-redacted.json]="HCP Terraform redacted plan"
    [hashicorp-terraform/internal/cloud/testdata/plan-json-basic/plan-redacted.json]="HCP Terraform redacted plan"
    [hashicorp-terraform/internal/cloud/testdata/plan-json-full/plan-redacted.json]="HCP Terraform redacted plan"
    [hashicorp-terraform/internal/cloud/testdata/plan-json-no-changes/plan-redacted.json]="HCP Terraform redacted plan"
    [jond3k-tfplan-validator/test/fixtures/itest/plan-invalid-actions.json]="unknown action \"invalid\""
)

# The expected summary, from the raw plan: classes by set membership.
read -r -d '' expect_jq <<'JQ'
def has($a; $x): any($a[]; . == $x);
def class: .change.actions as $a
  | if has($a; "create") and (has($a; "delete") or has($a; "forget")) then "replace"
    elif has($a; "delete") then "delete"
    elif has($a; "forget") then "forget"
    elif has($a; "create") then "create"
    elif has($a; "update") then "update"
    elif has($a; "read") then "read"
    else "no_op" end;
(.resource_changes // []) as $rc
| {create: 0, update: 0, delete: 0, replace: 0, read: 0, no_op: 0, forget: 0}
  + (reduce ($rc[] | class) as $c ({}; .[$c] += 1))
  + {import: ([$rc[] | select(.change.importing != null)] | length),
     move: ([$rc[] | select(.previous_address != null and .previous_address != .address)] | length)}
| {summary: ., resources: ($rc | length), drift: (($plan.resource_drift // []) | length)}
JQ

passed=0 failed=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { failed=$((failed + 1)); echo "FAIL $1: $2"; }

while IFS= read -r -d '' file; do
    rel=${file#"$PLANS"/}
    "$CIRCUIT" changes --quiet --format json "$file" >"$tmp/out" 2>"$tmp/err"; rc=$?
    if [ -n "${reject[$rel]+x}" ]; then
        want=${reject[$rel]}
        if [ $rc -ne 2 ]; then fail "$rel" "expected rejection, got exit $rc"
        elif [ -s "$tmp/out" ]; then fail "$rel" "rejected but wrote to stdout"
        elif [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -qF "circuit: $file: " "$tmp/err"; then
            fail "$rel" "error is not one 'circuit: <file>: ...' line: $(head -c 300 "$tmp/err")"
        elif ! grep -qF -- "$want" "$tmp/err"; then fail "$rel" "error lacks \"$want\": $(cat "$tmp/err")"
        else passed=$((passed + 1)); fi
        continue
    fi
    if [ $rc -ne 0 ]; then fail "$rel" "exit $rc: $(head -c 300 "$tmp/err")"; continue; fi
    sed -n '/^[[:space:]]*{/,$p' "$file" >"$tmp/raw"
    want=$(jq -n -c -S "input as \$plan | \$plan | $expect_jq" "$tmp/raw" 2>"$tmp/jqerr")
    if [ -z "$want" ]; then fail "$rel" "jq could not read it: $(head -c 200 "$tmp/jqerr")"; continue; fi
    { read -r got; read -r noregion; } < <(jq -c -S '{summary: .summary, resources: (.resources | length),
        drift: (.drift | length)}, ([.resources[] | select(.provider == "aws" and
        (.region == null or .region_source == null))] | length)' "$tmp/out")
    if [ "$got" != "$want" ]; then fail "$rel" "counts differ: got $got, want $want"; continue; fi
    if [ "$noregion" != 0 ]; then fail "$rel" "$noregion AWS resources without a region"; continue; fi
    passed=$((passed + 1))
done < <(find "$PLANS" -name '*.json' -type f -print0 | LC_ALL=C sort -z)

for rel in "${!reject[@]}"; do
    [ -f "$PLANS/$rel" ] || fail "$rel" "listed as a known rejection but missing from the corpus"
done
total=$((passed + failed))
[ $total -gt 0 ] || fail "$PLANS" "no plans found"
echo "corpus: $passed passed, $failed failed"
[ $failed -eq 0 ]
