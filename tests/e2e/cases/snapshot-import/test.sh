#!/usr/bin/env bash
# snapshot-import — every bundled snapshot CSV goes through `circuit pricing
# import` into a scratch cache with every row kept, `pricing query` returns each
# row with its attributes under the JSON offer keys, and the cost-model style
# selectors find the golden prices under a single SKU despite the trap rows.
# Then a fresh cache loads the snapshot by itself on the first query.
set -eu
CIRCUIT_CACHE="$TMP/import.db" python3 scripts/check-snapshot-import.py "$CIRCUIT"
CIRCUIT_CACHE="$TMP/fresh.db" "$CIRCUIT" pricing query --service AmazonEC2 --region eu-west-1 \
    --family "Compute Instance" --attr instanceType=t3.medium --attr operatingSystem=Linux \
    --attr tenancy=Shared --attr preInstalledSw=NA --attr capacitystatus=Used
