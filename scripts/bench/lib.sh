# lib.sh — helpers shared by the scripts/bench.d parts (sourced, not run).
# Provides the 10,000-resource synthetic plan, the bare jansson loader, and
# timing helpers.  Wall times are medians of $RUNS runs in the same session,
# so every ratio compares runs made under the same machine load.

N=${BENCH_RESOURCES:-10000}
RUNS=${BENCH_RUNS:-5}
PLAN="$BENCH_DIR/plan-$N.json"
LOADER="$BENCH_DIR/jansson-load"

bench_prepare_plan() {
    [ -s "$PLAN" ] || python3 scripts/gen-plan.py "$N" -o "$PLAN"
    if [ ! -x "$LOADER" ] || [ scripts/bench/jansson-load.c -nt "$LOADER" ]; then
        cc -O2 -o "$LOADER" scripts/bench/jansson-load.c $(pkg-config --cflags --libs jansson)
    fi
}

now_ns() { date +%s%N; }

# Median wall time in ms of $RUNS runs of "$@" (output discarded).
median_ms() {
    local times=() t0 t1
    for _ in $(seq "$RUNS"); do
        t0=$(now_ns); "$@" >/dev/null; t1=$(now_ns)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

# Peak resident set of one run of "$@", in MB.
peak_mb() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f", $1 / 1024}'
    else
        printf 'n/a'
    fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
