# check-junit: --format junit is well-formed XML (parsed by python's
# ElementTree) with one testcase per rule x resource; findings at or above
# --fail-on-severity are failures, milder ones pass (noted in system-out),
# suppressed ones are skipped; counts add up; file/line come from the
# source map; several plans give several testsuites.
set -eu
plan=$FIX/scenarios/ci-source-map.json
"$CIRCUIT" check --format junit --fail-on-severity high --skip CIR-VPC-001 \
    --source-dir tests/scenarios/ci-source-map "$plan" >"$TMP/a.xml" && rc=0 || rc=$?
[ $rc = 1 ] || { echo "want the severity gate to fail (1), got $rc"; exit 1; }
"$CIRCUIT" check --format json --skip CIR-VPC-001 "$plan" >"$TMP/a.json"
python3 - "$TMP/a.xml" "$TMP/a.json" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
check = json.load(open(sys.argv[2]))
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
assert len(suites) == 1
cases = suites[0].findall("testcase")
pairs = [(c.get("classname"), c.get("name")) for c in cases]
assert len(pairs) == len(set(pairs)), "duplicate rule x resource"
by = dict(zip(pairs, cases))
sev = {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}
for f in check["findings"]:
    c = by[(f["rule"], f["address"])]
    if sev[f["severity"]] >= 3:
        fail = c.find("failure")
        assert fail is not None, f
        assert f["message"] in fail.text, (f, fail.text)
        assert fail.get("type") == f["severity"]
    else:
        assert c.find("failure") is None, f
        assert f["message"] in c.find("system-out").text
for s in check["suppressed"]:
    c = by[(s["rule"], s["address"])]
    assert c.find("skipped") is not None and "--skip" in c.find("skipped").get("message"), s
# A resource with a finding carries its .tf location.
c = by[("CIR-SG-001", "aws_security_group.admin")]
assert (c.get("file"), c.get("line")) == ("tests/scenarios/ci-source-map/main.tf", "7"), c.attrib
# Every rule applying to aws_security_group is a testcase for the clean one too.
assert ("CIR-SG-004", "aws_security_group.admin") in by
assert by[("CIR-SG-004", "aws_security_group.admin")].find("failure") is None
# Plan-wide rules that did not fire: one testcase named "plan".
assert any(n == "plan" for _, n in pairs)
nfail = sum(1 for c in cases if c.find("failure") is not None)
nskip = sum(1 for c in cases if c.find("skipped") is not None)
assert int(root.get("tests")) == len(cases) == int(suites[0].get("tests"))
assert int(root.get("failures")) == nfail == 5, nfail
assert int(root.get("skipped")) == nskip == 1, nskip
PY
# Without --fail-on-severity every finding fails; two plans, two suites.
"$CIRCUIT" check --format junit "$plan" "$FIX/scenarios/instance-basic.json" >"$TMP/b.xml"
python3 - "$TMP/b.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert [s.get("name").rsplit("/", 1)[-1] for s in root.findall("testsuite")] == ["ci-source-map.json", "instance-basic.json"]
assert root.get("failures") == "22", root.get("failures")
PY
# Markup in messages is escaped: a rules file whose message holds <, & and quotes.
cat >"$TMP/rules.json" <<'R'
{"schema": "circuit.rules/v1", "rules": [{"id": "TEAM-001", "area": "operations", "severity": "low",
 "resource_types": ["aws_instance"], "title": "a <b> & \"c\"", "attribute": "instance_type",
 "condition": "equals", "value": "t3.micro", "missing": "pass", "message": "size <t3.micro> & 'small'",
 "remediation": "use </testcase> sizes"}]}
R
"$CIRCUIT" check --format junit --rules "$TMP/rules.json" "$FIX/scenarios/instance-basic.json" >"$TMP/c.xml"
python3 -c 'import sys, xml.etree.ElementTree as ET; r = ET.parse(sys.argv[1]).getroot(); f = [c for c in r.iter("testcase") if c.get("classname") == "TEAM-001"][0].find("failure"); assert "<t3.micro> &" in f.text and f.get("message") == "a <b> & \"c\"", f.text' "$TMP/c.xml"
