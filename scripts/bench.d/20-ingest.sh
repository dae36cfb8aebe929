#!/usr/bin/env bash
# 20-ingest.sh — price-list ingest: `circuit pricing import` of a ~1 GB
# EC2-style regional CSV (scripts/gen-price-csv.py; generation is not timed)
# beside `wc -l` on the same file in the same run, both from the page cache,
# best of 3.  Prints throughput (MB/s, rows/s), peak RSS and the ratio to
# wc -l, against the targets of PRODUCT.md: peak RSS <= 64 MB whatever the
# size, throughput >= 1/4 of wc -l.
#
# INGEST_BENCH_SIZE overrides the size (default 1G; e.g. 200M for a quick look).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CIRCUIT:?run through scripts/bench.sh}" "${BENCH_DIR:?run through scripts/bench.sh}"
size=${INGEST_BENCH_SIZE:-1G}
csv=$BENCH_DIR/ingest-AmazonEC2-us-east-1.csv
db=$BENCH_DIR/ingest.db

if [ ! -s "$csv" ] || [ "$(cat "$csv.size" 2>/dev/null)" != "$size" ]; then
    echo "generating a $size EC2-style CSV (not timed) ..."
    python3 scripts/gen-price-csv.py --size "$size" "$csv"
    echo "$size" >"$csv.size"
fi

# run CMD...: prints "<wall seconds> <peak RSS KiB>" of one run, output discarded.
run() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
if r.returncode != 0:
    sys.stderr.write(r.stderr.decode(errors="replace"))
    sys.exit(f"bench: {sys.argv[1]} exited {r.returncode}")
print(f"{wall:.4f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}

# best CMD...: best wall time of 3 runs and the largest peak RSS seen.
best() {
    local w r bw=999999 br=0 i
    for i in 1 2 3; do
        [ "$1" = import ] && rm -f "$db" "$db-wal" "$db-shm"
        read -r w r < <(run "${@:2}")
        bw=$(awk -v a="$w" -v b="$bw" 'BEGIN { print (a < b) ? a : b }')
        [ "$r" -gt "$br" ] && br=$r
    done
    echo "$bw $br"
}

bytes=$(stat -c %s "$csv")
cat "$csv" >/dev/null # into the page cache for both contenders
lines=$(wc -l <"$csv")
rows=$((lines - 6)) # metadata preamble and header

read -r wc_s wc_rss < <(best wc wc -l "$csv")
read -r imp_s imp_rss < <(best import "$CIRCUIT" pricing import --cache "$db" "$csv")
kept=$("$CIRCUIT" pricing status --cache "$db" --format json |
    jq -r '[.offers[]? | select(.service == "AmazonEC2" and .region == "us-east-1") | .rows_kept][0] // "?"' 2>/dev/null || echo "?")

awk -v bytes="$bytes" -v rows="$rows" -v kept="$kept" -v wc_s="$wc_s" -v wc_rss="$wc_rss" \
    -v imp_s="$imp_s" -v imp_rss="$imp_rss" 'BEGIN {
    mb = bytes / 1e6
    printf "file: %.0f MB, %d data rows, %s kept by ingest\n", mb, rows, kept
    printf "wc -l            %7.3f s %8.0f MB/s %11.0f rows/s   peak RSS %6.1f MB   (best of 3)\n",
           wc_s, mb / wc_s, rows / wc_s, wc_rss / 1024
    printf "pricing import   %7.3f s %8.0f MB/s %11.0f rows/s   peak RSS %6.1f MB   (best of 3)\n",
           imp_s, mb / imp_s, rows / imp_s, imp_rss / 1024
    ratio = wc_s / imp_s
    printf "throughput vs wc -l: %.3f (target >= 0.25): %s\n", ratio, ratio >= 0.25 ? "ok" : "MISSED"
    printf "peak RSS: %.1f MB (target <= 64 MB): %s\n", imp_rss / 1024, imp_rss <= 64 * 1024 ? "ok" : "MISSED"
}'
