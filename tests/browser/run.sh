#!/usr/bin/env bash
# run.sh — the HTML reports in headless Chromium (tests/browser/check_html.py):
# `circuit review --format html` and `circuit cost --format html` on a fixture
# plan, a plan made by real terraform and the 10,000-resource synthetic plan,
# each checked against the JSON output of the same run.  Screenshots (phone and
# laptop, light and dark) and PDFs go to $BUILD/browser-shots.
# Chromium is Debian's `chromium`, installed by scripts/install-deps.sh; where
# it is missing the test says so and counts as skipped, and make check's last
# line says "1 skipped" with the reason.  CIRCUIT_REQUIRE_BROWSER=1 (set by
# .ci/run) turns the skip into a failure, so CI cannot pass without it.
# Usage: run.sh   (prints "N passed, N failed" last)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
BUILD=${BUILD:-build}
CIRCUIT="$root/$BUILD/circuit"
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
skip() {
    if [ "${CIRCUIT_REQUIRE_BROWSER:-0}" = 1 ]; then
        echo "FAIL: the browser test could not run: $* (CIRCUIT_REQUIRE_BROWSER=1; scripts/install-deps.sh installs Debian's chromium)"
        echo "0 passed, 1 failed"
        exit 1
    fi
    echo "SKIP: the browser test did not run: $* (scripts/install-deps.sh installs Debian's chromium)"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
}
[ -n "$chromium" ] || skip "Chromium is not installed"
version=$(timeout 60 "$chromium" --version 2>/dev/null) || skip "$chromium does not start"
echo "browser: $version"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export CIRCUIT_CACHE="$tmp/pricing.db" NO_COLOR=1 LC_ALL=C CIRCUIT_DATE=${CIRCUIT_DATE:-2026-11-27}
unset AWS_REGION AWS_DEFAULT_REGION
shots="$root/$BUILD/browser-shots"
rm -rf "$shots"; mkdir -p "$shots"
python3 scripts/gen-plan.py 10000 -o "$tmp/plan-10k.json" || { echo "FAIL: gen-plan.py"; echo "0 passed, 1 failed"; exit 1; }
pages=()
for plan in fixtures/plans/web-stack.json fixtures/plans/cost-actions.json fixtures/scenarios/cost-assumptions.json \
            fixtures/scenarios/review-add-to-stack.json "$tmp/plan-10k.json"; do
    base=$(basename "$plan" .json)
    "$CIRCUIT" cost --quiet --format json "$plan" >"$tmp/$base.cost.json"
    "$CIRCUIT" cost --quiet --format html --output "$tmp/cost-$base.html" "$plan"
    "$CIRCUIT" review --quiet --format json "$plan" >"$tmp/$base.review.json"
    "$CIRCUIT" review --quiet --format html --output "$tmp/review-$base.html" "$plan"
    pages+=(--page "cost:$tmp/cost-$base.html:$tmp/$base.cost.json"
            --page "review:$tmp/review-$base.html:$tmp/$base.review.json:$tmp/$base.cost.json")
done
python3 tests/browser/check_html.py --chromium "$chromium" --shots "$shots" "${pages[@]}"
