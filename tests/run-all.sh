#!/usr/bin/env bash
# run-all.sh — the whole suite, as `make check` and `make asan` run it:
# criterion unit tests, then the end-to-end cases, then the plan corpus,
# then the fuzz harnesses replayed over their seeds and regressions, then
# the HTML reports in headless Chromium.
# Prints one closing line "N passed, N failed" (", N skipped" and each SKIP
# line above it when a suite could not run, e.g. the browser test without
# Chromium) and exits non-zero on failure.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
export BUILD

passed=0 failed=0 skipped=0
add_counts() { # reads "P F" from the last line a suite printed
    local line; line=$(tail -n 1 "$1")
    local p f
    p=$(sed -n 's/.*\b\([0-9]\+\) passed.*/\1/p' <<<"$line")
    f=$(sed -n 's/.*\b\([0-9]\+\) failed.*/\1/p' <<<"$line")
    local s; s=$(sed -n 's/.*\b\([0-9]\+\) skipped.*/\1/p' <<<"$line")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1})); skipped=$((skipped + ${s:-0}))
    grep '^SKIP: ' "$1" >>"$tmp/skips"
}

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

echo "== unit tests (criterion)"
"./$BUILD/test-unit" --jobs 2 >"$tmp/unit" 2>&1; urc=$?
cat "$tmp/unit"
up=$(sed -n 's/.*Passing: \([0-9]*\).*/\1/p' "$tmp/unit" | tail -n 1)
uf=$(sed -n 's/.*Failing: \([0-9]*\).*Crashing: \([0-9]*\).*/\1 \2/p' "$tmp/unit" | tail -n 1)
passed=$((passed + ${up:-0}))
if [ -n "$uf" ]; then set -- $uf; failed=$((failed + $1 + $2)); fi
if [ $urc -ne 0 ] && [ -z "$uf" ]; then failed=$((failed + 1)); fi

for suite in tests/e2e/run.sh tests/e2e/corpus.sh tests/e2e/review-props.sh tests/fuzz/replay.sh tests/browser/run.sh; do
    [ -x "$suite" ] || continue
    echo "== $suite"
    "$suite" 2>&1 | tee "$tmp/suite"
    add_counts "$tmp/suite"
done

echo
if [ "$skipped" -gt 0 ]; then
    cat "$tmp/skips"
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
