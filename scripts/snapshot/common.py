"""common.py — what every part of the snapshot builder shares: AWS's CSV
constants, the offers and their column headers, the region table, and the
small text helpers (AWS-style price text, descriptions, failures).

Region facts (usage-type prefixes, price-list location names) live here
once; scripts/snapshot/regional.py checks them against the source data.
"""

import csv
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

DISCLAIMER = ("This pricing list is for informational purposes only. All prices are subject to "
              "the additional terms included in the pricing pages on http://aws.amazon.com. All "
              "Free Tier prices are also subject to the terms included at "
              "https://aws.amazon.com/free/")

ONDEMAND_TERM = "JRTCKXETXF"   # AWS's on-demand offer term code
SINGLE_RATE = "6YS6EN2CT7"     # AWS's rate suffix for a one-dimension on-demand price
SOURCE_COLUMN = "CircuitSource"

REGIONAL_DIR = "data/aws-prices/regional"   # under fixtures/external (the --shared dir)


def fail(msg):
    raise SystemExit(f"build-snapshot: {msg}")


# ---- offers ------------------------------------------------------------------
# Offer code -> AWS's serviceName.  A new offer needs an entry here (and in
# pricing/offers.c when `pricing sync` should fetch it by default).

SERVICE_NAME = {
    "AmazonEC2": "Amazon Elastic Compute Cloud",
    "AmazonRDS": "Amazon Relational Database Service",
    "AmazonElastiCache": "Amazon ElastiCache",
    "AWSELB": "Elastic Load Balancing",
    "AmazonCloudWatch": "AmazonCloudWatch",
    "AmazonVPC": "Amazon Virtual Private Cloud",
    "AmazonEKS": "Amazon Elastic Container Service for Kubernetes",
    "AmazonECS": "Amazon Elastic Container Service",
    "AmazonEFS": "Amazon Elastic File System",
    "AWSLambda": "AWS Lambda",
    "AmazonS3": "Amazon Simple Storage Service",
    "AmazonGlacier": "Amazon Glacier",
    "AmazonS3GlacierDeepArchive": "Amazon S3 Glacier Deep Archive",
    "AWSSecretsManager": "AWS Secrets Manager",
    "awskms": "AWS Key Management Service",
    "AmazonRoute53": "Amazon Route 53",
    "AmazonDynamoDB": "Amazon DynamoDB",
    "AmazonES": "Amazon OpenSearch Service",
    "AmazonMSK": "Amazon Managed Streaming for Apache Kafka",
    "AmazonMQ": "Amazon MQ",
    "AmazonSNS": "Amazon Simple Notification Service",
    "AWSQueueService": "Amazon Simple Queue Service",
}

# ---- headers -----------------------------------------------------------------
# Every file: the common AWS columns, the offer's attribute columns, then
# usageType, operation, Region Code, serviceName and CircuitSource.  An
# offer's attribute columns are those declared here, in this order, followed
# by any other column its rows use (in order of first use), so a new
# mapping needs no header edit.  AmazonEC2 uses the columns of AWS's own
# 2025 header (common.ec2_header) that its rows fill, in AWS's order: the
# other 60-odd columns would be empty in every row and cost load time.

COMMON_HEAD = ["SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription",
               "EffectiveDate", "StartingRange", "EndingRange", "Unit", "PricePerUnit",
               "Currency", "RelatedTo", "LeaseContractLength", "PurchaseOption",
               "OfferingClass", "Product Family", "serviceCode", "Location", "Location Type"]
TAIL = ["usageType", "operation"]
REGION_TAIL = ["Region Code", "serviceName"]

OFFER_ATTRS = {
    "AmazonRDS": ["Instance Type", "Current Generation", "Instance Family", "vCPU", "Memory",
                  "Storage", "Network Performance", "Processor Architecture", "Storage Media",
                  "Volume Type", "Min Volume Size", "Max Volume Size", "Engine Code",
                  "Database Engine", "Database Edition", "License Model", "Deployment Option",
                  "Group", "Group Description", "Deployment Model", "Instance Type Family",
                  "Normalization Size Factor"],
    "AmazonElastiCache": ["Instance Type", "Current Generation", "Instance Family", "vCPU",
                          "Memory", "Network Performance", "Cache Engine"],
    "AWSELB": ["Group", "Group Description"],
    "AmazonCloudWatch": ["Group", "Group Description", "Alarm Type"],
    "AmazonVPC": ["Group", "Group Description", "Endpoint Type"],
    "AmazonEKS": ["Tenancy"],
    "AmazonECS": ["Tenancy"],
    "AmazonEFS": ["Storage Class", "Access Type"],
    "AWSLambda": ["Group", "Group Description"],
    "AmazonS3": ["Availability", "Storage Class", "Volume Type", "Durability", "Group",
                 "Group Description"],
    "AmazonGlacier": ["Storage Class", "Volume Type", "Group", "Group Description"],
    "AmazonS3GlacierDeepArchive": ["Storage Class", "Volume Type", "Group", "Group Description"],
    "AWSSecretsManager": ["Group", "Group Description"],
    "awskms": ["Group", "Group Description"],
    "AmazonRoute53": ["Group", "Group Description"],
    "AmazonDynamoDB": ["Group", "Group Description"],
}

# Columns that are not attributes (they never go into an offer's attribute list).
FIXED = set(COMMON_HEAD) | set(TAIL) | set(REGION_TAIL) | {SOURCE_COLUMN}


def ec2_header(shared):
    """The 91-column header of AWS's 2025 EC2 price list, from the sample file."""
    path = shared / "data/aws-prices/ec2-priceit/3-global-pricing-file-sample.csv"
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh):
            if lineno == 5:
                return [f.strip('"') for f in line.rstrip("\n").split('","')]
    fail(f"{path}: no header row")


def offer_header(offer, rows, shared):
    """The header of one offer's files: declared attributes first, then the
    ones its rows add, so every file of an offer has the same columns."""
    if offer == "AmazonEC2":
        head = ec2_header(shared)
        used = {k for r in rows for k in r["attrs"]}
        extra = sorted(used - set(head) - FIXED)
        if extra:
            fail(f"AmazonEC2 rows use columns AWS's EC2 header lacks: {extra}")
        keep = set(COMMON_HEAD) | set(TAIL) | set(REGION_TAIL) | used
        return [h for h in head if h in keep] + [SOURCE_COLUMN]
    attrs = list(OFFER_ATTRS.get(offer, []))
    for r in rows:
        for k in r["attrs"]:
            if k not in FIXED and k not in attrs:
                attrs.append(k)
    return COMMON_HEAD + attrs + TAIL + REGION_TAIL + [SOURCE_COLUMN]


# ---- regions -----------------------------------------------------------------
# The usage-type prefix AWS puts before a region's usage types ("EUW3-" in
# EUW3-BoxUsage:t3.micro).  Source: AWS's "AWS Region billing codes" page
# (docs.aws.amazon.com/global-infrastructure/latest/regions/
# aws-region-billing-codes.html: North America, Africa, Asia Pacific), and for
# every region but ap-southeast-7 and mx-central-1 the usage types of the
# regional MSK and ALB price rows (regional/msk.csv, regional/elb.csv), which
# scripts/snapshot/regional.py checks against this table.  us-east-1 usage
# types are mostly unprefixed; which ones carry USE1- is said per mapping.

REGION_PREFIX = {
    "af-south-1": "AFS1", "ap-east-1": "APE1", "ap-northeast-1": "APN1",
    "ap-northeast-2": "APN2", "ap-northeast-3": "APN3", "ap-south-1": "APS3",
    "ap-south-2": "APS5", "ap-southeast-1": "APS1", "ap-southeast-2": "APS2",
    "ap-southeast-3": "APS4", "ap-southeast-4": "APS6", "ap-southeast-5": "APS7",
    "ap-southeast-7": "APS9", "ca-central-1": "CAN1", "ca-west-1": "CAN2",
    "eu-central-1": "EUC1", "eu-central-2": "EUC2", "eu-north-1": "EUN1",
    "eu-south-1": "EUS1", "eu-south-2": "EUS2", "eu-west-1": "EU", "eu-west-2": "EUW2",
    "eu-west-3": "EUW3", "il-central-1": "ILC1", "me-central-1": "MEC1",
    "me-south-1": "MES1", "mx-central-1": "MXC1", "sa-east-1": "SAE1",
    "us-east-1": "USE1", "us-east-2": "USE2", "us-west-1": "USW1", "us-west-2": "USW2",
}

# Price-list location names, read from regional/regions.csv (AWS's names as
# the EC2 pricing-page feed lists them).
_LOCATION = {}


def load_locations(shared):
    """Fills the location table from regions.csv (once)."""
    if _LOCATION:
        return _LOCATION
    with open(shared / REGIONAL_DIR / "regions.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["region"] in REGION_PREFIX:
                _LOCATION[r["region"]] = r["location"]
    missing = set(REGION_PREFIX) - set(_LOCATION)
    if missing:
        fail(f"regions.csv lacks {sorted(missing)}")
    return _LOCATION


def location(region):
    if not _LOCATION:
        fail("location table not loaded")
    return _LOCATION[region]


# ---- text ----------------------------------------------------------------------

def trim(price):
    """Price text for descriptions, as AWS writes it: 0.0450 -> 0.045, 0.3 -> 0.30."""
    d = Decimal(str(price)).normalize()
    if d.as_tuple().exponent > -2:
        d = d.quantize(Decimal("0.01"))
    return format(d, "f")


def price_text(price):
    """AWS writes prices with ten decimal places: 0.0416000000."""
    d = Decimal(str(price))
    q = d.quantize(Decimal("0.0000000001"))
    if q != d:
        fail(f"price {price} has more than ten decimal places")
    return format(q, "f")


def describe(family, region, attrs, price, unit):
    """A PriceDescription in AWS's style, for rows whose source lacks AWS's text."""
    usage = attrs.get("usageType", "")
    if family == "Compute Instance" and attrs.get("Operating System") not in (None, "NA"):
        return (f"${price} per On Demand {attrs['Operating System']} {attrs['Instance Type']} "
                f"{'Dedicated ' if attrs.get('Tenancy') == 'Dedicated' else ''}Instance Hour"
                f"{'' if attrs.get('CapacityStatus') == 'Used' else ' (' + attrs.get('CapacityStatus', '') + ')'}")
    if family == "Database Instance":
        edition = f" {attrs['Database Edition']} ({attrs['License Model']})" \
            if attrs.get("Database Edition") else ""
        return (f"${price} per RDS {attrs['Instance Type']} {attrs['Deployment Option']} instance "
                f"hour (or partial hour) running {attrs['Database Engine']}{edition}")
    if family == "Cache Instance":
        return f"${price} per On-demand Node {attrs['Instance Type']} hour ({attrs['Cache Engine']})"
    where = "all regions" if region == "global" else location(region)
    return f"${price} per {unit} for {usage} in {where}"
