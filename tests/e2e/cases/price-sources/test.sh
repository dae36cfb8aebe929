#!/usr/bin/env bash
# price-sources — the price extracts in pricing/sources/*.csv are well formed:
# known regions, decimal prices, no duplicate keys, contiguous tiers ending at
# Inf, one range per rate-code tier suffix, every source documented in
# pricing/sources/SOURCES.md; and each of those checks rejects a broken extract.
set -eu
python3 scripts/check-sources.py --self-test
python3 scripts/check-sources.py
