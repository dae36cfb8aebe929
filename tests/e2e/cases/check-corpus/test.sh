# Every plan in the shared corpus: `circuit check --format sarif` either
# succeeds with SARIF that parses, names a location and has no empty
# string, or refuses the file with one line on stderr and exit 2 — never a
# crash or anything else.
set -u
n=0 ok=0 refused=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    "$CIRCUIT" check --quiet --format sarif "$f" >"$TMP/out" 2>"$TMP/err"; rc=$?
    if [ $rc -eq 0 ]; then
        jq -e '.version == "2.1.0" and ([.. | strings | select(. == "")] | length) == 0
               and all(.runs[0].results[]; (.locations | length) >= 1 and .locations[0].physicalLocation.region.startLine >= 1)' \
            "$TMP/out" >/dev/null || { echo "bad SARIF for $f"; exit 1; }
        ok=$((ok + 1))
    elif [ $rc -eq 2 ] && [ "$(wc -l < "$TMP/err")" -eq 1 ]; then
        refused=$((refused + 1))
    else
        echo "exit $rc for $f:"; head -3 "$TMP/err"; exit 1
    fi
done < <(find "$SHARED/data/plans" -name '*.json' -print0 | sort -z)
[ $n -gt 200 ] || { echo "only $n plans found"; exit 1; }
[ $ok -gt 150 ] || { echo "only $ok plans checked"; exit 1; }
echo ok
