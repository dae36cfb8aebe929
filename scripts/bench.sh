#!/usr/bin/env bash
# bench.sh — `make bench`: runs every scripts/bench.d/*.sh in order.  Each
# part times circuit against its baseline in the same run and prints ratios
# and peak RSS.  Inputs are generated into $BENCH_DIR (default build/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
export BUILD=${BUILD:-build}
export CIRCUIT="$PWD/$BUILD/circuit"
export BENCH_DIR=${BENCH_DIR:-$PWD/$BUILD/bench}
mkdir -p "$BENCH_DIR"
for part in scripts/bench.d/*.sh; do
    [ -e "$part" ] || continue
    echo "== $(basename "$part" .sh)"
    bash "$part"
done
