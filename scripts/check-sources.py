#!/usr/bin/env python3
"""check-sources.py — validates the price extracts in pricing/sources/*.csv
(written by scripts/extract-feeds.py or transcribed from other public copies of
AWS's price lists; provenance in pricing/sources/SOURCES.md).

For every file:
  * the header is exactly COLUMNS;
  * region is a commercial region of
    fixtures/external/data/aws-prices/regional/regions.csv, or `global`;
  * item, charge, unit, source_key, source_id are set; usd is a non-negative
    decimal number (as the source wrote it: 0.0230000000, 0.023, 4e-7);
  * no two rows share (region, item, option, charge, tier_start);
  * tiers: tier_start and tier_end are both empty or both set; start < end;
    within one (region, item, option, charge) either no row or every row is a
    tier, and the tiers are contiguous (each ends where the next starts) with
    the last ending at Inf; a first tier that starts above 0 (the source does
    not publish the free allowance) is allowed and counted;
  * one Price List rate-code suffix (the part after the offer term, which AWS
    derives from the tier's range) means one range in every file;
  * every source_id has a section in SOURCES.md (a line "### `id`").
Prints one summary line per file and "sources: ok"; on the first class of
problems prints them (at most 20) and exits 1.

--self-test builds broken copies of a small extract in a scratch folder and
checks that each one is rejected (so the checks can fail).
Standard library only.  Usage: python3 scripts/check-sources.py [--dir DIR] [--self-test]
"""

import argparse
import csv
import re
import shutil
import sys
import tempfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS_CSV = ROOT / "fixtures/external/data/aws-prices/regional/regions.csv"
COLUMNS = ["region", "item", "option", "charge", "tier_start", "tier_end", "unit", "usd",
           "rate_code", "source_key", "source_id"]
USD = re.compile(r"^\d+(\.\d+)?([eE]-?\d+)?$")
UNTIERED_SUFFIX = "6YS6EN2CT7"  # AWS's rate-code suffix for 0-Inf


def known_regions():
    with open(REGIONS_CSV, newline="") as f:
        regions = {r["region"] for r in csv.DictReader(f) if not r["region"].startswith("us-gov")}
    return regions | {"global"}


def documented_sources(folder):
    """Ids named in backquotes on the SOURCES.md section headings ("### `a`, `b`")."""
    path = folder / "SOURCES.md"
    text = path.read_text() if path.is_file() else ""
    heads = re.findall(r"^###[^\n]*", text, re.M)
    return set(re.findall(r"`([^`]+)`", "\n".join(heads)))


def num(s):
    return float("inf") if s == "Inf" else float(s)


def check_file(path, regions, sources, suffixes, errors):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != COLUMNS:
            errors.append(f"{path.name}: header {header} is not {COLUMNS}")
            return None
        rows = [dict(zip(COLUMNS, r)) for r in reader]
    stats = {"rows": len(rows), "regions": set(), "tiered": 0, "above_zero": 0}
    keys, groups = {}, {}
    for n, r in enumerate(rows, 2):
        where = f"{path.name}:{n}"
        if len(r) != len(COLUMNS) or None in r.values():
            errors.append(f"{where}: wrong number of fields")
            continue
        if r["region"] not in regions:
            errors.append(f"{where}: unknown region {r['region']!r}")
        for col in ("item", "charge", "unit", "source_key", "source_id"):
            if not r[col]:
                errors.append(f"{where}: empty {col}")
        if not USD.match(r["usd"]):
            errors.append(f"{where}: usd {r['usd']!r} is not a decimal number")
        else:
            try:
                Decimal(r["usd"])
            except InvalidOperation:
                errors.append(f"{where}: usd {r['usd']!r} does not parse")
        if r["source_id"] and r["source_id"] not in sources:
            errors.append(f"{where}: source {r['source_id']!r} has no section in SOURCES.md")
        key = (r["region"], r["item"], r["option"], r["charge"], r["tier_start"])
        if key in keys:
            errors.append(f"{where}: same {key} as line {keys[key]}")
        keys[key] = n
        stats["regions"].add(r["region"])
        if bool(r["tier_start"]) != bool(r["tier_end"]):
            errors.append(f"{where}: tier_start and tier_end must both be set or both empty")
            continue
        if r["tier_start"]:
            try:
                lo, hi = num(r["tier_start"]), num(r["tier_end"])
            except ValueError:
                errors.append(f"{where}: tier {r['tier_start']}-{r['tier_end']} is not numeric")
                continue
            if not lo < hi or lo < 0:
                errors.append(f"{where}: tier {r['tier_start']}-{r['tier_end']} is not a range")
            suffix = r["rate_code"].split(".")[-1] if r["rate_code"].count(".") == 2 else ""
            if suffix and suffix != UNTIERED_SUFFIX:
                rng = (r["tier_start"], r["tier_end"])
                seen = suffixes.setdefault(suffix, (rng, where))
                if seen[0] != rng:
                    errors.append(f"{where}: rate-code suffix {suffix} is {rng[0]}-{rng[1]} here "
                                  f"but {seen[0][0]}-{seen[0][1]} at {seen[1]}")
        groups.setdefault(key[:4], []).append((n, r))
    for gkey, grp in groups.items():
        tiered = [r for _, r in grp if r["tier_start"]]
        if not tiered:
            continue
        if len(tiered) != len(grp):
            errors.append(f"{path.name}:{grp[0][0]}: {gkey} mixes tiered and untiered rows")
            continue
        try:
            tiered.sort(key=lambda r: num(r["tier_start"]))
        except ValueError:
            continue
        stats["tiered"] += 1
        if num(tiered[0]["tier_start"]) > 0:
            stats["above_zero"] += 1
        for a, b in zip(tiered, tiered[1:]):
            if a["tier_end"] != b["tier_start"]:
                errors.append(f"{path.name}: {gkey}: tier ending {a['tier_end']} is followed by "
                              f"one starting {b['tier_start']}")
        if tiered[-1]["tier_end"] != "Inf":
            errors.append(f"{path.name}: {gkey}: last tier ends at {tiered[-1]['tier_end']}, "
                          "not Inf")
    return stats


def check(folder):
    folder = Path(folder)
    regions, sources, suffixes = known_regions(), documented_sources(folder), {}
    errors, lines = [], []
    files = sorted(folder.glob("*.csv"))
    if not files:
        errors.append(f"{folder}: no extracts")
    for path in files:
        stats = check_file(path, regions, sources, suffixes, errors)
        if stats:
            lines.append(f"{path.name}: {stats['rows']} rows, {len(stats['regions'])} regions, "
                         f"{stats['tiered']} tiered prices ({stats['above_zero']} starting above 0)")
    return errors, lines


GOOD = """region,item,option,charge,tier_start,tier_end,unit,usd,rate_code,source_key,source_id
us-east-1,STANDARD,,storage,0,51200,GB-Mo,0.0230000000,A.JRTCKXETXF.PGHJ3S3EYE,k1,test-src
us-east-1,STANDARD,,storage,51200,Inf,GB-Mo,0.0220000000,A.JRTCKXETXF.D42MF2PVJS,k2,test-src
global,hosted_zone,,hosted_zone,,,HostedZone-Mo,0.5,B.JRTCKXETXF.6YS6EN2CT7,k3,test-src
"""
BROKEN = {
    "unknown region": ("us-east-1,STANDARD,,storage,0", "xx-nowhere-1,STANDARD,,storage,0"),
    "bad usd": ("0.0230000000", "$0.023"),
    "duplicate key": ("global,hosted_zone,,hosted_zone,,,HostedZone-Mo,0.5",
                      "us-east-1,STANDARD,,storage,51200,Inf,GB-Mo,0.5"),
    "gap between tiers": ("51200,Inf,GB-Mo,0.022", "60000,Inf,GB-Mo,0.022"),
    "last tier not Inf": ("51200,Inf,GB-Mo,0.022", "51200,99999,GB-Mo,0.022"),
    "half a tier": ("0,51200,GB-Mo", ",51200,GB-Mo"),
    "undocumented source": ("k3,test-src", "k3,nobody"),
    "bad header": ("tier_start,tier_end", "tier_from,tier_end"),
    "suffix with two ranges": ("A.JRTCKXETXF.D42MF2PVJS", "A.JRTCKXETXF.PGHJ3S3EYE"),
    "empty unit": ("HostedZone-Mo", ""),
}


def self_test():
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "SOURCES.md").write_text("### `test-src`\n")
        (tmp / "t.csv").write_text(GOOD)
        errors, _ = check(tmp)
        if errors:
            print(f"self-test: the good extract is rejected: {errors}")
            failures += 1
        for name, (old, new) in BROKEN.items():
            assert old in GOOD, name
            (tmp / "t.csv").write_text(GOOD.replace(old, new, 1))
            errors, _ = check(tmp)
            print(f"self-test: {name}: {'rejected' if errors else 'NOT REJECTED'}")
            failures += not errors
        shutil.rmtree(tmp, ignore_errors=True)
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default=str(ROOT / "pricing/sources"))
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        failures = self_test()
        print(f"{len(BROKEN) + 1 - failures} passed, {failures} failed")
        sys.exit(1 if failures else 0)
    errors, lines = check(args.dir)
    for line in lines:
        print(line)
    if errors:
        for e in errors[:20]:
            print(f"check-sources: {e}", file=sys.stderr)
        if len(errors) > 20:
            print(f"check-sources: ... and {len(errors) - 20} more", file=sys.stderr)
        sys.exit(1)
    print("sources: ok")


if __name__ == "__main__":
    main()
