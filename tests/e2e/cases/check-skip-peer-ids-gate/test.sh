# Findings alone exit 0 (unlike checkov); --fail-on-severity turns them into exit 1.
$CIRCUIT check -q fixtures/plans/check-suppress.json >/dev/null; rc=$?
[ $rc = 0 ] || { echo "plain check exited $rc"; exit 1; }
$CIRCUIT check -q --fail-on-severity high fixtures/plans/check-suppress.json >/dev/null; rc=$?
[ $rc = 1 ] || { echo "--fail-on-severity high exited $rc"; exit 1; }
# Suppressed by a peer id, the same findings no longer fail the gate.
$CIRCUIT check -q --fail-on-severity high --skip ckv_aws_24 --skip CKV_AWS_25 --skip avd-aws-0107 fixtures/plans/check-suppress.json >/dev/null; rc=$?
echo "all suppressed: exit $rc"
