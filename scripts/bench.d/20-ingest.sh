#!/usr/bin/env bash
# 20-ingest.sh — price-list ingest: `circuit pricing import` of a ~1 GB
# EC2-style regional CSV (scripts/gen-price-csv.py; generation is not timed)
# beside `wc -l` on the same file in the same run, both reading it from the
# page cache, best of 5 (this machine shares its cores; the best run is the
# one least disturbed).  Prints throughput (MB/s, rows/s), peak RSS and the
# ratio to wc -l, against the targets of PRODUCT.md: peak RSS <= 64 MB
# whatever the size, throughput >= 1/4 of wc -l.
#
# Wall time is the target's measure; CPU time (user + sys) is printed beside
# it because it does not move when other work shares the machine.  Timing and
# peak RSS come from GNU time (the `time` package; scripts/install-deps.sh).
#
# INGEST_BENCH_SIZE overrides the size (default 1G; e.g. 200M for a quick look).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CIRCUIT:?run through scripts/bench.sh}" "${BENCH_DIR:?run through scripts/bench.sh}"
size=${INGEST_BENCH_SIZE:-1G}
csv=$BENCH_DIR/ingest-AmazonEC2-us-east-1.csv
db=$BENCH_DIR/ingest.db
mkdir -p "$BENCH_DIR"
[ -x /usr/bin/time ] || { echo "20-ingest: needs GNU time (/usr/bin/time); run scripts/install-deps.sh" >&2; exit 1; }

if [ ! -s "$csv" ] || [ "$(cat "$csv.size" 2>/dev/null)" != "$size" ]; then
    echo "generating a $size EC2-style CSV (not timed) ..."
    python3 scripts/gen-price-csv.py --size "$size" "$csv"
    echo "$size" >"$csv.size"
fi

# best NAME CMD...: 5 runs; prints "<best wall s> <best cpu s> <max peak RSS KiB>".
best() {
    local name=$1 i out
    shift
    for i in 1 2 3 4 5; do
        [ "$name" = import ] && rm -f "$db" "$db-wal" "$db-shm"
        /usr/bin/time -o "$BENCH_DIR/time.$i" -f "%e %U %S %M" "$@" >/dev/null ||
            { echo "20-ingest: $name failed" >&2; exit 1; }
    done
    cat "$BENCH_DIR"/time.[1-5] | awk '
        NR == 1 { w = $1; c = $2 + $3; r = $4 }
        { if ($1 < w) w = $1; if ($2 + $3 < c) c = $2 + $3; if ($4 > r) r = $4 }
        END { printf "%s %s %s\n", w, c, r }'
}

bytes=$(stat -c %s "$csv")
cat "$csv" >/dev/null # into the page cache for both contenders
lines=$(wc -l <"$csv")
rows=$((lines - 6)) # metadata preamble and header

read -r wc_s wc_cpu wc_rss < <(best wc wc -l "$csv")
read -r imp_s imp_cpu imp_rss < <(best import "$CIRCUIT" pricing import --cache "$db" "$csv")
kept=$("$CIRCUIT" pricing status --cache "$db" --format json |
    jq -r '[.offers[] | select(.service == "AmazonEC2" and .region == "us-east-1") | .rows_kept][0] // "?"')

awk -v bytes="$bytes" -v rows="$rows" -v kept="$kept" -v wc_s="$wc_s" -v wc_cpu="$wc_cpu" \
    -v wc_rss="$wc_rss" -v imp_s="$imp_s" -v imp_cpu="$imp_cpu" -v imp_rss="$imp_rss" 'BEGIN {
    mb = bytes / 1e6
    if (wc_s <= 0) wc_s = 0.01
    if (wc_cpu <= 0) wc_cpu = 0.01
    printf "file: %.0f MB, %d data rows, %s kept by ingest\n", mb, rows, kept
    printf "%-15s %7.2f s wall %6.0f MB/s %9.0f rows/s | %6.2f s cpu | peak RSS %5.1f MB\n",
           "wc -l", wc_s, mb / wc_s, rows / wc_s, wc_cpu, wc_rss / 1024
    printf "%-15s %7.2f s wall %6.0f MB/s %9.0f rows/s | %6.2f s cpu | peak RSS %5.1f MB\n",
           "pricing import", imp_s, mb / imp_s, rows / imp_s, imp_cpu, imp_rss / 1024
    ratio = wc_s / imp_s
    printf "throughput / wc -l: %.3f wall, %.3f cpu (target >= 0.25): %s\n", ratio,
           wc_cpu / imp_cpu, (ratio >= 0.25) ? "ok" : "MISSED"
    printf "peak RSS: %.1f MB (target <= 64 MB): %s\n", imp_rss / 1024,
           (imp_rss <= 64 * 1024) ? "ok" : "MISSED"
}'
