#!/usr/bin/env bash
# review-props.sh — properties every review holds, checked on the JSON
# review of every plan in the public corpus (fixtures/external/data/plans)
# and of the test plans (fixtures/plans, fixtures/scenarios): no checklist
# tick or positive assessment that a finding of the same review
# contradicts, and no "no" said of a value known only after apply.  The
# checks and their tables are in tests/support/review_props.py.
# Ends with "review-props: N passed, N failed".
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
unset AWS_REGION AWS_DEFAULT_REGION
python3 tests/support/review_props.py "$root/$BUILD/circuit" fixtures/external/data/plans fixtures/plans fixtures/scenarios
