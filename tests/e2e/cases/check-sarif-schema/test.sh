# check-sarif-schema: SARIF from circuit validates against the OASIS SARIF
# 2.1.0 JSON schema (fixtures/sarif, python3-jsonschema): with .tf locations
# (ci-source-map), with plan-file locations and suppressions, with no
# findings, and from stdin.
set -eu
schema=$FIX/sarif/sarif-schema-2.1.0.json
validate() {
    python3 - "$schema" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
v = jsonschema.Draft4Validator(schema)
errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:5]:
    print("%s: %s at %s" % (sys.argv[2], e.message, "/".join(map(str, e.path))), file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}
mkdir -p "$TMP/repo/.git"
cp -R tests/scenarios/ci-source-map/. "$TMP/repo/"
cp "$FIX/scenarios/ci-source-map.json" "$TMP/repo/plan.json"
"$CIRCUIT" check --format sarif "$TMP/repo/plan.json" >"$TMP/a.sarif"
grep -q '"uriBaseId": "%SRCROOT%"' "$TMP/a.sarif"
validate "$TMP/a.sarif"
"$CIRCUIT" check --format sarif --skip CIR-SG-001 "$FIX/plans/web-stack.json" "$FIX/scenarios/ci-source-map.json" >"$TMP/b.sarif"
grep -q '"suppressions"' "$TMP/b.sarif"
validate "$TMP/b.sarif"
"$CIRCUIT" check --format sarif "$FIX/scenarios/instance-basic.json" >"$TMP/c.sarif"
validate "$TMP/c.sarif"
"$CIRCUIT" check --format sarif - <"$FIX/scenarios/ci-source-map.json" >"$TMP/d.sarif"
validate "$TMP/d.sarif"
# The validator is not a rubber stamp: a result without a message fails.
jq '.runs[0].results[0] |= del(.message)' "$TMP/a.sarif" >"$TMP/bad.sarif"
if validate "$TMP/bad.sarif" 2>/dev/null; then echo "schema accepted a result without a message"; exit 1; fi
