#!/usr/bin/env python3
"""build-snapshot.py — writes the bundled price snapshot, pricing/snapshot/*.csv.

The snapshot is what a fresh install prices plans with before any
`circuit pricing sync`: real AWS list prices, laid out exactly like AWS's
regional price-list CSV (five metadata rows, the header, one row per price
dimension), one file per offer and region, named <OfferCode>-<region>.csv so
scripts/embed-snapshot.sh and pricing/snapshot.c can embed and find them.
Every row says where its price comes from in its CircuitSource column.

Sources (all read from the repository, nothing from the network):
  regional   fixtures/external/data/aws-prices/regional/*.csv: AWS list prices
             for 32 commercial regions, each row with its source id
             (provenance in that folder's SOURCES.md); turned into price-list
             rows by the table in scripts/snapshot/maps.py;
  legacy     the first sources (scripts/snapshot/legacy.py): us-east-1
             reference figures, the 2023 terracost eu-west-1 dump, captured
             and cited rows of scripts/snapshot-captures.json, Route 53.
Where sources price the same product, scripts/snapshot/merge.py keeps one
row: agreeing sources are all named; when they disagree the newer source
wins, the row names the older price ("not used: ..."), and the choice is
listed in pricing/snapshot/DISAGREEMENTS.md.

Dates: each row's EffectiveDate is the date of the newest source that
vouches for its price (an AWS feed's publication date, a capture's
sighting, the day a golden was last regenerated); a file's Publication Date
is the oldest of its rows, so no row is older than the file says; its
Version is snapshot-<that date>.

Adding a service, an offer or more prices (the recipe):
  1. the source file: a CSV with a row per price (columns: region, what it
     prices, unit, usd, rate_code or sku, source_id; tier_start/tier_end for
     tiers), its source described in its folder's SOURCES.md — either in
     fixtures/external/data/aws-prices/regional/ (a mapping names it by file
     name) or in pricing/sources/ (named by path, "pricing/sources/sqs.csv");
  2. give its source id a publication date in scripts/snapshot/regional.py
     SOURCES;
  3. add one Mapping entry to scripts/snapshot/maps.py: which rows, offer,
     product family, usage type, the attributes a cost model selects on,
     tiers (a new offer also needs its serviceName in
     scripts/snapshot/common.py SERVICE_NAME);
  4. run this script, then scripts/check-snapshot.py; commit the CSVs.
The Makefile embeds every pricing/snapshot/*.csv; lookups load a file the
first time a plan needs that offer in that region.

Deterministic: the same inputs always give byte-identical files.
Usage: python3 scripts/build-snapshot.py [--out DIR] [--shared DIR] [--captures FILE]
Standard library only.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from snapshot import common, legacy, maps, merge, regional, write  # noqa: E402

ROOT = common.ROOT
DEFAULT_CAPTURES = legacy.DEFAULT_CAPTURES


def collect(shared, captures=DEFAULT_CAPTURES):
    """Every source's rows, before merging."""
    common.load_locations(shared)
    regional.check_prefixes(shared)
    doc = legacy.load_captures(captures)
    rows = legacy.apply_captures(legacy.us_east_1_rows() + legacy.eu_west_1_rows(shared) +
                                 legacy.cited_rows(doc), doc)
    regional.learn_usage_types(rows)
    for m in maps.MAPPINGS:
        got = regional.rows_for(shared, m)
        if not got:
            common.fail(f"mapping {m.file} {m.offer} {m.usage}: selects no rows")
        rows.extend(got)
    return rows


def build(shared, out, captures=DEFAULT_CAPTURES):
    """Writes the snapshot into `out`; returns [(file name, rows)]."""
    rows, log, sku_log = merge.merge(collect(shared, captures))
    for key, mine, others in sku_log:
        print(f"build-snapshot: note: {key[:4]} keeps SKU {mine}, another source names {others}",
              file=sys.stderr)
    written = write.write_files(rows, shared, out)
    write.write_disagreements(log, out)
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "pricing/snapshot"))
    ap.add_argument("--shared", default=str(ROOT / "fixtures" / "external"))
    ap.add_argument("--captures", default=str(DEFAULT_CAPTURES))
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    written = build(Path(args.shared), Path(args.out), Path(args.captures))
    if not args.quiet:
        total = sum(n for _, n in written)
        print(f"{len(written)} files, {total} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
