#!/usr/bin/env bash
# 50-check.sh — `circuit check` (table, JSON, SARIF) on the 10,000-resource
# synthetic plan against a bare jansson load of the same file and against
# `circuit changes --format json` (the plan reader alone), in the same run.
# The difference to `changes` is what the risk engine and its renderers
# add; the review's own target (<= 1.5x jansson) includes it.
set -euo pipefail
source scripts/bench/lib.sh
bench_prepare_plan

jansson=$(median_ms "$LOADER" "$PLAN")
changes=$(median_ms "$CIRCUIT" changes --quiet --format json "$PLAN")
table=$(median_ms "$CIRCUIT" check --quiet "$PLAN")
json=$(median_ms "$CIRCUIT" check --quiet --format json "$PLAN")
sarif=$(median_ms "$CIRCUIT" check --quiet --format sarif "$PLAN")
findings=$("$CIRCUIT" check --quiet --format json "$PLAN" | jq '.counts.total' 2>/dev/null || echo '?')

echo "plan: $N resources, $(du -h "$PLAN" | cut -f1); median of $RUNS runs; $findings findings"
echo "jansson bare load:        ${jansson} ms, peak $(peak_mb "$LOADER" "$PLAN") MB"
echo "changes --format json:    ${changes} ms (the plan reader)"
echo "check (table):            ${table} ms, peak $(peak_mb "$CIRCUIT" check --quiet "$PLAN") MB"
echo "check --format json:      ${json} ms"
echo "check --format sarif:     ${sarif} ms (reads the plan again for line numbers)"
echo "check / jansson:          $(ratio "$table" "$jansson")x table, $(ratio "$json" "$jansson")x json, $(ratio "$sarif" "$jansson")x sarif"
echo "check / changes:          $(ratio "$table" "$changes")x (risk engine + renderer over the reader)"
