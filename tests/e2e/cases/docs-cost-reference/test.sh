#!/usr/bin/env bash
# The README's cost reference (priced types, usage keys, assumptions, offers,
# free types) is what the model tables say: scripts/gen-docs.sh --check fails
# when a model changed and the README was not regenerated.  `circuit help
# cost` lists the same types, with their count.
set -eu
CIRCUIT=$CIRCUIT scripts/gen-docs.sh --check
n=$("$CIRCUIT" cost --list-types --format json | jq '.priced_count')
"$CIRCUIT" help cost | grep -q "^Priced types ($n; " || { echo "FAIL: help cost does not list $n types"; exit 1; }
for t in $("$CIRCUIT" cost --list-types --format json | jq -r '.priced[].type'); do
    "$CIRCUIT" help cost | grep -qw -- "$t" || { echo "FAIL: help cost does not name $t"; exit 1; }
    grep -qF "| \`$t\` |" README.md || { echo "FAIL: README does not list $t"; exit 1; }
done
