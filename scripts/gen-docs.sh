#!/usr/bin/env bash
# gen-docs.sh — rewrites the README's generated cost reference (priced types,
# usage keys, assumptions, offers, free types) from the model tables:
#
#   scripts/gen-docs.sh          rewrite README.md in place
#   scripts/gen-docs.sh --check  exit 1 (and show the diff) when README.md is stale
#
# The block sits between the two marker lines
#   <!-- BEGIN generated: circuit cost --list-types --format markdown -->
#   <!-- END generated -->
# and is exactly what that command prints.  Run it after changing a model.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
CIRCUIT=${CIRCUIT:-$root/${BUILD:-build}/circuit}
begin='<!-- BEGIN generated: circuit cost --list-types --format markdown -->'
end='<!-- END generated -->'
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$CIRCUIT" cost --list-types --format markdown >"$tmp/block"
awk -v begin="$begin" -v end="$end" -v block="$tmp/block" '
    $0 == begin { print; while ((getline line < block) > 0) print line; skip = 1; next }
    $0 == end   { skip = 0 }
    !skip       { print }
' README.md >"$tmp/README.md"
grep -qxF "$begin" README.md && grep -qxF "$end" README.md || { echo "gen-docs.sh: README.md lacks the markers" >&2; exit 2; }
if [ "${1:-}" = --check ]; then
    if ! cmp -s README.md "$tmp/README.md"; then
        echo "README.md: the generated cost reference is stale; run scripts/gen-docs.sh" >&2
        diff README.md "$tmp/README.md" | head -40 >&2
        exit 1
    fi
    exit 0
fi
cp "$tmp/README.md" README.md
