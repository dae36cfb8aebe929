#!/usr/bin/env python3
"""check.py — the region-prices case: in eight regions outside us-east-1 and
eu-west-1, `circuit cost` prices the region-* scenario plans (real terraform
plans of an instance with its root volume, an RDS Multi-AZ PostgreSQL on gp3,
a NAT gateway and its address, an EKS cluster, an ALB and an ElastiCache node)
to the cent from the bundled snapshot alone: an empty cache, --offline.

The expected figures are worked out here from the regional price rows
themselves (fixtures/external/data/aws-prices/regional/*.csv, the files the
snapshot is built from), not from circuit: the row each component should
use, times its quantity (730 hours a month, or the GB), half-up to cents.
Usage: check.py CIRCUIT SHARED FIX
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_UP, Decimal

REGIONS = ["us-west-2", "eu-west-2", "us-east-2", "eu-central-1", "ap-southeast-1", "ap-south-1",
           "eu-west-3", "sa-east-1"]
HOURS = Decimal(730)


def rows(shared, name):
    with open(os.path.join(shared, "data/aws-prices/regional", name), newline="") as fh:
        return list(csv.DictReader(fh))


def one(table, what, **want):
    hits = [r for r in table if all(r[k] == v for k, v in want.items())]
    if len(hits) != 1:
        sys.exit(f"FAIL {what}: {len(hits)} regional rows match {want}")
    return Decimal(hits[0]["usd"])


def expected(shared, region):
    """(address, component) -> (unit price, monthly) from the regional rows."""
    ec2, ebs = rows(shared, "ec2_instances.csv"), rows(shared, "ebs.csv")
    rds, rds_st = rows(shared, "rds_instances.csv"), rows(shared, "rds_storage.csv")
    nat, ip = rows(shared, "nat_gateway.csv"), rows(shared, "public_ipv4.csv")
    eks, elb = rows(shared, "eks.csv"), rows(shared, "elb.csv")
    cache = rows(shared, "elasticache_nodes.csv")
    r = region
    parts = {
        ("aws_instance.app", "Instance usage (Linux, on-demand, t3.medium)"):
            (one(ec2, "t3.medium", region=r, instance_type="t3.medium", operating_system="Linux",
                 tenancy="Shared"), HOURS),
        ("aws_instance.app", "root_block_device[0]: Storage (gp3)"):
            (one(ebs, "gp3", region=r, volume_api_name="gp3", charge="storage"), Decimal(30)),
        ("aws_db_instance.db", "Database instance (Multi-AZ, on-demand, db.t3.medium)"):
            (one(rds, "db.t3.medium", region=r, database_engine="PostgreSQL",
                 instance_type="db.t3.medium", deployment_option="Multi-AZ"), HOURS),
        ("aws_db_instance.db", "Storage (gp3, Multi-AZ)"):
            (one(rds_st, "rds gp3", region=r, database_engine="PostgreSQL",
                 deployment_option="Multi-AZ", volume_type="gp3", charge="storage"),
             Decimal(100)),
        ("aws_nat_gateway.egress", "NAT gateway"):
            (one(nat, "nat", region=r, charge="hourly"), HOURS),
        ("aws_eip.nat", "Public IPv4 address"):
            (one(ip, "ipv4", region=r, address_state="in_use"), HOURS),
        ("aws_eks_cluster.k8s", "EKS cluster"):
            (one(eks, "eks", region=r, charge="cluster_standard_support"), HOURS),
        ("aws_lb.web", "Application load balancer"):
            (one(elb, "alb", region=r, load_balancer_type="application", charge="hourly"), HOURS),
        ("aws_elasticache_cluster.cache", "ElastiCache (Redis, on-demand, cache.t3.micro)"):
            (one(cache, "cache", region=r, cache_engine="Redis", instance_type="cache.t3.micro"),
             HOURS),
    }
    return {k: (price, (price * qty).quantize(Decimal("0.01"), ROUND_HALF_UP))
            for k, (price, qty) in parts.items()}


def main():
    circuit, shared, fix = sys.argv[1:4]
    failures, checked = [], 0
    for region in REGIONS:
        want = expected(shared, region)
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, CIRCUIT_CACHE=os.path.join(tmp, "empty.db"))
            p = subprocess.run([circuit, "cost", "--offline", "--format", "json",
                                os.path.join(fix, "scenarios", f"region-{region}.json")],
                               capture_output=True, text=True, env=env)
        if p.returncode != 0:
            failures.append(f"{region}: exit {p.returncode}: {p.stderr.strip()}")
            continue
        doc = json.loads(p.stdout)
        got = {}
        for res in doc["resources"]:
            if res["region"] != region:
                failures.append(f"{region}: {res['address']} priced in {res['region']}")
            for c in res["components"]:
                got[(res["address"], c["name"])] = c
        for key, (price, monthly) in want.items():
            c = got.get(key)
            checked += 1
            if c is None or c["monthly"] is None:
                failures.append(f"{region}: {key[0]}: {key[1]} not priced: "
                                f"{c and c.get('note')}")
                continue
            if Decimal(c["unit_price"]) != price or Decimal(str(c["monthly"])) != monthly:
                failures.append(f"{region}: {key[0]}: {key[1]}: {c['unit_price']} -> "
                                f"{c['monthly']}, the regional row says {price} -> {monthly}")
        sources = {(x["service"], x["source"]) for x in doc["prices"]}
        if any(src != "snapshot" for _, src in sources) or len(sources) != 6:
            failures.append(f"{region}: price lists used: {sorted(sources)}")
        print(f"{region}: " + ", ".join(f"{a.split('.')[1]} ${m}" for (a, _), (_, m)
                                        in sorted(want.items())))
    for f in failures:
        print(f"FAIL {f}")
    print(f"region prices: {checked - len(failures)} of {checked} components to the cent")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
