#!/usr/bin/env python3
"""pricing-server-fixtures.py — builds fixtures/prices/server/, the tree the
test price server (tests/support/price-server.py) serves to the
`pricing sync` tests, laid out like the AWS Bulk API endpoint.

  offers/v1.0/aws/index.json          the REAL offer index (2025-09-12, 242 offers),
                                      copied unchanged from fixtures/external/data/aws-prices/
  offers/v1.0/aws/<Offer>/current/region_index.json
                                      region indexes in AWS's shape, pointing at:
  offers/v1.0/aws/<Offer>/<version>/<region>/index.csv
                                      the eu-west-1 price lists of fixtures/prices/
                                      (real eu-west-1 prices; see fixtures/prices/SOURCES.md)

Also, for the "new version" tests, AmazonEC2 version 20230301000000: the same
rows less c5.large, with that version and publication date, and
AmazonEC2/current/region_index-v2.json pointing at it (tests copy it over
region_index.json).  The AmazonEC2 region index also lists us-east-1, whose
file is deliberately absent (a real 404).

Usage: scripts/pricing-server-fixtures.py [SHARED_DIR]   (default: fixtures/external)
"""
import csv
import io
import json
import os
import shutil
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "fixtures", "external")
src = os.path.join(root, "fixtures", "prices")
out = os.path.join(src, "server")
aws = os.path.join(out, "offers", "v1.0", "aws")

V1, P1 = "20230223000000", "2023-02-23T00:00:00Z"
V2, P2 = "20230301000000", "2023-03-01T00:00:00Z"
OFFERS = ["AmazonEC2", "AWSELB", "AmazonRDS", "AmazonElastiCache"]
DISCLAIMER = ("This pricing list is for informational purposes only. All prices are subject to the "
              "additional terms included in the pricing pages on http://aws.amazon.com. All Free Tier "
              "prices are also subject to the terms included at https://aws.amazon.com/free/")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write(text)


def region_index(offer, regions, published):
    doc = {
        "formatVersion": "v1.0",
        "disclaimer": DISCLAIMER,
        "publicationDate": published,
        "regions": {r: {"regionCode": r,
                        "currentVersionUrl": f"/offers/v1.0/aws/{offer}/{v}/{r}/index.json"}
                    for r, v in regions},
    }
    return json.dumps(doc, indent=2) + "\n"


def version2(text):
    """AmazonEC2 eu-west-1 as a later version: new metadata, c5.large gone."""
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[5]
    itype = header.index("Instance Type")
    lines = []
    for i, row in enumerate(rows):
        if i < 5 and row[0] == "Version":
            row = ["Version", V2]
        elif i < 5 and row[0] == "Publication Date":
            row = ["Publication Date", P2]
        elif i > 5 and row[itype] == "c5.large":
            continue
        # AWS's 2025 style: every value quoted, empty ones bare (,,)
        lines.append(",".join('"' + v.replace('"', '""') + '"' if v else "" for v in row))
    return "\n".join(lines) + "\n"


def main():
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(aws)
    shutil.copyfile(os.path.join(shared, "data", "aws-prices", "ec2-priceit",
                                 "1-global-service-index.json"),
                    os.path.join(aws, "index.json"))
    for offer in OFFERS:
        with open(os.path.join(src, f"pricing-{offer}-eu-west-1.csv"), newline="") as f:
            text = f.read()
        write(os.path.join(aws, offer, V1, "eu-west-1", "index.csv"), text)
        regions = [("eu-west-1", V1)]
        if offer == "AmazonEC2":
            regions.append(("us-east-1", V1))  # listed, never served: a real 404
            write(os.path.join(aws, offer, V2, "eu-west-1", "index.csv"), version2(text))
            write(os.path.join(aws, offer, "current", "region_index-v2.json"),
                  region_index(offer, [("eu-west-1", V2), ("us-east-1", V2)], P2))
        write(os.path.join(aws, offer, "current", "region_index.json"),
              region_index(offer, regions, P1))


if __name__ == "__main__":
    main()
