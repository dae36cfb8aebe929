#!/usr/bin/env bash
# 40-review.sh — `circuit review` (Markdown and JSON) on the 10,000-resource
# synthetic plan against a bare jansson load of the same file, in the same
# run (PRODUCT.md target: review <= 1.5x jansson), and against
# `jq '.resource_changes | length'` (target: faster).  The price cache is
# warmed first so the one-off import of the bundled snapshot is not timed.
set -euo pipefail
N=${BENCH_RESOURCES:-10000}
RUNS=${BENCH_RUNS:-5}
PLAN="$BENCH_DIR/plan-$N.json"
CACHE="$BENCH_DIR/review-cache.db"
LOADER="$BENCH_DIR/jansson-load"
[ -s "$PLAN" ] || python3 scripts/gen-plan.py "$N" -o "$PLAN"
if [ ! -x "$LOADER" ] || [ scripts/bench/jansson-load.c -nt "$LOADER" ]; then
    cc -O2 -o "$LOADER" scripts/bench/jansson-load.c $(pkg-config --cflags --libs jansson)
fi

now() { date +%s%N; }

# Median wall time in ms of $RUNS runs of "$@" (output discarded; a review
# may exit 1 only when a gate fails, and no gate is set here).
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

"$CIRCUIT" review --quiet --cache "$CACHE" "$PLAN" >/dev/null   # warms the cache
jansson=$(median_ms "$LOADER" "$PLAN")
md=$(median_ms "$CIRCUIT" review --quiet --cache "$CACHE" "$PLAN")
js=$(median_ms "$CIRCUIT" review --quiet --cache "$CACHE" --format json "$PLAN")
r_md=$(ratio "$md" "$jansson")
r_js=$(ratio "$js" "$jansson")
ok() { awk -v r="$1" 'BEGIN { print (r <= 1.5 ? "ok" : "SLOW") }'; }

echo "plan: $N resources, $(du -h "$PLAN" | cut -f1); median of $RUNS runs, warm cache"
echo "jansson bare load:        ${jansson} ms, peak $(peak_mb "$LOADER" "$PLAN") MB"
echo "review (markdown):        ${md} ms, peak $(peak_mb "$CIRCUIT" review --quiet --cache "$CACHE" "$PLAN") MB"
echo "review --format json:     ${js} ms"
echo "review / jansson:         ${r_md}x markdown, ${r_js}x json (target <= 1.50x: $(ok "$r_md"), $(ok "$r_js"))"
if command -v jq >/dev/null; then
    jqt=$(median_ms jq '.resource_changes | length' "$PLAN")
    echo "jq '.resource_changes | length': ${jqt} ms (review is $(ratio "$md" "$jqt")x of it; target < 1.00x)"
fi
