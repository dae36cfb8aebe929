#!/usr/bin/env bash
# 60-snapshot.sh — what the bundled price snapshot costs:
#   - the binary's size (target <= 25 MB), and the embedded snapshot's share
#     of it (gzip, beside the CSV it inflates to): the binary without it is
#     the baseline the ratio is taken against;
#   - loading one region into an empty cache, as a review of a plan there
#     would on first use: every offer the snapshot has for the region, plus
#     the global ones (target <= 50 ms), for every region, by
#     scripts/bench/snapshot-load.c (circuit's own pricing objects, the same
#     lookup path).  Best and median wall time of $BENCH_RUNS runs, and the
#     best CPU time (both threads), which moves less when other work shares
#     the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CIRCUIT:?run through scripts/bench.sh}" "${BENCH_DIR:?run through scripts/bench.sh}"
BUILD=${BUILD:-build}
RUNS=${BENCH_RUNS:-5}
loader=$BENCH_DIR/snapshot-load

# Build the loader against this build's objects (not timed).
objs=$(ls "$BUILD"/obj/pricing/*.o "$BUILD"/obj/src/core/*.o)
if [ ! -x "$loader" ] || [ scripts/bench/snapshot-load.c -nt "$loader" ] || [ "$CIRCUIT" -nt "$loader" ]; then
    # shellcheck disable=SC2086
    cc -O2 -std=c11 -D_GNU_SOURCE -I. -I"$BUILD/gen" -o "$loader" scripts/bench/snapshot-load.c \
        $objs $(pkg-config --cflags --libs jansson libcurl sqlite3 libpcre2-8 zlib) -lm -lpthread
fi

bin=$(stat -c %s "$CIRCUIT")
gz=$(cat "$BUILD"/gen/snapshot/*.gz | wc -c)
csv=$(cat pricing/snapshot/*.csv | wc -c)
files=$(ls pricing/snapshot/*.csv | wc -l)
rows=$(( $(cat pricing/snapshot/*.csv | wc -l) - 6 * files ))
awk -v bin="$bin" -v gz="$gz" -v csv="$csv" -v files="$files" -v rows="$rows" 'BEGIN {
    mb = 1024 * 1024
    printf "binary: %.1f MB (target <= 25 MB): %s\n", bin / mb, (bin <= 25 * mb) ? "ok" : "MISSED"
    printf "embedded snapshot: %.1f MB gzip for %.1f MB of CSV (%d files, %d rows); " \
           "binary without it %.1f MB, with it %.2fx\n",
           gz / mb, csv / mb, files, rows, (bin - gz) / mb, bin / (bin - gz)
}'

regions=$(ls pricing/snapshot/*.csv | sed 's|.*/[A-Za-z0-9]*-\(.*\)\.csv|\1|' | grep -v '^global$' | sort -u)
# shellcheck disable=SC2086
"$loader" "$BENCH_DIR" "$RUNS" $regions >"$BENCH_DIR/snapshot-load.txt"
awk -v runs="$RUNS" '
    BEGIN { printf "%-16s %5s %6s %8s %9s %7s   (load one region into an empty cache, %d runs)\n",
                   "REGION", "FILES", "ROWS", "BEST ms", "MEDIAN ms", "CPU ms", runs }
    { printf "%-16s %5d %6d %8.1f %9.1f %7.1f\n", $1, $2, $3, $4, $5, $6
      if ($4 > worst) { worst = $4; wr = $1 }
      if ($6 > wcpu) { wcpu = $6; wcr = $1 } }
    END {
        printf "slowest region: %s, best %.1f ms wall (target <= 50 ms): %s\n", wr, worst,
               (worst <= 50) ? "ok" : "MISSED"
        printf "most CPU: %s, %.1f ms (target <= 50 ms): %s\n", wcr, wcpu,
               (wcpu <= 50) ? "ok" : "MISSED"
    }' "$BENCH_DIR/snapshot-load.txt"
