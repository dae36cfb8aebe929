#!/usr/bin/env bash
# snapshot-reference — the bundled price snapshot (pricing/snapshot/*.csv) is
# what scripts/build-snapshot.py writes, is well-formed AWS price-list CSV with
# a source on every row, reproduces the golden monthly figures of
# reference-prices.md §2/§3 by plain arithmetic, and every file is embedded in
# the binary that was built (build/gen/snapshot_data.h).
set -eu
python3 scripts/check-snapshot.py --shared "$SHARED"
gen="$(dirname "$CIRCUIT")/gen/snapshot_data.h"
[ -f "$gen" ] || { echo "no $gen"; exit 1; }
n=0
for f in pricing/snapshot/*.csv; do
    grep -qF "\"$(basename "$f")\"" "$gen" || { echo "not embedded: $f"; exit 1; }
    n=$((n + 1))
done
echo "embedded: $n files"
