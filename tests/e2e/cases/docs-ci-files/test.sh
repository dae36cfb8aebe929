# docs-ci-files: the example CI files parse as YAML (python3-yaml), hold the
# steps they promise (plan, review, comment, SARIF upload, gate; JUnit report
# on GitLab), never keep plan.json beyond the pipeline, and every circuit
# command line in them is valid: it parses (CIRCUIT_CHECK_ARGS=1: command,
# options, values, argument count) and a command line with a wrong option
# fails the same check.
set -eu
python3 - "$CIRCUIT" docs/ci/github-actions.yml docs/ci/gitlab-ci.yml <<'PY'
import os, re, shlex, subprocess, sys, yaml
circuit, gh_path, gl_path = sys.argv[1:4]

def commands(script):
    """circuit command lines in a shell script: split on newlines and
    operators (&&, ||, ;, |), keep those starting with circuit."""
    out = []
    for line in script.splitlines():
        for part in re.split(r"\|\||&&|;|\|", line):
            words = shlex.split(part.strip(), comments=True)
            words = [w for w in words if not re.fullmatch(r"\w+=.*", w) or words.index(w) > 0]
            if words and words[0] == "circuit":
                out.append(words[1:])
    return out

def valid(args):
    env = dict(os.environ, CIRCUIT_CHECK_ARGS="1")
    r = subprocess.run([circuit] + args, env=env, capture_output=True, text=True)
    return r.returncode == 0, r.stderr.strip()

gh = yaml.safe_load(open(gh_path))
steps = gh["jobs"]["review"]["steps"]
runs = [s["run"] for s in steps if "run" in s]
uses = [s.get("uses", "") for s in steps]
assert any("terraform show -json tfplan > plan.json" in r for r in runs), "no plan step"
assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses), "no SARIF upload"
assert gh["permissions"]["pull-requests"] == "write" and gh["permissions"]["security-events"] == "write"
gh_cmds = [c for r in runs for c in commands(r)]
names = [c[0] for c in gh_cmds]
assert names.count("review") == 1 and "comment" in names and "check" in names, names
assert any("exit 1" in r for r in runs), "no gate step"
assert "--fail-on" in gh_cmds[names.index("review")], "review has no gate flag"

gl = yaml.safe_load(open(gl_path))
script = "\n".join(gl["plan"]["script"] + gl["review"]["script"])
assert gl["review"]["artifacts"]["reports"]["junit"].endswith("circuit-junit.xml")
assert gl["plan"]["artifacts"]["expire_in"] and gl["plan"]["artifacts"]["access"] == "developer"
gl_cmds = commands(script)
names = [c[0] for c in gl_cmds]
assert {"review", "comment", "check"} <= set(names), names
assert any(c[0] == "check" and "junit" in c for c in gl_cmds)

for path in (gh_path, gl_path):
    text = open(path).read()
    assert "git add" not in text and "git commit" not in text, path + " commits something"

n = 0
for c in gh_cmds + gl_cmds:
    ok, why = valid(c)
    assert ok, "%s: circuit %s: %s" % (path, " ".join(c), why)
    n += 1
    # The check can fail: the same line with an unknown option does.
    bad, _ = valid(c + ["--no-such-option"])
    assert not bad, c
assert n >= 7, n
print("checked %d circuit command lines" % n)
PY
