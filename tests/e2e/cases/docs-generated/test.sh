# docs-generated: the reference pages, man page and bash completion are what
# scripts/gen-docs.py makes from the binary's tables today (fails on drift);
# and the check can fail: an edited page is reported.
set -eu
python3 scripts/gen-docs.py --check --binary "$CIRCUIT"
cp -R docs "$TMP/docs-copy"
mkdir -p "$TMP/tree/scripts"
cp scripts/gen-docs.py "$TMP/tree/scripts/"
cp -R docs "$TMP/tree/docs"
echo "drift" >>"$TMP/tree/docs/rules.md"
if python3 "$TMP/tree/scripts/gen-docs.py" --check --binary "$CIRCUIT" 2>"$TMP/err"; then echo "drift not caught"; exit 1; fi
grep -q 'out of date (run scripts/gen-docs.py): docs/rules.md' "$TMP/err"
# Every rule the binary has is in docs/rules.md, every command in docs/commands.md.
for id in $("$CIRCUIT" rules --format json | jq -r '.rules[].id'); do grep -q "^| $id |" docs/rules.md || { echo "missing $id"; exit 1; }; done
for c in $("$CIRCUIT" help --format json | jq -r '.commands[].command | gsub(" "; "-")'); do grep -q "(#circuit-$c)" docs/commands.md || { echo "missing $c"; exit 1; }; done
