#!/usr/bin/env bash
# fault-readonly-cache: a cache in a read-only directory, and a read-only
# cache file in a writable one (a read-only bind mount as root, chmod
# otherwise).  Commands that only read prices work and print exactly what
# they print on a writable cache; commands that write give one clear error
# and exit 2; the cache is untouched.
set -u
source tests/support/faults.sh
source tests/support/price-server.sh
price_server_start
dir=$TMP/cache
mkdir -p "$dir"
db=$dir/pricing.db
plan=$FIX/plans/web-stack.json
reads=("cost $plan" "cost --format json $plan" "review $plan" "estimate aws_instance instance_type=t3.micro"
       "pricing status" "pricing query --service AmazonEC2 --region us-east-1 --attr instanceType=t3.micro")
writes=("pricing import $FIX/prices/pricing-AWSELB-eu-west-1.csv"
        "pricing sync --endpoint $PRICE_URL --region eu-west-1 --service AWSELB")
# fill the cache the ordinary way, and record what each read prints
for i in "${!reads[@]}"; do
    # shellcheck disable=SC2086
    "$CIRCUIT" ${reads[$i]} --cache "$db" >"$TMP/want.$i" 2>/dev/null || fail "writable: ${reads[$i]}"
done
"$CIRCUIT" pricing status --cache "$db" --format json | jq -c '[.offers[] | del(.age_seconds)]' >"$TMP/offers"
cat >"$TMP/inner.sh" <<'INNER'
set -u
out=$1
shift
for i in "${!reads[@]}"; do
    "$CIRCUIT" ${reads[$i]} --cache "$db" >"$out.read.$i" 2>"$out.read-err.$i"
    echo $? >"$out.read-rc.$i"
done
for i in "${!writes[@]}"; do
    "$CIRCUIT" ${writes[$i]} --cache "$db" >"$out.write.$i" 2>"$out.write-err.$i"
    echo $? >"$out.write-rc.$i"
done
INNER
export db CIRCUIT
check() { # $1: what is read-only; $2: output prefix
    local i
    for i in "${!reads[@]}"; do
        [ "$(cat "$2.read-rc.$i")" = 0 ] || { cat "$2.read-err.$i"; fail "$1: ${reads[$i]} exited $(cat "$2.read-rc.$i")"; }
        if [[ ${reads[$i]} == "pricing status"* ]]; then
            grep -q "AmazonEC2 *us-east-1" "$2.read.$i" || fail "$1: status lost its lists"
        else
            cmp -s "$2.read.$i" "$TMP/want.$i" || { diff "$TMP/want.$i" "$2.read.$i" | head; fail "$1: ${reads[$i]} differs"; }
        fi
    done
    for i in "${!writes[@]}"; do
        [ "$(cat "$2.write-rc.$i")" = 2 ] || fail "$1: ${writes[$i]} exited $(cat "$2.write-rc.$i")"
        [ -s "$2.write.$i" ] && fail "$1: ${writes[$i]} wrote to stdout"
        [ "$(wc -l <"$2.write-err.$i")" = 1 ] || { cat "$2.write-err.$i"; fail "$1: ${writes[$i]}: want one line"; }
        grep -q "^circuit: $db: .*\(not writable\|read-only\)" "$2.write-err.$i" ||
            { cat "$2.write-err.$i"; fail "$1: ${writes[$i]}: unclear error"; }
    done
    "$CIRCUIT" pricing status --cache "$db" --format json | jq -c '[.offers[] | del(.age_seconds)]' | cmp -s - "$TMP/offers" ||
        fail "$1: the cache changed"
}
# shellcheck disable=SC2034
declare -p reads writes >"$TMP/arrays"
read_only_run "$dir" bash -c "source $TMP/arrays; source $TMP/inner.sh $TMP/dir" || fail "read-only dir run"
check "read-only directory" "$TMP/dir"
read_only_run "$db" bash -c "source $TMP/arrays; source $TMP/inner.sh $TMP/file" || fail "read-only file run"
check "read-only file" "$TMP/file"
exit 0
