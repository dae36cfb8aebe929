#!/usr/bin/env python3
"""pricing-fixtures.py — builds the small AWS-format price-list CSVs the
pricing tests use (fixtures/prices/pricing-*.csv) from the real price data in
fixtures/external/data/aws-prices/.  See fixtures/prices/SOURCES.md for what each file
holds and where every price comes from.

Usage: scripts/pricing-fixtures.py [SHARED_DIR]   (default: fixtures/external)
"""
import csv
import json
import os
import shutil
import sys
from decimal import Decimal

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "fixtures", "external")
data = os.path.join(shared, "data", "aws-prices")
out_dir = os.path.join(root, "fixtures", "prices")

DISCLAIMER = ("This pricing list is for informational purposes only. All prices are subject to the "
              "additional terms included in the pricing pages on http://aws.amazon.com. All Free Tier "
              "prices are also subject to the terms included at https://aws.amazon.com/free/")
# The eu-west-1 dump records when terracost ingested it, not the price-list
# version; the fixtures carry that date as their version.
PUBLICATION = "2023-02-23T00:00:00Z"
VERSION = "20230223000000"

TERM = ["SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate",
        "StartingRange", "EndingRange", "Unit", "PricePerUnit", "Currency", "RelatedTo",
        "LeaseContractLength", "PurchaseOption", "OfferingClass", "Product Family", "serviceCode",
        "Location", "Location Type"]

# terracost's renamed attribute keys -> AWS CSV header names
HEADER_OF = {
    "UsageType": "usageType", "InstanceType": "Instance Type", "Tenancy": "Tenancy",
    "OperatingSystem": "Operating System", "LicenseModel": "License Model",
    "CapacityStatus": "CapacityStatus", "PreInstalledSW": "Pre Installed S/W", "Group": "Group",
    "VolumeAPIName": "Volume API Name", "VolumeType": "Volume Type",
    "DatabaseEngine": "Database Engine", "DatabaseEdition": "Database Edition",
    "DeploymentOption": "Deployment Option", "CacheEngine": "Cache Engine",
}

SERVICE_HEADERS = {
    "AWSELB": ["Group", "usageType", "Region Code"],
    "AmazonRDS": ["Instance Type", "Database Engine", "Database Edition", "License Model",
                  "Deployment Option", "Volume Type", "Group", "usageType", "Region Code"],
    "AmazonElastiCache": ["Instance Type", "Cache Engine", "usageType", "Region Code"],
}

SERVICE_NAMES = {"AmazonEC2": "Amazon Elastic Compute Cloud"}


def ec2_header():
    with open(os.path.join(data, "ec2-priceit", "3-global-pricing-file-sample.csv"), newline="") as f:
        return list(csv.reader(f))[5]


def price_text(p):
    return format(Decimal(p).quantize(Decimal("0.0000000001")), "f")


def write(name, offer, header, rows):
    path = os.path.join(out_dir, name)
    with open(path, "w", newline="") as f:
        for k, v in (("FormatVersion", "v1.0"), ("Disclaimer", DISCLAIMER),
                     ("Publication Date", PUBLICATION), ("Version", VERSION), ("OfferCode", offer)):
            f.write('"%s","%s"\n' % (k, v))
        f.write(",".join('"%s"' % h for h in header) + "\n")
        for r in rows:
            f.write(",".join(('"%s"' % r.get(h, "").replace('"', '""')) if r.get(h) else ""
                             for h in header) + "\n")
    print("wrote", path)


def render(service, src_rows, header):
    rows = []
    for s in sorted(src_rows, key=lambda r: (r["family"], r["sku"])):
        attrs = json.loads(s["product_attributes"])
        terms = json.loads(s["price_attributes"])
        r = {
            "SKU": s["sku"], "OfferTermCode": "JRTCKXETXF",
            "RateCode": s["sku"] + ".JRTCKXETXF.6YS6EN2CT7", "TermType": terms["TermType"],
            "StartingRange": terms.get("StartingRange", "0"), "EndingRange": "Inf",
            "Unit": s["unit"], "PricePerUnit": price_text(s["price"]), "Currency": s["currency"],
            "Product Family": s["family"], "serviceCode": service, "Location": "EU (Ireland)",
            "Location Type": "AWS Region", "Region Code": s["location"],
            "serviceName": SERVICE_NAMES.get(service, ""),
        }
        for k, v in attrs.items():
            r[HEADER_OF[k]] = v
        missing = [HEADER_OF[k] for k in attrs if HEADER_OF[k] not in header]
        assert not missing, (service, missing)
        rows.append(r)
    return rows


def main():
    os.makedirs(out_dir, exist_ok=True)
    shutil.copyfile(os.path.join(data, "terracost", "AmazonEC2_eu-west-3.csv"),
                    os.path.join(out_dir, "pricing-AmazonEC2-eu-west-3-2020.csv"))
    shutil.copyfile(os.path.join(data, "ec2-priceit", "3-global-pricing-file-sample.csv"),
                    os.path.join(out_dir, "pricing-AmazonEC2-global-2025-sample.csv"))
    with open(os.path.join(data, "terracost", "derived-eu-west-1-ondemand-reference.csv"),
              newline="") as f:
        src = list(csv.DictReader(f))
    by_service = {}
    for s in src:
        by_service.setdefault(s["service"], []).append(s)
    for service, rows in sorted(by_service.items()):
        header = ec2_header() if service == "AmazonEC2" else TERM + SERVICE_HEADERS[service]
        write("pricing-%s-eu-west-1.csv" % service, service, header, render(service, rows, header))


def bad_inputs():
    """Broken variants of the real AWSELB eu-west-1 file, for the bad-input tests."""
    src = os.path.join(out_dir, "pricing-AWSELB-eu-west-1.csv")
    with open(src) as f:
        lines = f.read().splitlines(True)
    meta, header, rows = lines[:5], lines[5], lines[6:]
    # Rows cut short: fields missing at the end (an interrupted download, a
    # hand edit gone wrong).
    cut = [r[: r.rindex(",\"EU (Ireland)\"")] + "\n" for r in rows]
    with open(os.path.join(out_dir, "pricing-bad-malformed.csv"), "w") as f:
        f.writelines(meta + [header] + rows[:2] + cut[2:])
    with open(os.path.join(out_dir, "pricing-some-bad-rows.csv"), "w") as f:
        f.writelines(meta + [header] + rows + cut[:2])
    # The TermType and PricePerUnit columns removed.
    names = next(csv.reader([header]))
    drop = {names.index("TermType"), names.index("PricePerUnit")}
    def without(line):
        cells = next(csv.reader([line]))
        return ",".join('"%s"' % c for i, c in enumerate(cells) if i not in drop) + "\n"
    with open(os.path.join(out_dir, "pricing-bad-missing-columns.csv"), "w") as f:
        f.writelines(meta + [without(header)] + [without(r) for r in rows])
    print("wrote the bad-input variants")


if __name__ == "__main__":
    main()
    bad_inputs()
