#!/usr/bin/env bash
# 40-review.sh — `circuit review` (Markdown and JSON) on the 10,000-resource
# synthetic plan against a bare jansson load of the same file, in the same
# run (PRODUCT.md target: review <= 1.5x jansson), and against
# `jq '.resource_changes | length'` (target: faster).  The review does
# everything: plan load, cost estimate, risk rules, the review itself.  The
# price cache is warmed first so the one-off import of the bundled snapshot
# is not timed (30-cost reports that import on its own line).
set -euo pipefail
source scripts/bench/lib.sh
bench_prepare_plan
CACHE="$BENCH_DIR/review-cache.db"
export CIRCUIT_CACHE="$CACHE"

"$CIRCUIT" review --quiet "$PLAN" >/dev/null   # warms the cache
jansson=$(median_ms "$LOADER" "$PLAN")
jqms=$(median_ms jq '.resource_changes | length' "$PLAN")
md=$(median_ms "$CIRCUIT" review --quiet "$PLAN")
js=$(median_ms "$CIRCUIT" review --quiet --format json "$PLAN")
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t ? "ok" : "SLOW") }'; }

echo "plan: $N resources, $(du -h "$PLAN" | cut -f1); median of $RUNS runs, warm cache"
echo "jansson bare load:        ${jansson} ms, peak $(peak_mb "$LOADER" "$PLAN") MB"
echo "jq resource_changes|len:  ${jqms} ms"
echo "review (markdown):        ${md} ms, peak $(peak_mb "$CIRCUIT" review --quiet "$PLAN") MB"
echo "review --format json:     ${js} ms"
r_md=$(ratio "$md" "$jansson") r_js=$(ratio "$js" "$jansson")
echo "review / jansson:         ${r_md}x markdown, ${r_js}x json (target <= 1.5: $(verdict "$r_md" 1.5), $(verdict "$r_js" 1.5))"
echo "review / jq:              $(ratio "$md" "$jqms")x (target < 1)"
