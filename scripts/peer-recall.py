#!/usr/bin/env python3
"""peer-recall.py — how circuit's rules compare with what checkov's and Trivy's
own test suites expect on the same plans.

Reads fixtures/peers/expectations.json (each violation, or pass, a peer test
expects on a plan under fixtures/external/data/plans, with the test it comes
from) and fixtures/peers/disputes.json (expectations circuit disagrees with,
each with its reason; they count neither way).  Runs `circuit check --scope
all` on every plan named there (checkov and Trivy scan the whole planned
state) and maps the findings back through the checkov / Trivy ids each rule
lists (`circuit rules --format json`).

  recall          expected violations that some finding covers: a rule that
                  lists the peer id fires on the resource (or on the
                  expectation's circuit_address)
  precision       found violations / (found violations + false positives)
  false positive  a finding of a rule listing the peer id where the test
                  expects the check to pass; or, in a test that runs every
                  check of its tool on a plan, a finding none of whose peer ids
                  of that tool is expected to fail on that resource

Usage: scripts/peer-recall.py [--circuit PATH] [--peers DIR] [--min-recall PCT] [--verbose]
(--peers: a folder with expectations.json and disputes.json other than
fixtures/peers, for testing this script.)
Prints one line per expectation with --verbose, then the totals; exits 1 when
recall is below --min-recall (default 95) or there is a false positive, 2 on
a usage or input error.
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLANS = os.path.join(ROOT, "fixtures", "external", "data", "plans")
PEERS = os.path.join(ROOT, "fixtures", "peers")


def norm(peer_id):
    """Peer ids compare case-insensitively, Trivy's AVD- prefix optional."""
    p = peer_id.strip().upper()
    return p[4:] if p.startswith("AVD-") else p


def split_ids(text):
    return [norm(x) for x in (text or "").split(",") if x.strip()]


def die(msg):
    print("peer-recall: " + msg, file=sys.stderr)
    sys.exit(2)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        die("%s failed (exit %d): %s" % (" ".join(cmd[:2]), r.returncode, r.stderr.strip()[:300]))
    return r.stdout


def main():
    ap = argparse.ArgumentParser(description="recall and false positives against checkov's and Trivy's tests")
    ap.add_argument("--circuit", default=os.path.join(ROOT, os.environ.get("BUILD", "build"), "circuit"))
    ap.add_argument("--min-recall", type=float, default=95.0)
    ap.add_argument("--peers", default=PEERS)
    ap.add_argument("--verbose", "-v", action="store_true")
    a = ap.parse_args()

    try:
        with open(os.path.join(a.peers, "expectations.json")) as f:
            data = json.load(f)
        with open(os.path.join(a.peers, "disputes.json")) as f:
            disputes = json.load(f)["disputes"]
    except (OSError, ValueError, KeyError) as e:
        die("%s: %s" % (a.peers, e))
    graph = {norm(x) for x in data["checkov_graph_checks"]["ids"]}

    # rule id -> {"checkov": {...}, "trivy": {...}}
    rules = {}
    for r in json.loads(run([a.circuit, "rules", "--format", "json"]))["rules"]:
        rules[r["id"]] = {"checkov": set(split_ids(r.get("checkov"))), "trivy": set(split_ids(r.get("trivy")))}

    plans = sorted({e["plan"] for e in data["expectations"]} | {c["plan"] for c in data["complete"]})
    findings = {}   # plan -> [(rule, address)]
    for p in plans:
        path = os.path.join(PLANS, p)
        if not os.path.exists(path):
            die("%s: no such plan" % path)
        doc = json.loads(run([a.circuit, "check", "-q", "--scope", "all", "--format", "json", path]))
        findings[p] = [(f["rule"], f["address"]) for f in doc["findings"]]

    def key(e):
        return (e["plan"], e["tool"], norm(e["id"]), e["address"])

    disputed = {key(d) for d in disputes}
    known = {key(e) for e in data["expectations"]}
    for d in disputes:
        if not d.get("reason"):
            die("dispute %s %s on %s has no reason" % (d["tool"], d["id"], d["address"]))
        if key(d) not in known:
            die("dispute %s %s on %s matches no expectation" % (d["tool"], d["id"], d["address"]))

    def where(e):
        return e.get("circuit_address") or e["address"]

    def covering(e):
        """Rules that list e's peer id and fire where circuit reports e."""
        pid = norm(e["id"])
        return sorted({r for r, addr in findings[e["plan"]] if addr == where(e) and pid in rules.get(r, {}).get(e["tool"], ())})

    hits = misses = fps = 0
    lines, fp_lines, dispute_lines = [], [], []
    for e in data["expectations"]:
        k = key(e)
        rs = covering(e)
        label = "%s %s on %s (%s)" % (e["tool"], e["id"], e["address"], e["plan"])
        if k in disputed:
            dispute_lines.append(label)
            continue
        if e["result"] == "fail":
            if rs:
                hits += 1
                lines.append("hit   %s -> %s" % (label, ", ".join(rs)))
            else:
                misses += 1
                lines.append("MISS  %s" % label)
        elif rs:
            fps += 1
            fp_lines.append("FP    %s expected to pass, but %s fire(s)" % (label, ", ".join(rs)))
        else:
            lines.append("pass  %s" % label)

    # Tests that run every check: each finding must map to an expected failure.
    for c in data["complete"]:
        expected = {}
        for e in data["expectations"]:
            if e["plan"] == c["plan"] and e["tool"] == c["tool"] and e["result"] == "fail":
                expected.setdefault(where(e), set()).add(norm(e["id"]))
        for rule, addr in findings[c["plan"]]:
            ids = set(rules.get(rule, {}).get(c["tool"], ()))
            if c["checks"] == "all but graph checks":
                ids -= graph
            if not ids or ids & expected.get(addr, set()):
                continue
            if any((c["plan"], c["tool"], i, addr) in disputed for i in ids):
                continue
            fps += 1
            fp_lines.append("FP    %s on %s (%s): the %s test runs every check and expects none of %s to fail there"
                            % (rule, addr, c["plan"], c["tool"], ", ".join(sorted(ids))))

    total = hits + misses
    recall = 100.0 * hits / total if total else 100.0
    if a.verbose:
        for l in lines:
            print(l)
    for l in fp_lines:
        print(l)
    for l in lines:
        if l.startswith("MISS") and not a.verbose:
            print(l)
    for l in dispute_lines:
        print("disputed  %s" % l)
    ndisputed = sum(1 for e in data["expectations"] if key(e) in disputed and e["result"] == "fail")
    npass = sum(1 for e in data["expectations"] if key(e) not in disputed and e["result"] == "pass")
    precision = 100.0 * hits / (hits + fps) if hits + fps else 100.0
    print("peer tests expect %d violations (%d disputed); circuit finds %d: recall %.1f%%; "
          "checked against %d expected passes and %d tests that run every check: false positives %d, precision %.1f%%"
          % (total + ndisputed, ndisputed, hits, recall, npass, len(data["complete"]), fps, precision))
    return 0 if recall >= a.min_recall and fps == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
