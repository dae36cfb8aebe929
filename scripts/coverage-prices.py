#!/usr/bin/env python3
"""coverage-prices.py — how much of the real plan corpus circuit prices offline.

Runs `circuit cost --offline --format json` over every plan under
fixtures/external/data/plans with a fresh, empty price cache (so every price
comes from the bundled snapshot) and no network, and prints:
  - the share of AWS resources that have a cost model and are not free
    which come out `priced` or `usage_only` (issue 9's target: >= 95%);
  - the reasons for the rest, grouped as "missing price data" (the model
    asked for a price the snapshot does not have), "unknown value /
    assumption needed" (a value that decides the price is known only after
    apply, or lives outside the plan) and "other" (a configuration the model
    does not price), most frequent first, with the regions or types they
    concern.
A resource's reason is the note of its first unpriced component that does
not merely wait for usage figures.  Plans circuit rejects (not plans, HCP
redacted plans, invalid ones) are counted and skipped.

Usage: python3 scripts/coverage-prices.py [--circuit PATH] [--plans DIR] [--list REASON]
Standard library only; exits 0 (it measures, it does not gate).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# note text -> (group, the reason with the variable parts taken out)
PATTERNS = [
    (re.compile(r"no price for (?:[^:]+: )?(.+?)(?: \(.*\))? in (\S+), run"),
     "missing price data", lambda m: f"no price for {m.group(1)}"),
    (re.compile(r"(\S+) known after apply"),
     "unknown value / assumption needed", lambda m: f"{m.group(1)} known after apply"),
    (re.compile(r"(.+) not in the plan"),
     "unknown value / assumption needed", lambda m: f"{m.group(1)} not in the plan"),
    (re.compile(r"no (.+) found"),
     "unknown value / assumption needed", lambda m: f"no {m.group(1)} found"),
]


def classify(note):
    text = re.sub(r"^(not priced|depends on usage): ", "", note or "")
    for pattern, group, reason in PATTERNS:
        m = pattern.search(text)
        if m:
            return group, reason(m)
    return "other", text or "(no note)"


def first_unpriced(res):
    for c in res.get("components") or []:
        if c.get("monthly") is None and not c.get("usage_based"):
            return c
    return None


def run(circuit, plan, cache):
    env = dict(os.environ, CIRCUIT_CACHE=cache)
    for var in ("AWS_REGION", "AWS_DEFAULT_REGION", "CIRCUIT_PRICING_URL"):
        env.pop(var, None)
    p = subprocess.run([circuit, "cost", "--offline", "--quiet", "--format", "json", str(plan)],
                       capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return None
    return json.loads(p.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--circuit", default=str(ROOT / "build/circuit"))
    ap.add_argument("--plans", default=str(ROOT / "fixtures/external/data/plans"))
    ap.add_argument("--list", metavar="REASON", help="list the resources whose reason contains "
                    "REASON (file: address, region)")
    args = ap.parse_args()
    plans = sorted(Path(args.plans).rglob("*.json"))
    statuses = Counter()
    reasons = defaultdict(Counter)       # group -> reason -> count
    where = defaultdict(Counter)         # (group, reason) -> region/type -> count
    listing = []
    rejected = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, plan in enumerate(plans):
            doc = run(args.circuit, plan, os.path.join(tmp, f"cache-{i}.db"))
            if doc is None:
                rejected += 1
                continue
            for res in doc.get("resources", []):
                if not res["type"].startswith("aws_"):
                    continue
                status = res["status"]
                if status in ("free", "unsupported"):
                    continue
                statuses[status] += 1
                if status in ("priced", "usage_only"):
                    continue
                c = first_unpriced(res)
                group, reason = classify(c.get("note") if c else None)
                reasons[group][reason] += 1
                where[(group, reason)][f"{res['type']} in {res.get('region') or '?'}"] += 1
                if args.list and args.list in reason:
                    listing.append(f"{plan.relative_to(args.plans)}: {res['address']} "
                                   f"({res.get('region')})")
    total = sum(statuses.values())
    good = statuses["priced"] + statuses["usage_only"]
    print(f"plans: {len(plans)} ({len(plans) - rejected} read, {rejected} rejected as not "
          f"plans or invalid)")
    print(f"AWS resources with a cost model, not free: {total}")
    share = 100.0 * good / total if total else 0.0
    print(f"priced {statuses['priced']} + usage_only {statuses['usage_only']} = {good} "
          f"({share:.1f}%); not priced {total - good} (target: >= 95%)")
    for group in ("missing price data", "unknown value / assumption needed", "other"):
        n = sum(reasons[group].values())
        print(f"\n{group}: {n} resource{'s' if n != 1 else ''}"
              f" ({100.0 * n / total if total else 0:.1f}%)")
        for reason, count in reasons[group].most_common():
            top = ", ".join(f"{w} x{k}" if k > 1 else w
                            for w, k in where[(group, reason)].most_common(3))
            more = len(where[(group, reason)]) - 3
            print(f"  {count:4d}  {reason}  [{top}{f', +{more} more' if more > 0 else ''}]")
    if args.list:
        print(f"\nresources whose reason contains {args.list!r}:")
        for line in listing:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
