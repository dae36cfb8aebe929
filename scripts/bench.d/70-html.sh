#!/usr/bin/env bash
# 70-html.sh — the HTML pages of the 10,000-resource synthetic plan: their
# size (target: under 2 MB) and how long headless Chromium takes from
# navigation to a laid-out, painted page (target: under 2 s), as the median
# of 5 loads: wall time, and the CPU time Chromium spent (the figure that
# does not grow with the machine's load).  Skipped without Chromium.
set -euo pipefail
source scripts/bench/lib.sh
bench_prepare_plan
export CIRCUIT_CACHE="$BENCH_DIR/html-cache.db"
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
pages=()
for cmd in review cost; do
    "$CIRCUIT" "$cmd" --quiet --format html --output "$BENCH_DIR/$cmd-$N.html" "$PLAN" || [ $? = 1 ]
    pages+=(--page "$cmd:$BENCH_DIR/$cmd-$N.html")
    ms=$(median_ms "$CIRCUIT" "$cmd" --quiet --format html "$PLAN")
    echo "circuit $cmd --format html: ${ms} ms (median of $RUNS, warm cache)"
done
if [ -z "$chromium" ]; then
    echo "chromium not installed: render times not measured (scripts/install-deps.sh installs it)"
    for cmd in review cost; do echo "$cmd page: $(wc -c <"$BENCH_DIR/$cmd-$N.html") bytes"; done
    exit 0
fi
python3 tests/browser/check_html.py --chromium "$chromium" --shots "$BENCH_DIR/html-shots" --time-only "${pages[@]}" |
while read -r name bytes wall cpu; do
    size=$(awk -v b="$bytes" 'BEGIN { print (b < 2000000 ? "ok" : "TOO BIG") }')
    speed=$(awk -v t="$wall" 'BEGIN { print (t < 2000 ? "ok" : "SLOW") }')
    echo "$name page: $bytes bytes ($size, target < 2 MB); Chromium paints it in $wall ms wall, $cpu ms CPU ($speed, target < 2 s)"
done
