#!/usr/bin/env bash
# The cost reference is what the model tables say: docs/cost-types.md is
# `circuit cost --list-types --format markdown` (scripts/gen-docs.py writes it;
# docs-generated fails when it is stale), and names every priced type, its
# usage keys and its assumptions; `circuit help cost` lists the same types
# with their count.
set -eu
json=$("$CIRCUIT" cost --list-types --format json)
n=$(jq '.priced_count' <<<"$json")
grep -qxF "## Priced types ($n)" docs/cost-types.md || { echo "FAIL: docs/cost-types.md does not count $n types"; exit 1; }
"$CIRCUIT" help cost | grep -q "^Priced types ($n; " || { echo "FAIL: help cost does not list $n types"; exit 1; }
for t in $(jq -r '.priced[].type' <<<"$json"); do
    "$CIRCUIT" help cost | grep -qw -- "$t" || { echo "FAIL: help cost does not name $t"; exit 1; }
    grep -qF "| \`$t\` |" docs/cost-types.md || { echo "FAIL: docs/cost-types.md does not list $t"; exit 1; }
done
for k in $(jq -r '.priced[] | .type as $t | .usage_keys[] | "\($t)|\(.key)"' <<<"$json"); do
    grep -qF "| \`${k%%|*}\` | \`${k#*|}\` |" docs/cost-types.md || { echo "FAIL: usage key $k is not documented"; exit 1; }
done
# the assumption table has a row per assumption, with its usage key
rows=$(jq '[.priced[].assumptions[]] | length' <<<"$json")
got=$(sed -n '/^## Assumptions/,/^## Offers/p' docs/cost-types.md | grep -c '^| `aws_')
[ "$rows" = "$got" ] || { echo "FAIL: $rows assumptions, $got rows in docs/cost-types.md"; exit 1; }
