#!/usr/bin/env bash
# 30-cost.sh — `circuit cost --format json` on the 10,000-resource synthetic
# plan against `circuit changes --format json` on the same file, in the same
# run (target: cost <= 2x changes).  The price cache is warmed first, so the
# one-off import of the bundled snapshot is not in the timing; that import
# is timed and reported on its own line.
set -euo pipefail
source scripts/bench/lib.sh
bench_prepare_plan
CACHE="$BENCH_DIR/cost-cache.db"
export CIRCUIT_CACHE="$CACHE"

cold_run() {
    rm -f "$CACHE" "$CACHE-wal" "$CACHE-shm"
    "$@"
}

# The one-off import, measured on a small plan of the same resource mix
# (so it touches the same price lists) where it is not lost in the noise.
SMALL="$BENCH_DIR/plan-100.json"
[ -s "$SMALL" ] || python3 scripts/gen-plan.py 100 -o "$SMALL"
cold=$(median_ms cold_run "$CIRCUIT" cost --format json "$SMALL")
warm=$(median_ms "$CIRCUIT" cost --format json "$SMALL")
import=$(( cold > warm ? cold - warm : 0 ))

"$CIRCUIT" cost --format json "$PLAN" >/dev/null   # the cache is warm from here on
changes=$(median_ms "$CIRCUIT" changes --format json "$PLAN")
cost=$(median_ms "$CIRCUIT" cost --format json "$PLAN")
ratio=$(ratio "$cost" "$changes")
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.0 ? "ok" : "SLOW") }')

echo "plan: $N resources, $(du -h "$PLAN" | cut -f1); median of $RUNS runs"
echo "changes --format json: ${changes} ms, peak $(peak_mb "$CIRCUIT" changes --format json "$PLAN") MB"
echo "cost --format json:    ${cost} ms, peak $(peak_mb "$CIRCUIT" cost --format json "$PLAN") MB"
echo "cost / changes:        ${ratio}x (target <= 2.00x: $verdict)"
echo "snapshot import (100-resource plan, cold cache ${cold} ms vs warm ${warm} ms): ~${import} ms, once per cache"
