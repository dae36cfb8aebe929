# efs-replace-downtime-agrees: an EFS file system replaced destroy-before-
# create is downtime for the review and CIR-PLAN-004 for check: both read
# the one set of serving types (src/plan/plan_types.h).
set -eu
cat >"$TMP/plan.json" <<'JSON'
{"format_version":"1.2","terraform_version":"1.9.0","resource_changes":[
 {"address":"aws_efs_file_system.shared","mode":"managed","type":"aws_efs_file_system","name":"shared",
  "provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["delete","create"],"before":{"creation_token":"a","encrypted":true},
            "after":{"creation_token":"b","encrypted":true},"after_unknown":{},
            "before_sensitive":{},"after_sensitive":{}}}]}
JSON
"$CIRCUIT" check --region us-east-1 --format json "$TMP/plan.json" >"$TMP/check.json"
jq -e '[.findings[] | select(.rule == "CIR-PLAN-004" and .address == "aws_efs_file_system.shared")] | length == 1' \
    "$TMP/check.json" >/dev/null || { echo "CIR-PLAN-004 silent"; cat "$TMP/check.json"; exit 1; }
"$CIRCUIT" review --region us-east-1 --format json "$TMP/plan.json" >"$TMP/review.json" || true
jq -e '.assessment.deployment.downtime_required.value == "Yes"' "$TMP/review.json" >/dev/null ||
    { echo "review: no downtime"; jq .assessment.deployment "$TMP/review.json"; exit 1; }
