#!/usr/bin/env python3
"""extract-feeds.py — turns AWS pricing-page feeds into the price extracts in
pricing/sources/*.csv (one file per service; provenance in
pricing/sources/SOURCES.md).

The feeds are AWS's public pricing-page data ("meteredUnitMaps": a manifest and,
per location name, items keyed by a readable "metered unit" name or an opaque
hash, each with a Price List rate code and a price string).  They are not in this
repository (31 MB).  Get them from two public git repositories:

  lamngockhuong/aws-price @ 508fb45296c89efe38772babd7ec766644629267
      lib/data/pricing/<feed>.json          -> FEEDS/<feed>.json
  yeo/ec2.shop @ 73696e380ae600b175f859850a726edebd1de72f
      data/elasticache/elasticache.json     -> FEEDS/ec2shop-elasticache.json

e.g.  git -C aws-price show 508fb45:lib/data/pricing/s3.json > FEEDS/s3.json

What this script does with them, and nothing more:
  * keeps the rows of the 32 commercial regions of
    fixtures/external/data/aws-prices/regional/regions.csv (location name ->
    region code) and of the feeds' non-regional buckets ("Any" and "") as
    region `global`; GovCloud, China, Local Zones and CloudFront's edge-group
    buckets (their rows repeat the "" bucket's) are left out;
  * reads only readable keys; each one is matched by exactly one rule of the
    table RULES below, which names what the row prices (item, option, charge),
    AWS's unit for it, and for tiered prices the tier's range in that unit
    (taken from the key's own words: "First 50 TB" = 0-51200 GB, as AWS's
    Price List ranges count 1 TB = 1024 GB);
  * writes `usd` exactly as the feed has it and the feed's rate code.
A readable key that no rule names is reported (--unmatched lists them), so a
new feed version cannot add prices silently.  Hash-only items are not read:
nothing in the feed says what they are.

Deterministic: rows are sorted, the same feeds give byte-identical files.
Standard library only.
Usage: python3 scripts/extract-feeds.py FEEDS_DIR [--out DIR] [--unmatched]
"""

import argparse
import csv
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS_CSV = ROOT / "fixtures/external/data/aws-prices/regional/regions.csv"
COLUMNS = ["region", "item", "option", "charge", "tier_start", "tier_end", "unit", "usd",
           "rate_code", "source_key", "source_id"]
# Locations that hold prices AWS sets outside any region.
GLOBAL_LOCATIONS = {"Any": "global", "": "global", "Global": "global"}
# Keys that are hashes (RegionlessRateCode) or "SKU TERM.RATE n" stand-ins, not names.
HASH_KEY = re.compile(r"^[A-Za-z0-9_-]{43}( |$)|^[A-Z0-9]{16}[ .]")

# source id -> file name in the feeds directory
SOURCES = {
    "awsprice-s3": "s3.json", "awsprice-route53": "route53.json",
    "awsprice-cloudfront": "cloudfront.json", "awsprice-sns": "sns.json",
    "awsprice-cloudwatch": "cloudwatch.json", "awsprice-apigateway": "apigateway.json",
    "awsprice-waf": "waf.json", "awsprice-cloudtrail": "cloudtrail.json",
    "awsprice-glue": "glue.json", "awsprice-codepipeline": "codepipeline.json",
    "awsprice-kinesis": "kinesis.json", "awsprice-athena": "athena.json",
    "awsprice-config": "config.json", "awsprice-guardduty": "guardduty.json",
    "awsprice-cognito": "cognito.json", "awsprice-lightsail": "lightsail.json",
    "awsprice-neptune": "neptune.json", "awsprice-redshift": "redshift.json",
    "awsprice-timestream": "timestream.json", "awsprice-cloudhsm": "cloudhsm.json",
    "awsprice-shield": "shield.json", "awsprice-dynamodb": "dynamodb.json",
    "awsprice-lambda": "lambda.json", "awsprice-vpc": "vpc.json",
    "awsprice-kms": "kms.json", "awsprice-efs": "efs.json", "awsprice-msk": "msk.json",
    "awsprice-natgateway": "natgateway.json", "awsprice-ecs": "ecs.json",
    "awsprice-eks": "eks.json", "awsprice-datasync": "datasync.json",
    "awsprice-glacier": "glacier.json",
    "ec2shop-elasticache": "ec2shop-elasticache.json",
}

from feedrules import RULES  # noqa: E402  (the rule table, scripts/feedrules.py)


def load_regions():
    with open(REGIONS_CSV, newline="") as f:
        rows = list(csv.DictReader(f))
    return {r["location"]: r["region"] for r in rows if not r["region"].startswith("us-gov")}


def feed_rows(path, source_id, rules, locations, unmatched):
    with open(path) as f:
        feed = json.load(f)
    out = []
    for location, items in feed["regions"].items():
        region = locations.get(location) or GLOBAL_LOCATIONS.get(location)
        if not region:
            continue
        for key, val in items.items():
            if HASH_KEY.match(key):
                continue
            scope = "global" if region == "global" else "regional"
            hits = [(r, m) for r in rules if r.scope in (None, scope)
                    for m in [r.regex.fullmatch(key)] if m]
            if not hits:
                unmatched.setdefault((source_id, key), set()).add(region)
                continue
            if len(hits) > 1:
                sys.exit(f"extract-feeds: {source_id}: key {key!r} matches {len(hits)} rules")
            rule, m = hits[0]
            if rule.skip:
                continue
            item, option, charge, start, end, unit = rule.fields(m)
            out.append({"region": region, "item": item, "option": option, "charge": charge,
                        "tier_start": start, "tier_end": end, "unit": unit,
                        "usd": val["price"], "rate_code": val.get("rateCode", ""),
                        "source_key": key, "source_id": source_id})
    return out


def merge_split_tiers(rows):
    """A page can show one Price List tier as two lines: API Gateway REST in
    ap-southeast-2, ap-southeast-4 and sa-east-1 lists "up to 333 million" and
    "Next 667 million" under one rate code (suffix ZN357FEBCK, AWS's 0-1 billion
    range).  Adjacent tiers of one group with the same rate code and price are one
    price dimension: keep one row spanning both, naming both keys."""
    groups = {}
    for r in rows:
        groups.setdefault((r["region"], r["item"], r["option"], r["charge"]), []).append(r)
    out = []
    for grp in groups.values():
        merged = []
        for r in sorted(grp, key=lambda r: float(r["tier_start"] or -1)):
            prev = merged[-1] if merged else None
            if (prev and r["tier_start"] and prev["rate_code"] == r["rate_code"]
                    and prev["usd"] == r["usd"] and prev["tier_end"] == r["tier_start"]):
                prev["tier_end"] = r["tier_end"]
                prev["source_key"] += " + " + r["source_key"]
                continue
            merged.append(r)
        out += merged
    return out


def write(path, rows):
    rows.sort(key=lambda r: (r["region"], r["item"], r["option"], r["charge"],
                             float(r["tier_start"] or 0), r["source_key"]))
    seen = {}
    for r in rows:
        k = (r["region"], r["item"], r["option"], r["charge"], r["tier_start"])
        if k in seen:
            sys.exit(f"extract-feeds: {path.name}: two rows for {k}: "
                     f"{seen[k]['source_key']!r} and {r['source_key']!r}")
        seen[k] = r
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("feeds", help="directory with the feed files (see the header)")
    ap.add_argument("--out", default=str(ROOT / "pricing/sources"))
    ap.add_argument("--unmatched", action="store_true",
                    help="list every readable key no rule names")
    ap.add_argument("--only", help="write only this extract (file name)")
    args = ap.parse_args()
    locations = load_regions()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    unmatched = {}
    for name, parts in sorted(RULES.items()):
        if args.only and name != args.only:
            continue
        rows = []
        for source_id, rules in parts:
            path = Path(args.feeds) / SOURCES[source_id]
            if not path.is_file() or path.stat().st_size == 0:
                sys.exit(f"extract-feeds: {path}: missing (see the header for where to get it)")
            rows += merge_split_tiers(feed_rows(path, source_id, rules, locations, unmatched))
        if not rows:
            sys.exit(f"extract-feeds: {name}: no rows")
        write(out / name, rows)
        print(f"{name}: {len(rows)} rows, {len({r['region'] for r in rows})} regions")
    if unmatched:
        by_source = {}
        for (sid, key), regions in sorted(unmatched.items()):
            by_source.setdefault(sid, []).append((key, len(regions)))
        for sid, keys in sorted(by_source.items()):
            print(f"unmatched: {sid}: {len(keys)} readable keys", file=sys.stderr)
            if args.unmatched:
                for key, n in keys:
                    print(f"  [{n:2d}] {key!r}", file=sys.stderr)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
