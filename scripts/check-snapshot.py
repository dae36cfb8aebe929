#!/usr/bin/env python3
"""check-snapshot.py — proves the bundled price snapshot is sound.

Checks, in order, and stops with a one-line reason per failure:
  1. pricing/snapshot/*.csv and DISAGREEMENTS.md are exactly what
     scripts/build-snapshot.py writes now (deterministic and up to date with
     its sources);
  2. every file is an AWS regional price-list CSV: the five metadata rows,
     a header with the required columns, OfferCode and region matching the
     file name, on-demand USD rows with ten-decimal prices, rate codes built
     from the SKU, and a non-empty CircuitSource on every row;
  3. every eu-west-1 row taken from the terracost data agrees with
     derived-eu-west-1-ondemand-reference.csv where that file has the SKU
     (or a newer source replaced its price, as the row records);
  4. the golden monthly figures of reference-prices.md §2 (us-east-1) and
     §3 (eu-west-1) come out of the snapshot rows by plain arithmetic
     (unit price x quantity, 730 hours a month, half-up to cents), each
     selector matching exactly one row; so do the monthly figures of a few
     captured rows (CAPTURE_FIGURES: the captured price x 730);
  5. every capture in scripts/snapshot-captures.json is in its file once,
     with its SKU, rate code (or, where the capture has none, a synthetic
     tier suffix or the real one a regional source gives), price and unit,
     and its CircuitSource names every source that shows it; every cited
     price is in its file once, at that price, naming every source that
     states it and no older than the newest; every real SKU outside
     eu-west-1 comes from a capture, a documented excerpt or a regional
     source row;
  6. each file's Publication Date is its oldest row date (EffectiveDate)
     and its Version is snapshot-<that date>;
  7. every row the regional mappings (scripts/snapshot/maps.py) take from
     fixtures/external/data/aws-prices/regional is in the snapshot at its
     price, or the row says which newer source replaced it; every usage type
     carries its region's prefix (us-east-1 may go without); the 32 regions
     each have the offers the regional files cover.
Prints "snapshot: N checks passed" and exits 0, or exits 1.
Usage: python3 scripts/check-snapshot.py [--shared DIR] [--no-rebuild]
"""

import argparse
import csv
import importlib.util
import json
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAP = ROOT / "pricing/snapshot"
CAPTURES = ROOT / "scripts/snapshot-captures.json"
HOURS = Decimal(730)
REGIONAL = "data/aws-prices/regional"

# Real us-east-1 SKUs named by a public offer excerpt rather than a capture
# (see SOURCES.md, "epam/cloud-pipeline").
EXCERPT_SKUS = {"WP9ANXZGBYYSGJEA", "SKAKWE8C8SPXCVHA"}

REQUIRED = ["SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription",
            "EffectiveDate", "StartingRange", "EndingRange", "Unit", "PricePerUnit",
            "Currency", "Product Family", "serviceCode", "Location", "Location Type",
            "usageType", "operation", "Region Code", "CircuitSource"]

failures = []
passed = 0


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)


def load(path):
    """(metadata dict, header, rows as dicts) of one snapshot CSV."""
    with open(path, newline="", encoding="utf-8") as fh:
        records = list(csv.reader(fh))
    meta = {r[0]: r[1] for r in records[:5] if len(r) == 2}
    header = records[5]
    rows = []
    for i, rec in enumerate(records[6:], start=7):
        check(len(rec) == len(header), f"{path.name}:{i}: {len(rec)} fields, header has "
                                       f"{len(header)}")
        rows.append(dict(zip(header, rec)))
    return meta, header, rows


def load_all():
    files = {}
    for path in sorted(SNAP.glob("*.csv")):
        offer, _, region = path.stem.partition("-")
        files[(offer, region)] = (path,) + load(path)
    return files


# ---- 1. rebuild --------------------------------------------------------------

def builder():
    spec = importlib.util.spec_from_file_location("build_snapshot",
                                                  ROOT / "scripts/build-snapshot.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def built_files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv")) +
            [folder / "DISAGREEMENTS.md"] if p.exists()}


def check_rebuild(shared):
    mod = builder()
    with tempfile.TemporaryDirectory() as tmp:
        mod.build(shared, Path(tmp))
        fresh = built_files(Path(tmp))
    have = built_files(SNAP)
    check(sorted(fresh) == sorted(have),
          f"rebuild: file set differs: only built {sorted(set(fresh) - set(have))}, "
          f"only committed {sorted(set(have) - set(fresh))}")
    for name in sorted(set(fresh) & set(have)):
        check(fresh[name] == have[name],
              f"rebuild: {name} differs from a fresh build; run scripts/build-snapshot.py")


# ---- 2. format -----------------------------------------------------------------

def check_format(files):
    for (offer, region), (path, meta, header, rows) in files.items():
        name = path.name
        check(list(meta) == ["FormatVersion", "Disclaimer", "Publication Date", "Version",
                             "OfferCode"], f"{name}: metadata rows are {list(meta)}")
        check(meta.get("FormatVersion") == "v1.0", f"{name}: FormatVersion")
        check(meta.get("OfferCode") == offer, f"{name}: OfferCode {meta.get('OfferCode')}")
        check(len(meta.get("Publication Date", "")) == 20,
              f"{name}: Publication Date {meta.get('Publication Date')!r}")
        missing = [c for c in REQUIRED if c not in header]
        check(not missing, f"{name}: header lacks {missing}")
        check(header[-1] == "CircuitSource", f"{name}: CircuitSource is not the last column")
        check(len(rows) > 0, f"{name}: no rows")
        rates = set()
        for i, r in enumerate(rows, start=7):
            where = f"{name}:{i}"
            check(r.get("CircuitSource", "").strip() != "", f"{where}: no CircuitSource")
            check(r.get("SKU", "") != "", f"{where}: no SKU")
            check(r.get("TermType") == "OnDemand", f"{where}: TermType {r.get('TermType')}")
            check(r.get("Currency") == "USD", f"{where}: Currency {r.get('Currency')}")
            check(r.get("serviceCode") == offer, f"{where}: serviceCode {r.get('serviceCode')}")
            check(r.get("RateCode", "").startswith(f"{r.get('SKU')}.{r.get('OfferTermCode')}."),
                  f"{where}: RateCode {r.get('RateCode')} not built from SKU and term")
            check(r.get("RateCode") not in rates, f"{where}: duplicate RateCode")
            rates.add(r.get("RateCode"))
            price = r.get("PricePerUnit", "")
            try:
                ok = Decimal(price) >= 0 and len(price.partition(".")[2]) == 10
            except InvalidOperation:
                ok = False
            check(ok, f"{where}: PricePerUnit {price!r} is not a ten-place decimal")
            want_region = "" if region == "global" else region
            check(r.get("Region Code") == want_region,
                  f"{where}: Region Code {r.get('Region Code')!r}, file says {region}")
            if r["SKU"].startswith("CIRCUITREF"):
                check("synthetic SKU" in r["CircuitSource"],
                      f"{where}: synthetic SKU not declared in CircuitSource")


# ---- 3. eu-west-1 against the derived reference file ---------------------------

def check_derived(files, shared):
    path = shared / "data/aws-prices/terracost/derived-eu-west-1-ondemand-reference.csv"
    ours = {}
    for (offer, region), (_, _, _, rows) in files.items():
        if region == "eu-west-1":
            for r in rows:
                ours.setdefault((offer, r["SKU"]), []).append(r)
    matched = 0
    with open(path, newline="", encoding="utf-8") as fh:
        for d in csv.DictReader(fh):
            start = json.loads(d["price_attributes"]).get("StartingRange", "0")
            for r in ours.get((d["service"], d["sku"]), []):
                if r["StartingRange"] != start:
                    continue
                matched += 1
                replaced = "not used: terracost dump 2023-02-23" in r["CircuitSource"]
                check((Decimal(r["PricePerUnit"]) == Decimal(d["price"]) or replaced)
                      and r["Unit"] == d["unit"],
                      f"eu-west-1 {d['sku']}: {r['PricePerUnit']} {r['Unit']} but the derived "
                      f"reference says {d['price']} {d['unit']}")
    check(matched >= 40, f"eu-west-1: only {matched} rows cross-checked against {path.name}")


# ---- 4. golden figures ---------------------------------------------------------

def find(files, offer, region, family, **cols):
    """The one row of offer/region/family whose columns equal cols (keys use _
    for spaces; start= picks a tier)."""
    start = cols.pop("start", "0")
    want = {k.replace("_", " "): v for k, v in cols.items()}
    entry = files.get((offer, region))
    if entry is None:
        return None, f"no file {offer}-{region}.csv"
    hits = [r for r in entry[3] if r["Product Family"] == family and r["StartingRange"] == start
            and all(r.get(k) == v for k, v in want.items())]
    if len(hits) != 1:
        return None, f"{len(hits)} rows match {offer}-{region} {family} {want}"
    return Decimal(hits[0]["PricePerUnit"]), None


def money(x):
    return "$" + format(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), ",")


def ec2(itype, region="us-east-1", os_="Linux", tenancy="Shared"):
    prefix = {"us-east-1": "", "eu-west-1": "EU-"}[region]
    usage = ("DedicatedUsage:" if tenancy == "Dedicated" else "BoxUsage:") + itype
    return ("AmazonEC2", region, "Compute Instance",
            {"Instance_Type": itype, "Operating_System": os_, "Tenancy": tenancy,
             "Pre Installed S/W": "NA", "License_Model": "No License required",
             "CapacityStatus": "Used", "usageType": prefix + usage})


def ebs(api, region="us-east-1"):
    return ("AmazonEC2", region, "Storage", dict(Volume_API_Name=api))


def rds(itype, engine, deploy, region="us-east-1"):
    return ("AmazonRDS", region, "Database Instance",
            dict(Instance_Type=itype, Database_Engine=engine, Deployment_Option=deploy))


def rds_storage(vtype, deploy, region="us-east-1"):
    return ("AmazonRDS", region, "Database Storage",
            dict(Volume_Type=vtype, Database_Engine="Any", Deployment_Option=deploy))


def rds_iops(gdesc, deploy, region="us-east-1"):
    return ("AmazonRDS", region, "Provisioned IOPS",
            dict(Group_Description=gdesc, Database_Engine="Any", Deployment_Option=deploy))


def usage(offer, family, ut, region="us-east-1", **more):
    return (offer, region, family, dict(usageType=ut, **more))


def cache(itype, engine, region="us-east-1"):
    return ("AmazonElastiCache", region, "Cache Instance",
            dict(Instance_Type=itype, Cache_Engine=engine))


def lb(family, ut, region="us-east-1"):
    return ("AWSELB", region, family, dict(usageType=ut, Location_Type="AWS Region"))


H = HOURS
D = Decimal
# (label, expected, quantity, selector): reference-prices.md §2 and §3.
GOLDENS = [
    ("#1 t3.medium", "$30.37", H, ec2("t3.medium")),
    ("#1 root 8 GB gp2", "$0.80", D(8), ebs("gp2")),
    ("#2 m5.large", "$70.08", H, ec2("m5.large")),
    ("#3 m3.medium", "$48.91", H, ec2("m3.medium")),
    ("#3 t3.large", "$60.74", H, ec2("t3.large")),
    ("#3 t2.medium", "$33.87", H, ec2("t2.medium")),
    ("#4 r3.xlarge", "$243.09", H, ec2("r3.xlarge")),
    ("#4 EBS-optimized", "$14.60", H,
     usage("AmazonEC2", "Compute Instance", "EBSOptimized:r3.xlarge", Instance_Type="r3.xlarge")),
    ("#5 CPU credits", "$73.00", D(1460),
     usage("AmazonEC2", "CPU Credits", "CPUCredits:t3", Operating_System="Linux")),
    ("#7 gp2 10 GB", "$1.00", D(10), ebs("gp2")),
    ("#7 gp3 40 GB", "$3.20", D(40), ebs("gp3")),
    ("#7 gp3 1,000 IOPS", "$5.00", D(1000),
     ("AmazonEC2", "us-east-1", "System Operation", dict(Volume_API_Name="gp3"))),
    ("#7 gp3 5 MBps", "$0.20", D(5) / D(1024),
     ("AmazonEC2", "us-east-1", "Provisioned Throughput", dict(Volume_API_Name="gp3"))),
    ("#8 io1 30 GB", "$3.75", D(30), ebs("io1")),
    ("#8 io1 300 IOPS", "$19.50", D(300),
     ("AmazonEC2", "us-east-1", "System Operation", dict(Volume_API_Name="io1"))),
    ("#8 st1 40 GB", "$1.80", D(40), ebs("st1")),
    ("#8 sc1 50 GB", "$0.75", D(50), ebs("sc1")),
    ("#8 magnetic 20 GB", "$1.00", D(20), ebs("standard")),
    ("#9 MySQL db.t3.large", "$99.28", H, rds("db.t3.large", "MySQL", "Single-AZ")),
    ("#9 20 GB gp2", "$2.30", D(20), rds_storage("General Purpose", "Single-AZ")),
    ("#10 MySQL db.t3.large Multi-AZ", "$198.56", H, rds("db.t3.large", "MySQL", "Multi-AZ")),
    ("#10 30 GB gp2 Multi-AZ", "$6.90", D(30), rds_storage("General Purpose", "Multi-AZ")),
    ("#11 PostgreSQL db.t3.large", "$105.85", H, rds("db.t3.large", "PostgreSQL", "Single-AZ")),
    ("G Oracle SE2 db.t3.large", "$219.00", H, ("AmazonRDS", "us-east-1", "Database Instance",
     dict(Instance_Type="db.t3.large", Database_Engine="Oracle", Database_Edition="Standard Two",
          License_Model="License included", Deployment_Option="Single-AZ"))),
    ("G SQL Server Web db.t3.large", "$169.36", H, ("AmazonRDS", "us-east-1", "Database Instance",
     dict(Instance_Type="db.t3.large", Database_Engine="SQL Server", Database_Edition="Web",
          Deployment_Option="Single-AZ"))),
    ("G SQL Server Express db.t3.large", "$118.26", H, ("AmazonRDS", "us-east-1",
     "Database Instance", dict(Instance_Type="db.t3.large", Database_Engine="SQL Server",
                               Database_Edition="Express", Deployment_Option="Single-AZ"))),
    ("G Aurora PostgreSQL db.t3.large", "$119.72", H,
     rds("db.t3.large", "Aurora PostgreSQL", "Single-AZ")),
    ("G Aurora MySQL db.t3.medium", "$59.86", H, rds("db.t3.medium", "Aurora MySQL", "Single-AZ")),
    ("G magnetic 40 GB", "$4.00", D(40), rds_storage("Magnetic", "Single-AZ")),
    ("G gp3 400 GB Single-AZ", "$46.00", D(400), rds_storage("General Purpose-GP3", "Single-AZ")),
    ("G gp3 2,000 IOPS Single-AZ", "$40.00", D(2000),
     rds_iops("RDS Provisioned GP3 IOPS", "Single-AZ")),
    ("G DynamoDB 20 WCU", "$9.49", 20 * H,
     usage("AmazonDynamoDB", "Provisioned IOPS", "WriteCapacityUnit-Hrs")),
    ("G DynamoDB 30 RCU", "$2.85", 30 * H,
     usage("AmazonDynamoDB", "Provisioned IOPS", "ReadCapacityUnit-Hrs")),
    # The golden's $3.75 is AWS's price before the 2024-11-01 cut ($1.25 per
    # million); the snapshot carries today's $0.625 (regional/dynamodb.csv).
    ("G DynamoDB 3M WRU (at the price since 2024-11-01)", "$1.88", D(3000000),
     usage("AmazonDynamoDB", "Amazon DynamoDB PayPerRequest Throughput", "WriteRequestUnits")),
    # AWS prices storage above the free 25 GB; the golden applies it to all 230 GB.
    ("G DynamoDB 230 GB", "$57.50", D(230),
     usage("AmazonDynamoDB", "Database Storage", "TimedStorage-ByteHrs", start="25")),
    ("G EBS io2 30 GB", "$3.75", D(30), ebs("io2")),
    ("G EBS snapshot 10 GB", "$0.50", D(10),
     usage("AmazonEC2", "Storage Snapshot", "EBS:SnapshotUsage")),
    ("#12 io1 100 GB", "$12.50", D(100), rds_storage("Provisioned IOPS", "Single-AZ")),
    ("#12 1,200 IOPS", "$120.00", D(1200), rds_iops("RDS Provisioned IOPS", "Single-AZ")),
    ("#12 1,000 IOPS", "$100.00", D(1000), rds_iops("RDS Provisioned IOPS", "Single-AZ")),
    ("#13 db.t4g.small Multi-AZ", "$47.45", H, rds("db.t4g.small", "MySQL", "Multi-AZ")),
    ("#13 400 GB gp3 Multi-AZ", "$92.00", D(400), rds_storage("General Purpose-GP3", "Multi-AZ")),
    ("#13 2,000 gp3 IOPS Multi-AZ", "$80.00", D(2000),
     rds_iops("RDS Provisioned GP3 IOPS", "Multi-AZ")),
    ("#14 NAT gateway", "$32.85", H, usage("AmazonEC2", "NAT Gateway", "NatGateway-Hours")),
    ("#14 NAT 100 GB", "$4.50", D(100), usage("AmazonEC2", "NAT Gateway", "NatGateway-Bytes")),
    ("#15 ALB", "$16.43", H, lb("Load Balancer-Application", "LoadBalancerUsage")),
    ("#15 NLB", "$16.43", H, lb("Load Balancer-Network", "LoadBalancerUsage")),
    ("#16 ALB 1,000 LCU-h", "$8.00", D(1000), lb("Load Balancer-Application", "LCUUsage")),
    ("#16 NLB 1,000 LCU-h", "$6.00", D(1000), lb("Load Balancer-Network", "LCUUsage")),
    ("#17 EKS cluster", "$73.00", H,
     usage("AmazonEKS", "Compute", "USE1-AmazonEKS-Hours:perCluster")),
    ("#17 EKS extended support surcharge", "$365.00", H,
     usage("AmazonEKS", "Compute", "USE1-AmazonEKS-Hours:extendedSupport")),
    ("#18 node group t3.medium", "$30.37", H, ec2("t3.medium")),
    ("#18 node group 20 GB gp2", "$2.00", D(20), ebs("gp2")),
    ("#19 Fargate 1 vCPU", "$29.55", H,
     usage("AmazonECS", "Compute", "USE1-Fargate-vCPU-Hours:perCPU")),
    ("#19 Fargate 2 GB", "$6.49", 2 * H, usage("AmazonECS", "Compute", "USE1-Fargate-GB-Hours")),
    ("#19 Fargate 2 vCPU", "$59.10", 2 * H,
     usage("AmazonECS", "Compute", "USE1-Fargate-vCPU-Hours:perCPU")),
    ("#19 Fargate 4 GB", "$12.98", 4 * H, usage("AmazonECS", "Compute", "USE1-Fargate-GB-Hours")),
    ("#19 EKS Fargate 1 vCPU", "$29.55", H,
     usage("AmazonEKS", "Compute", "USE1-Fargate-vCPU-Hours:perCPU")),
    ("#20 EFS Standard 230 GB", "$69.00", D(230),
     usage("AmazonEFS", "Storage", "USE1-TimedStorage-ByteHrs")),
    ("#20 EFS IA 100 GB", "$2.50", D(100),
     usage("AmazonEFS", "Storage", "USE1-IATimedStorage-ByteHrs")),
    ("#20 EFS One Zone 230 GB", "$36.80", D(230),
     usage("AmazonEFS", "Storage", "USE1-TimedStorage-Z-ByteHrs")),
    ("#21 Memcached cache.m4.large x 2", "$227.76", 2 * H, cache("cache.m4.large", "Memcached")),
    ("#22 Redis cache.m6g.12xlarge", "$2,596.61", H, cache("cache.m6g.12xlarge", "Redis")),
    ("#23 VPC endpoint, 1 subnet", "$7.30", H,
     usage("AmazonVPC", "VpcEndpoint", "USE1-VpcEndpoint-Hours")),
    ("#23 VPC endpoint, 2 subnets", "$14.60", 2 * H,
     usage("AmazonVPC", "VpcEndpoint", "USE1-VpcEndpoint-Hours")),
    ("#23 VPC endpoint 1,000 GB", "$10.00", D(1000),
     usage("AmazonVPC", "VpcEndpoint", "USE1-VpcEndpoint-Bytes")),
    ("#24 Lambda 100k requests", "$0.02", D(100000),
     usage("AWSLambda", "Serverless", "Request", Group="AWS-Lambda-Requests")),
    ("#24 Lambda 4,375 GB-s", "$0.07", D(100000) * D(128) / D(1024) * D(350) / D(1000),
     usage("AWSLambda", "Serverless", "Lambda-GB-Second", Group="AWS-Lambda-Duration")),
    ("#25 S3 Standard 10,000 GB", "$230.00", D(10000),
     usage("AmazonS3", "Storage", "TimedStorage-ByteHrs", Volume_Type="Standard")),
    ("#26 EIP", "$3.65", H, usage("AmazonVPC", "", "USE1-PublicIPv4:IdleAddress")),
    ("#26 Secrets Manager secret", "$0.40", D(1),
     usage("AWSSecretsManager", "Secret", "USE1-AWSSecretsManager-Secrets")),
    ("#26 KMS key", "$1.00", D(1), usage("awskms", "Encryption Key", "us-east-1-KMS-Keys")),
    ("#26 Route 53 zone", "$0.50", D(1), usage("AmazonRoute53", "DNS Zone", "HostedZone",
                                               region="global")),
    ("#27 MySQL db.t3.micro", "$12.41", H, rds("db.t3.micro", "MySQL", "Single-AZ")),
    ("§3 t3.micro eu-west-1", "$8.32", H, ec2("t3.micro", "eu-west-1")),
    ("§3 t3.medium eu-west-1", "$33.29", H, ec2("t3.medium", "eu-west-1")),
    ("§3 m5.large eu-west-1", "$78.11", H, ec2("m5.large", "eu-west-1")),
    ("§3 c5.large eu-west-1", "$70.08", H, ec2("c5.large", "eu-west-1")),
    ("§3 r5.large eu-west-1", "$102.93", H, ec2("r5.large", "eu-west-1")),
    ("§3 NAT gateway eu-west-1", "$35.04", H,
     usage("AmazonEC2", "NAT Gateway", "EU-NatGateway-Hours", region="eu-west-1")),
    ("§3 ALB eu-west-1", "$18.40", H,
     lb("Load Balancer-Application", "EU-LoadBalancerUsage", region="eu-west-1")),
    ("§3 NLB eu-west-1", "$18.40", H,
     lb("Load Balancer-Network", "EU-LoadBalancerUsage", region="eu-west-1")),
    ("§3 Classic ELB eu-west-1", "$20.44", H,
     lb("Load Balancer", "EU-LoadBalancerUsage", region="eu-west-1")),
    ("§3 MySQL db.t3.micro eu-west-1", "$13.14", H,
     rds("db.t3.micro", "MySQL", "Single-AZ", region="eu-west-1")),
    ("§3 MySQL db.t3.micro Multi-AZ eu-west-1", "$26.28", H,
     rds("db.t3.micro", "MySQL", "Multi-AZ", region="eu-west-1")),
    ("§3 PostgreSQL db.t3.micro eu-west-1", "$14.60", H,
     rds("db.t3.micro", "PostgreSQL", "Single-AZ", region="eu-west-1")),
    ("§3 PostgreSQL db.t3.micro Multi-AZ eu-west-1", "$28.47", H,
     rds("db.t3.micro", "PostgreSQL", "Multi-AZ", region="eu-west-1")),
    ("§3 MySQL db.t3.medium eu-west-1", "$52.56", H,
     rds("db.t3.medium", "MySQL", "Single-AZ", region="eu-west-1")),
    ("§3 PostgreSQL db.t3.medium eu-west-1", "$56.94", H,
     rds("db.t3.medium", "PostgreSQL", "Single-AZ", region="eu-west-1")),
    ("§3 ElastiCache Redis cache.t3.micro eu-west-1", "$13.14", H,
     cache("cache.t3.micro", "Redis", region="eu-west-1")),
    ("§3 ElastiCache Memcached cache.t3.micro eu-west-1", "$13.14", H,
     cache("cache.t3.micro", "Memcached", region="eu-west-1")),
]


# (label, expected, quantity, selector): captured rows the reference does not
# cover, priced the way a cost model would select them.  The expected figure is
# the captured price x 730, half-up to cents.
CAPTURE_FIGURES = [
    ("capture t3.small", "$15.18", H, ec2("t3.small")),
    ("capture t4g.nano", "$3.07", H, ec2("t4g.nano")),
    ("capture m6i.large", "$70.08", H, ec2("m6i.large")),
    ("capture m5.xlarge Windows", "$274.48", H, ec2("m5.xlarge", os_="Windows")),
    ("capture m5.xlarge dedicated", "$148.92", H, ec2("m5.xlarge", tenancy="Dedicated")),
    ("capture g5.2xlarge", "$884.76", H, ec2("g5.2xlarge")),
    ("capture PostgreSQL db.t3.micro", "$13.14", H, rds("db.t3.micro", "PostgreSQL", "Single-AZ")),
    ("capture MariaDB db.t3.micro", "$12.41", H, rds("db.t3.micro", "MariaDB", "Single-AZ")),
    ("capture PostgreSQL db.t4g.micro", "$11.68", H, rds("db.t4g.micro", "PostgreSQL", "Single-AZ")),
    ("capture PostgreSQL db.t4g.small Multi-AZ", "$47.45", H,
     rds("db.t4g.small", "PostgreSQL", "Multi-AZ")),
    ("capture Aurora PostgreSQL db.r6g.large", "$189.80", H,
     rds("db.r6g.large", "Aurora PostgreSQL", "Single-AZ")),
    ("capture Aurora MySQL db.r6g.large", "$189.80", H,
     rds("db.r6g.large", "Aurora MySQL", "Single-AZ")),
    ("dump t3.small eu-west-1", "$16.64", H, ec2("t3.small", "eu-west-1")),
    ("dump m6i.large eu-west-1", "$78.11", H, ec2("m6i.large", "eu-west-1")),
    ("dump t4g.medium eu-west-1", "$26.86", H, ec2("t4g.medium", "eu-west-1")),
    ("dump PostgreSQL db.t4g.micro eu-west-1", "$12.41", H,
     rds("db.t4g.micro", "PostgreSQL", "Single-AZ", region="eu-west-1")),
    ("dump Redis cache.t4g.micro eu-west-1", "$12.41", H,
     cache("cache.t4g.micro", "Redis", region="eu-west-1")),
    ("capture inf2.xlarge eu-west-1", "$691.86", H, ec2("inf2.xlarge", "eu-west-1")),
    # eu-west-1 products beyond the terracost dump (captured or cited prices)
    ("cited EKS cluster eu-west-1", "$73.00", H,
     usage("AmazonEKS", "Compute", "EU-AmazonEKS-Hours:perCluster", region="eu-west-1")),
    ("capture Fargate 1 vCPU eu-west-1", "$29.55", H,
     usage("AmazonECS", "Compute", "EU-Fargate-vCPU-Hours:perCPU", region="eu-west-1")),
    ("capture Fargate 2 GB eu-west-1", "$6.49", 2 * H,
     usage("AmazonECS", "Compute", "EU-Fargate-GB-Hours", region="eu-west-1")),
    ("capture Fargate ARM 1 vCPU eu-west-1", "$23.64", H,
     usage("AmazonECS", "Compute", "EU-Fargate-ARM-vCPU-Hours:perCPU", region="eu-west-1")),
    ("capture Fargate ARM 2 GB eu-west-1", "$5.20", 2 * H,
     usage("AmazonECS", "Compute", "EU-Fargate-ARM-GB-Hours", region="eu-west-1")),
    ("cited EFS Standard 100 GB eu-west-1", "$33.00", D(100),
     usage("AmazonEFS", "Storage", "EU-TimedStorage-ByteHrs", region="eu-west-1")),
    ("cited EFS IA 200 GB eu-west-1", "$5.00", D(200),
     usage("AmazonEFS", "Storage", "EU-IATimedStorage-ByteHrs", region="eu-west-1")),
    ("cited EFS IA reads 10 GB eu-west-1", "$0.11", D(10),
     usage("AmazonEFS", "Storage", "EU-IADataAccess-Bytes", region="eu-west-1")),
    ("capture public IPv4 in use eu-west-1", "$3.65", H,
     usage("AmazonVPC", "", "EU-PublicIPv4:InUseAddress", region="eu-west-1")),
    ("cited public IPv4 idle eu-west-1", "$3.65", H,
     usage("AmazonVPC", "", "EU-PublicIPv4:IdleAddress", region="eu-west-1")),
    ("capture Lambda 1M requests eu-west-1", "$0.20", D(1000000),
     usage("AWSLambda", "Serverless", "EU-Request", region="eu-west-1",
           Group="AWS-Lambda-Requests")),
    ("capture Lambda 4,375 GB-s eu-west-1", "$0.07", D(4375),
     usage("AWSLambda", "Serverless", "EU-Lambda-GB-Second", region="eu-west-1",
           Group="AWS-Lambda-Duration")),
    ("capture S3 Standard 10,000 GB eu-west-1", "$230.00", D(10000),
     usage("AmazonS3", "Storage", "EU-TimedStorage-ByteHrs", region="eu-west-1",
           Volume_Type="Standard")),
    ("capture S3 1M Tier 1 requests eu-west-1", "$5.00", D(1000000),
     usage("AmazonS3", "API Request", "EU-Requests-Tier1", region="eu-west-1")),
    ("capture S3 1M Tier 2 requests eu-west-1", "$0.40", D(1000000),
     usage("AmazonS3", "API Request", "EU-Requests-Tier2", region="eu-west-1")),
    ("capture Secrets Manager secret eu-west-1", "$0.40", D(1),
     usage("AWSSecretsManager", "Secret", "EU-AWSSecretsManager-Secrets", region="eu-west-1")),
    ("capture DynamoDB 1M RRU eu-west-1", "$0.14", D(1000000),
     usage("AmazonDynamoDB", "Amazon DynamoDB PayPerRequest Throughput", "EU-ReadRequestUnits",
           region="eu-west-1")),
    ("capture DynamoDB 1M WRU eu-west-1", "$0.71", D(1000000),
     usage("AmazonDynamoDB", "Amazon DynamoDB PayPerRequest Throughput", "EU-WriteRequestUnits",
           region="eu-west-1")),
    ("capture DynamoDB 100 GB storage eu-west-1", "$28.30", D(100),
     usage("AmazonDynamoDB", "Database Storage", "EU-TimedStorage-ByteHrs", region="eu-west-1",
           start="25")),
    ("capture DynamoDB 100 GB PITR eu-west-1", "$22.00", D(100),
     usage("AmazonDynamoDB", "Database Storage", "EU-TimedPITRStorage-ByteHrs",
           region="eu-west-1")),
]


def check_figures(files, figures, kind):
    for label, expected, qty, (offer, region, family, cols) in figures:
        price, why = find(files, offer, region, family, **cols)
        if price is None:
            check(False, f"{kind} {label}: {why}")
            continue
        got = money(price * qty)
        check(got == expected, f"{kind} {label}: {price} x {qty} = {got}, want {expected}")


def check_goldens(files):
    check_figures(files, GOLDENS, "golden")
    check_figures(files, CAPTURE_FIGURES, "capture figure")


# ---- 5. captures -----------------------------------------------------------------

def source_key(src):
    return src["repository"] if "repository" in src else f"search-index file {src['index_id']}"


def check_sightings(doc, c, r, where):
    """Row r names every source that shows capture or cited price c, and is
    dated no earlier than the newest of them."""
    for s in c["seen"]:
        key = source_key(doc["sources"][s["source"]])
        check(key in r["CircuitSource"], f"{where}: CircuitSource does not name {key}")
    newest = max(s["date"] for s in c["seen"])[:10]
    check(r["EffectiveDate"] >= newest, f"{where}: EffectiveDate {r['EffectiveDate']} is "
                                        f"older than its newest source {newest}")


def regional_source_ids(shared):
    """The rate codes and SKUs the price files the mappings read from give
    (the regional folder and pricing/sources)."""
    rates, skus = set(), set()
    for path in sorted((shared / REGIONAL).glob("*.csv")) + \
            sorted((ROOT / "pricing/sources").glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r.get("rate_code"):
                    rates.add(r["rate_code"])
                    skus.add(r["rate_code"].split(".")[0])
                elif r.get("sku"):
                    skus.add(r["sku"])
    return rates, skus


def check_captures(files, shared):
    doc = json.loads(CAPTURES.read_text(encoding="utf-8"))
    regional_rates, regional_skus = regional_source_ids(shared)
    named = set()
    for c in doc["captures"]:
        named.add(c["sku"])
        entry = files.get((c["offer"], c["region"]))
        where = f"capture {c['sku']} ({c['offer']}-{c['region']})"
        if entry is None:
            check(False, f"{where}: no such file")
            continue
        hits = [r for r in entry[3] if r["SKU"] == c["sku"]
                and r["StartingRange"] == c.get("start", "0")]
        check(len(hits) == 1, f"{where}: {len(hits)} rows carry it")
        if len(hits) != 1:
            continue
        r = hits[0]
        check(Decimal(r["PricePerUnit"]) == Decimal(c["price"]),
              f"{where}: price {r['PricePerUnit']}, captured {c['price']}")
        if c["rate"] is None:
            check((r["RateCode"].startswith(f"{c['sku']}.JRTCKXETXF.CIRCUITT") and
                   "synthetic rate-code suffix" in r["CircuitSource"]) or
                  r["RateCode"] in regional_rates,
                  f"{where}: rate code {r['RateCode']} for a capture without a suffix")
        else:
            check(r["RateCode"] == f"{c['sku']}.JRTCKXETXF.{c['rate']}", f"{where}: rate code")
        check(r["Product Family"] == c["family"], f"{where}: family {r['Product Family']}")
        check("unit" not in c or r["Unit"] == c["unit"], f"{where}: unit {r['Unit']}")
        check(all(r[k] == v for k, v in c["attrs"].items() if r.get(k)),
              f"{where}: attributes differ from the capture")
        check_sightings(doc, c, r, where)
    for c in doc.get("cited", []):
        entry = files.get((c["offer"], c["region"]))
        where = f"cited {c['offer']}-{c['region']} {c['attrs']['usageType']}"
        if entry is None:
            check(False, f"{where}: no such file")
            continue
        hits = [r for r in entry[3] if r["Product Family"] == c["family"]
                and r["StartingRange"] == c.get("start", "0")
                and all(r.get(k) == v for k, v in c["attrs"].items())]
        check(len(hits) == 1, f"{where}: {len(hits)} rows carry it")
        if len(hits) != 1:
            continue
        r = hits[0]
        check(Decimal(r["PricePerUnit"]) == Decimal(c["price"]) and r["Unit"] == c["unit"],
              f"{where}: {r['PricePerUnit']} {r['Unit']}, cited {c['price']} {c['unit']}")
        check_sightings(doc, c, r, where)
        check(r["SKU"].startswith("CIRCUITREF") or r["SKU"] in named or r["SKU"] in regional_skus,
              f"{where}: SKU {r['SKU']} comes from no capture or regional source")
    for (offer, region), (path, _, _, rows) in files.items():
        if region == "eu-west-1":
            continue
        for r in rows:
            sku = r["SKU"]
            check(sku.startswith("CIRCUITREF") or sku in named or sku in EXCERPT_SKUS
                  or sku in regional_skus,
                  f"{path.name}: SKU {sku} comes from no capture, documented excerpt or "
                  "regional source")


# ---- 6. publication dates --------------------------------------------------------

def check_dates(files):
    for (offer, region), (path, meta, _, rows) in files.items():
        oldest = min(r["EffectiveDate"] for r in rows)
        pub = meta.get("Publication Date", "")
        check(pub[:10] == oldest, f"{path.name}: Publication Date {pub}, oldest row {oldest}")
        check(meta.get("Version") == "snapshot-" + oldest.replace("-", ""),
              f"{path.name}: Version {meta.get('Version')} does not name {oldest}")


# ---- 7. regional rows, prefixes, coverage ---------------------------------------

IDENTITY_COLS = None   # scripts/snapshot/merge.py IDENTITY, set in check_regional


def row_key(offer, region, family, attrs, start):
    return (offer, region, family, attrs.get("usageType", ""), attrs.get("operation", ""),
            start) + tuple(attrs.get(k, "") for k in IDENTITY_COLS)


def check_regional(files, shared):
    global IDENTITY_COLS
    mod = builder()
    IDENTITY_COLS = mod.merge.IDENTITY
    index = {}
    for (offer, region), (_, _, _, rows) in files.items():
        for r in rows:
            index.setdefault(row_key(offer, region, r["Product Family"], r, r["StartingRange"]),
                             []).append(r)
    taken = 0
    for m in mod.maps.MAPPINGS:
        for g in mod.regional.rows_for(shared, m):
            taken += 1
            key = row_key(g["offer"], g["region"], g["family"], g["attrs"], g.get("start", "0"))
            hits = index.get(key, [])
            where = f"regional/{g['file']} {g['offer']} {g['region']} {g['attrs']['usageType']}"
            check(len(hits) == 1, f"{where}: {len(hits)} snapshot rows")
            if len(hits) != 1:
                continue
            r = hits[0]
            src = mod.regional.where(g["file"])
            replaced = f"not used: {src} [{g['origin']}]" in r["CircuitSource"]
            check(Decimal(r["PricePerUnit"]) == Decimal(g["price"]) or replaced
                  or g["origin"] in mod.regional.PRICE_DECIMALS,
                  f"{where}: snapshot {r['PricePerUnit']}, source {g['price']}, no newer "
                  "source recorded")
            if g.get("sku"):
                check(r["SKU"] == g["sku"] or src in r["CircuitSource"],
                      f"{where}: SKU {r['SKU']}, source {g['sku']}")
    check(taken > 40000, f"the regional mappings take only {taken} rows")
    prefix = mod.common.REGION_PREFIX
    for (offer, region), (path, _, _, rows) in files.items():
        if region == "global":
            continue
        want = (f"{region}-",) if offer == "awskms" else (f"{prefix[region]}-",)
        for r in rows:
            u = r["usageType"]
            check(u.startswith(want) or region == "us-east-1",
                  f"{path.name}: usage type {u} lacks the {want[0]} prefix")
    for region in prefix:
        for offer in ("AmazonEC2", "AmazonElastiCache", "AmazonEKS", "AmazonECS", "AmazonEFS",
                      "AmazonVPC", "AWSLambda", "AmazonS3", "AmazonCloudWatch", "awskms",
                      "AmazonDynamoDB", "AmazonES", "AmazonSNS", "AmazonRoute53"):
            check((offer, region) in files, f"no {offer}-{region}.csv")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT / "fixtures" / "external"))
    ap.add_argument("--no-rebuild", action="store_true",
                    help="skip the comparison with a fresh build")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not args.no_rebuild:
        check_rebuild(shared)
    files = load_all()
    check(len(files) > 0, f"no snapshot files in {SNAP}")
    check_format(files)
    check_derived(files, shared)
    check_goldens(files)
    check_captures(files, shared)
    check_dates(files)
    check_regional(files, shared)
    for f in failures:
        print(f"FAIL {f}")
    print(f"snapshot: {passed} checks passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
