#!/usr/bin/env bash
# 50-check.sh — `circuit check` (table, JSON, SARIF) on the 10,000-resource
# synthetic plan against a bare jansson load of the same file and against
# `circuit changes --format json` (the plan reader alone), in the same run.
# The difference to `changes` is what the risk engine and its renderers
# add; the review's own target (<= 1.5x jansson) includes it.
set -euo pipefail
N=${BENCH_RESOURCES:-10000}
RUNS=${BENCH_RUNS:-5}
PLAN="$BENCH_DIR/plan-$N.json"
LOADER="$BENCH_DIR/jansson-load"
[ -s "$PLAN" ] || python3 scripts/gen-plan.py "$N" -o "$PLAN"
if [ ! -x "$LOADER" ] || [ scripts/bench/jansson-load.c -nt "$LOADER" ]; then
    cc -O2 -o "$LOADER" scripts/bench/jansson-load.c $(pkg-config --cflags --libs jansson)
fi

now() { date +%s%N; }

# Median wall time in ms of $RUNS runs of "$@" (output discarded).
median_ms() {
    local times=() t0 t1
    for _ in $(seq "$RUNS"); do
        t0=$(now); "$@" >/dev/null; t1=$(now)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

peak_mb() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f", $1 / 1024}'
    else
        printf 'n/a'
    fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

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
