#!/usr/bin/env bash
# 10-changes.sh — the plan reader: `circuit changes --format json` on the
# 10,000-resource synthetic plan against (a) a bare jansson load of the same
# file and (b) `jq '.resource_changes | length'`, in the same run.
# Targets: <= 1.5x (a), < 1x (b).
set -euo pipefail
source scripts/bench/lib.sh
bench_prepare_plan

jansson=$(median_ms "$LOADER" "$PLAN")
jqms=$(median_ms jq '.resource_changes | length' "$PLAN")
changes=$(median_ms "$CIRCUIT" changes --quiet --format json "$PLAN")

echo "plan: $N resources, $(du -h "$PLAN" | cut -f1); median of $RUNS runs"
echo "jansson bare load:        ${jansson} ms, peak $(peak_mb "$LOADER" "$PLAN") MB"
echo "jq resource_changes|len:  ${jqms} ms, peak $(peak_mb jq '.resource_changes | length' "$PLAN") MB"
echo "changes --format json:    ${changes} ms, peak $(peak_mb "$CIRCUIT" changes --quiet --format json "$PLAN") MB"
echo "changes / jansson:        $(ratio "$changes" "$jansson")x (target <= 1.5)"
echo "changes / jq:             $(ratio "$changes" "$jqms")x (target < 1)"
