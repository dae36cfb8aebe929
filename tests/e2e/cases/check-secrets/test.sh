# The sensitive-value guarantee: distinctive values planted in sensitive
# attributes, a sensitive tag, an ECS container's DB_PASSWORD and a Lambda
# API_KEY (fixtures/plans/check-secrets.json) appear in no output format,
# no --output file and no stderr — even through a rules file whose message
# quotes {value} of those very attributes, and in drift and deletes.
set -u
plan=fixtures/plans/check-secrets.json
rules=$TMP/leak-rules.json
cat > "$rules" <<'JSON'
{"rules": [{"id": "T-LEAK", "area": "operations", "severity": "high",
  "resource_types": ["aws_db_instance", "aws_ssm_parameter", "aws_lambda_function", "aws_ecs_task_definition"],
  "title": "quotes values", "attribute": ["password", "value", "tags.owner", "container_definitions",
  "environment[0].variables.API_KEY"], "condition": "present", "message": "the value is {value}",
  "remediation": "none"}]}
JSON
out=$TMP/all
: > "$out"
for fmt in table json sarif; do
    "$CIRCUIT" check --format $fmt "$plan" >>"$out" 2>>"$out" || { echo "check --format $fmt failed"; exit 1; }
    "$CIRCUIT" check --format $fmt --rules "$rules" "$plan" >>"$out" 2>>"$out" || { echo "rules $fmt failed"; exit 1; }
    "$CIRCUIT" check --format $fmt --rules "$rules" --output "$TMP/o.$fmt" "$plan" >>"$out" 2>>"$out" || exit 1
    cat "$TMP/o.$fmt" >>"$out"
done
cat "$plan" | "$CIRCUIT" check --format sarif --rules "$rules" - >>"$out" 2>>"$out" || exit 1
# the findings are there (so the test can fail) ...
for want in 'CIR-ECS-011' 'variable DB_PASSWORD' 'variable API_KEY' 'T-LEAK' 'the value is (not shown)' 'CIR-PLAN-002'; do
    grep -qF -- "$want" "$out" || { echo "missing: $want"; exit 1; }
done
# ... and not one secret, whole or in part
for secret in XYZZY-db-master-Pw-1111 PLUGH-ssm-value-2222 FROBOZZ-env-secret-3333 GRUE-lambda-key-4444 \
              ZORK-sensitive-tag-5555 XYZZY PLUGH FROBOZZ GRUE ZORK; do
    if grep -qF -- "$secret" "$out"; then echo "LEAK: $secret"; grep -nF -- "$secret" "$out" | head -3; exit 1; fi
done
echo ok
