#!/usr/bin/env python3
"""priced-share.py — how much of the real plan corpus circuit prices offline.

Runs `circuit cost --format json` on every plan under a directory (default
fixtures/external/data/plans) with an empty price cache, offline, and counts
the AWS resources that have a cost model and are not free: the share that
comes out `priced` or `usage_only` (issue 9's figure), then the most
frequent reasons for the rest (the component notes, with the region and
values generalised so that like reasons group together).

    scripts/priced-share.py [--circuit build/circuit] [--top 15] [DIR]

Prints:  priced share: P / N = X.X% (priced A, usage_only B, not_priced C)
then one line per reason.  Plans circuit rejects are skipped and counted.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile


def plans_under(root):
    for base, _dirs, files in os.walk(root):
        for f in sorted(files):
            if f.endswith(".json"):
                yield os.path.join(base, f)


def generalise(note):
    note = re.sub(r"in [a-z]{2}(-gov)?-[a-z]+-\d", "in REGION", note)
    note = re.sub(r"--region [a-z]{2}(-gov)?-[a-z]+-\d", "--region REGION", note)
    note = re.sub(r"\"[^\"]*\"", '"…"', note)
    note = re.sub(r"\[\d+\]", "[N]", note)
    note = re.sub(r"no price for .*? in REGION", "no price for … in REGION", note)
    return note


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--circuit", default=os.environ.get("CIRCUIT", "build/circuit"))
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--by-type", action="store_true", help="also print the unpriced count per type")
    ap.add_argument("dir", nargs="?", default="fixtures/external/data/plans")
    a = ap.parse_args()

    counts = collections.Counter()
    reasons = collections.Counter()
    by_type = collections.Counter()
    skipped = 0
    env = dict(os.environ)
    for k in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        env.pop(k, None)
    env["CIRCUIT_DATE"] = env.get("CIRCUIT_DATE", "2026-01-15")
    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "pricing.db")
        for path in plans_under(a.dir):
            p = subprocess.run([a.circuit, "cost", "--quiet", "--offline", "--cache", cache,
                                "--format", "json", path], capture_output=True, env=env)
            if p.returncode != 0:
                skipped += 1
                continue
            doc = json.loads(p.stdout)
            for r in doc["resources"]:
                st = r["status"]
                if st in ("free", "unsupported", "skipped"):
                    continue
                counts[st] += 1
                if st != "not_priced":
                    continue
                by_type[r["type"]] += 1
                notes = set()
                for key in ("components", "components_before"):
                    for c in r.get(key) or []:
                        if c.get("monthly") is None and c.get("note", "").startswith("not priced"):
                            notes.add(generalise(c["note"]))
                for n in notes:
                    reasons[n] += 1
    total = sum(counts.values())
    ok = counts["priced"] + counts["usage_only"]
    pct = 100.0 * ok / total if total else 0.0
    print(f"priced share: {ok} / {total} = {pct:.1f}% (priced {counts['priced']}, "
          f"usage_only {counts['usage_only']}, not_priced {counts['not_priced']}; "
          f"{skipped} files not plans)")
    for note, n in reasons.most_common(a.top):
        print(f"{n:5d}  {note}")
    if a.by_type:
        for t, n in by_type.most_common():
            print(f"{n:5d}  {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
