#!/usr/bin/env bash
# fault-readers-during-import: 8 `circuit cost` runs are stopped half-way
# through their pricing (each right before it reads its first price group,
# its read transaction open: tests/support/pause.c), an import of a new
# price list commits meanwhile, then they go on.  Every one exits 0 with no
# lock or busy error, and prices the whole report from the list it started
# with, the one its footnote names: no report mixes the two.  A cost run
# after the import prices everything from the new list.
set -u
source tests/support/faults.sh
db=$TMP/pricing.db
old=$FIX/prices/pricing-AWSELB-eu-west-1.csv
# the new list: same products, version 2, every price up by a cent
sed -e 's/"Version","20230223000000"/"Version","20230301000000"/' \
    -e 's/"\(0\.0[0-9]*\)","USD"/"\1X","USD"/' "$old" |
    awk -F'"' 'BEGIN{OFS="\""} { for (i = 2; i <= NF; i += 2) if ($i ~ /^0\.0[0-9]*X$/) { sub(/X$/, "", $i); $i = sprintf("%.10f", $i + 0.01) } print }' >"$TMP/new.csv"
grep -q '"20230301000000"' "$TMP/new.csv" || fail "no version 2"
"$CIRCUIT" pricing import --cache "$db" "$old" >/dev/null || fail "import v1"
# two load balancers: four ELB prices, each its own lookup
cat >"$TMP/plan.json" <<'JSON'
{"format_version":"1.2","resource_changes":[
 {"address":"aws_lb.app","mode":"managed","type":"aws_lb","name":"app","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"before":null,"after":{"load_balancer_type":"application","internal":false},"after_unknown":{},"before_sensitive":false,"after_sensitive":{}}},
 {"address":"aws_lb.net","mode":"managed","type":"aws_lb","name":"net","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"before":null,"after":{"load_balancer_type":"network","internal":false},"after_unknown":{},"before_sensitive":false,"after_sensitive":{}}}]}
JSON
usage=$TMP/usage.json
echo '{"version":"0.1","resource_type_default_usage":{"aws_lb":{"new_connections":10,"active_connections":10,"processed_bytes_gb":10,"rule_evaluations":10}}}' >"$usage"
cost() { "$CIRCUIT" cost --region eu-west-1 --usage "$usage" --format json --cache "$db" "$TMP/plan.json"; }
prices() { jq -r '[.. | objects | select(has("unit_price")) | .unit_price | select(. != null)] | join(" ")' "$1"; }
cost >"$TMP/v1.json" 2>/dev/null || fail "cost on v1"
[ "$(jq -r '.prices[0].version' "$TMP/v1.json")" = 20230223000000 ] || fail "v1 footnote"
n=$(prices "$TMP/v1.json" | wc -w)
[ "$n" -ge 3 ] || fail "only $n prices in the report: $(prices "$TMP/v1.json")"

export FAULT_GO=$TMP/go
export PAUSE_MATCH="SELECT family, instance_type, data FROM p_"
pids=()
for i in $(seq 8); do
    fault_start 1 bash -c 'exec "$0" cost --region eu-west-1 --usage "$1" --format json --cache "$2" "$3" >"$4" 2>"$5"' \
        "$CIRCUIT" "$usage" "$db" "$TMP/plan.json" "$TMP/r$i.json" "$TMP/r$i.err" || exit 1
    pids+=("$FAULT_PID")
done
unset PAUSE_MATCH
# all 8 hold a read transaction; the import must not wait for them
"$CIRCUIT" pricing import --cache "$db" "$TMP/new.csv" >/dev/null 2>"$TMP/import.err" || { cat "$TMP/import.err"; fail "import while reading"; }
fault_go || exit 1
for i in $(seq 8); do
    wait "${pids[$((i - 1))]}" || { cat "$TMP/r$i.err"; fail "reader $i exited $?"; }
    [ -s "$TMP/r$i.err" ] && { cat "$TMP/r$i.err"; fail "reader $i wrote to stderr"; }
    [ "$(jq -r '.prices[0].version' "$TMP/r$i.json")" = 20230223000000 ] || fail "reader $i footnote"
    [ "$(prices "$TMP/r$i.json")" = "$(prices "$TMP/v1.json")" ] ||
        fail "reader $i mixed prices: $(prices "$TMP/r$i.json") (v1: $(prices "$TMP/v1.json"))"
done
cost >"$TMP/v2.json" || fail "cost on v2"
[ "$(jq -r '.prices[0].version' "$TMP/v2.json")" = 20230301000000 ] || fail "v2 footnote"
[ "$(prices "$TMP/v2.json")" != "$(prices "$TMP/v1.json")" ] || fail "v2 prices are v1's"
exit 0
