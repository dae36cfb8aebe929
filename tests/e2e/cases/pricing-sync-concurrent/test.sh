# pricing-sync-concurrent: eight readers run `pricing query` in a loop while a
# sync replaces a largish price list (about 16 MB, trickled in over a few
# seconds).  None fails, none sees "database is locked", and each sees either
# the whole old list or the whole new one, never a mix.
set -eu
source tests/support/price-server.sh
price_server_start
aws=$PRICE_WWW/offers/v1.0/aws
for v in 1:20250901000000 2:20250915000000; do
    mkdir -p "$aws/AmazonEC2/${v#*:}/us-east-1"
    python3 scripts/gen-price-csv.py --size 16M --seed "${v%%:*}" --version "${v#*:}" \
        "$aws/AmazonEC2/${v#*:}/us-east-1/index.csv"
done
index() {
    printf '{"formatVersion": "v1.0", "publicationDate": "2025-09-15T00:00:00Z", "regions": {"us-east-1": {"regionCode": "us-east-1", "currentVersionUrl": "/offers/v1.0/aws/AmazonEC2/%s/us-east-1/index.json"}}}\n' \
        "$1" >"$aws/AmazonEC2/current/region_index.json"
}
sync() { "$CIRCUIT" pricing sync --endpoint "$PRICE_URL" --region us-east-1 --service AmazonEC2; }
query() {
    "$CIRCUIT" pricing query --service AmazonEC2 --region us-east-1 --family "Compute Instance" \
        --attr operatingSystem=Linux --attr tenancy=Shared --attr preInstalledSw=NA \
        --attr capacitystatus=Used --attr 'instanceType~^t3\.' --format json
}

index 20250901000000
sync >/dev/null || fail "first sync exited $?"
query >"$TMP/old"
index 20250915000000
price_control '[{"path": "index.csv", "action": "slow", "chunk": 262144, "delay": 0.05}]'

sync >"$TMP/sync.out" 2>"$TMP/sync.err" &
sync_pid=$!
mkdir "$TMP/reads"
reader() {
    local n=0
    while kill -0 $sync_pid 2>/dev/null; do
        n=$((n + 1))
        query >"$TMP/reads/$1.$n.out" 2>"$TMP/reads/$1.$n.err" || echo "$1.$n exit $?" >>"$TMP/reads/failures"
    done
}
readers=()
for r in 1 2 3 4 5 6 7 8; do
    reader $r &
    readers+=($!)
done
rc=0
wait $sync_pid || rc=$?
for p in "${readers[@]}"; do wait "$p"; done
[ $rc = 0 ] || fail "the sync exited $rc: $(cat "$TMP/sync.err")"
query >"$TMP/new"

[ "$(jq '.matches | length' "$TMP/old")" -ge 5 ] || fail "too few matches to tell versions apart"
cmp -s "$TMP/old" "$TMP/new" && fail "old and new price lists look the same"
[ -e "$TMP/reads/failures" ] && fail "readers failed: $(cat "$TMP/reads/failures"; cat "$TMP/reads"/*.err | head -3)"
grep -l "locked" "$TMP/reads"/*.err >/dev/null 2>&1 && fail "a reader saw a locked database"
reads=0 old=0 new=0
for f in "$TMP/reads"/*.out; do
    reads=$((reads + 1))
    if cmp -s "$f" "$TMP/old"; then old=$((old + 1))
    elif cmp -s "$f" "$TMP/new"; then new=$((new + 1))
    else fail "a reader saw a half state: $(diff "$TMP/old" "$f" | head -5)"
    fi
done
[ $old -ge 8 ] || fail "only $old reads overlapped the sync ($reads reads)"
echo "ok: $reads reads during the sync, $old saw the old list, $new the new one"
