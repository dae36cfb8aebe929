# Sensitive values never appear: not in any format, not on stderr, not in
# the error for a plan broken inside or right after a sensitive string.
set -u
secret=Zebra-Secret-4417
plan=fixtures/plans/changes-sensitive.json
fail=0
grep -q "$secret" "$plan" || { echo "fixture lost its secret"; exit 1; }
for fmt in table markdown json; do
    "$CIRCUIT" changes --format "$fmt" "$plan" >"$TMP/out" 2>"$TMP/err" || { echo "$fmt failed"; fail=1; }
    if grep -q "$secret" "$TMP/out" "$TMP/err"; then echo "secret shown by --format $fmt"; fail=1; fi
    grep -q '(sensitive)' "$TMP/out" || { echo "$fmt: no (sensitive) marker"; fail=1; }
    grep -q 'db.t3.small' "$TMP/out" || { echo "$fmt: lost a plain value"; fail=1; }
done
# Cut inside the first secret: a truncated-JSON error that must not quote it.
pos=$(grep -bo "$secret" "$plan" | head -n 1 | cut -d: -f1)
head -c $((pos + 12)) "$plan" >"$TMP/cut.json"
"$CIRCUIT" changes "$TMP/cut.json" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc = 2 ] || { echo "truncated: rc $rc"; fail=1; }
if grep -q 'Zebra' "$TMP/err" "$TMP/out"; then echo "truncated: secret in error"; fail=1; fi
# A bad token right after a secret: jansson's "near '...'" must be dropped.
sed "0,/do-not-print-old\"/s//do-not-print-old\" oops/" "$plan" >"$TMP/bad.json"
"$CIRCUIT" changes "$TMP/bad.json" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc = 2 ] || { echo "bad token: rc $rc"; fail=1; }
grep -q 'not JSON' "$TMP/err" || { echo "bad token: unexpected error: $(cat "$TMP/err")"; fail=1; }
if grep -q 'Zebra\|oops' "$TMP/err"; then echo "bad token: value in error"; fail=1; fi
exit $fail
