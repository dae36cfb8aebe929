# check-sarif-source-map: a checkout of the ci-source-map scenario (real
# terraform plan, nested local modules called with count and for_each) with
# plan.json beside the .tf files.  SARIF maps by default: every result points
# at the right .tf file and line, relative to the repository root with
# uriBaseId; JSON does the same with --source-dir.  A block that cannot be
# found falls back to the plan with a note; no URI is ever absolute.
set -eu
repo=$TMP/repo
mkdir -p "$repo/.git" "$repo/infra"
cp -R tests/scenarios/ci-source-map/. "$repo/infra/"
cp "$FIX/scenarios/ci-source-map.json" "$repo/infra/plan.json"
cd "$TMP"
"$CIRCUIT" check --format sarif "$repo/infra/plan.json" >"$TMP/out.sarif"
# address -> file:line, read off the .tf files by hand.
cat >"$TMP/want" <<'W'
aws_security_group.admin infra/main.tf 7 1
module.network.aws_vpc.main infra/modules/network/main.tf 5 1
module.network.aws_subnet.public infra/modules/network/main.tf 12 1
module.network.module.bastion[0].aws_instance.bastion infra/modules/network/modules/bastion/instance.tf 6 1
module.network.module.bastion[0].aws_security_group.rdp infra/modules/network/modules/bastion/sg.tf 1 3
module.storage["assets"].aws_ebs_volume.scratch infra/modules/storage/main.tf 9 1
module.storage["logs"].aws_ebs_volume.scratch infra/modules/storage/main.tf 9 1
module.storage["assets"].aws_s3_bucket.this infra/modules/storage/main.tf 5 1
module.storage["logs"].aws_s3_bucket.this infra/modules/storage/main.tf 5 1
W
python3 - "$TMP/out.sarif" "$TMP/want" <<'PY'
import json, sys
sarif = json.load(open(sys.argv[1]))
want = {}
for line in open(sys.argv[2]):
    addr, f, l, c = line.split()
    want[addr] = (f, int(l), int(c))
results = sarif["runs"][0]["results"]
assert results   # several rules may fire on one resource: each result is checked below
seen = set()
for r in results:
    addr = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
    pl = r["locations"][0]["physicalLocation"]
    got = (pl["artifactLocation"]["uri"], pl["region"]["startLine"], pl["region"]["startColumn"])
    assert pl["artifactLocation"]["uriBaseId"] == "%SRCROOT%", pl
    assert got == want[addr], (addr, got, want[addr])
    assert "locationNote" not in r.get("properties", {}), r
    seen.add(addr)
assert seen == set(want), set(want) - seen
PY
# JSON with --source-dir from another folder: same files, relative to the repository root.
"$CIRCUIT" check --format json --source-dir "$repo/infra" "$repo/infra/plan.json" \
    | jq -r '.findings[] | "\(.address) \(.source.file) \(.source.line) \(.source.column)"' | sort -u >"$TMP/json-got"
sort "$TMP/want" | cmp - "$TMP/json-got" || { diff <(sort "$TMP/want") "$TMP/json-got"; exit 1; }
# A block that is gone: that result falls back to the plan, with a note.
rm "$repo/infra/modules/network/modules/bastion/sg.tf"
"$CIRCUIT" check --format sarif "$repo/infra/plan.json" >"$TMP/fallback.sarif"
python3 - "$TMP/fallback.sarif" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
for r in results:
    pl = r["locations"][0]["physicalLocation"]
    uri = pl["artifactLocation"]["uri"]
    assert not uri.startswith("/") and "://" not in uri and ".." not in uri, uri
    addr = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
    if addr.endswith("aws_security_group.rdp"):
        assert uri == "infra/plan.json", uri
        assert pl["region"]["startLine"] > 1
        assert r["properties"]["locationNote"] == "resource block not found in the source directory; pointing at the plan", r
    else:
        assert uri.endswith(".tf"), uri
PY
# Without .tf files beside the plan, and the plan outside any repository and
# outside the current folder, it is named by its base name.
mkdir -p "$TMP/elsewhere"
cp "$FIX/scenarios/ci-source-map.json" "$TMP/elsewhere/plan.json"
mkdir -p "$TMP/cwd"; (cd "$TMP/cwd" && "$CIRCUIT" check --format sarif "$TMP/elsewhere/plan.json") | jq -r '.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri' | sort -u >"$TMP/uris"
[ "$(cat "$TMP/uris")" = plan.json ] || { echo "uris: $(cat "$TMP/uris")"; exit 1; }
# A --source-dir that does not exist is an error.
if "$CIRCUIT" check --source-dir "$TMP/nope" "$repo/infra/plan.json" 2>"$TMP/err"; then exit 1; fi
grep -q "^circuit: $TMP/nope: cannot read the source directory: No such file or directory" "$TMP/err"
