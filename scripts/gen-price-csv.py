#!/usr/bin/env python3
"""gen-price-csv.py — a realistic EC2-style regional price-list CSV of any size.

The ingest benchmark (scripts/bench.d/20-ingest.sh) and the concurrent-reader
test need a big AmazonEC2 regional CSV that looks like AWS's: the 5-row
metadata preamble, the real 91-column 2025 header (read from the AWS sample
in fixtures/external/data/aws-prices/, so the generator and AWS cannot disagree),
every field quoted and empty fields as ``,,``, and AWS's row mix: each
Compute Instance product (instance type x OS x pre-installed software x
licence x tenancy x capacity status) has one OnDemand row, and the "Used"
products also carry the 20 Reserved rows AWS publishes (1yr/3yr x standard/
convertible x No/Partial/All Upfront, upfront fees as their own Quantity
rows).  Term codes and rate-code suffixes are AWS's real ones; some Local
Zone products, EBS, NAT gateway and data-transfer rows are mixed in.  About
4 rows in 5 are Reserved, so ingest drops most of the file.

Prices here are synthetic (derived from the vCPU count): this file measures
the parser, it is never a price source.  Output is deterministic for a seed.

usage: gen-price-csv.py --size 1G [--region us-east-1] [--version V] [--seed N] OUT
"""
import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "fixtures", "external", "data", "aws-prices", "ec2-priceit",
                      "3-global-pricing-file-sample.csv")

LOCATIONS = {
    "us-east-1": ("US East (N. Virginia)", ""),
    "us-east-2": ("US East (Ohio)", "USE2-"),
    "us-west-2": ("US West (Oregon)", "USW2-"),
    "eu-west-1": ("EU (Ireland)", "EU-"),
    "eu-central-1": ("EU (Frankfurt)", "EUC1-"),
    "ap-northeast-1": ("Asia Pacific (Tokyo)", "APN1-"),
}

# AWS's real Reserved offer term codes (from the 2025 sample) by
# (lease, purchase option, class).
RESERVED_TERMS = [
    ("1yr", "No Upfront", "standard", "4NA7Y494T4"),
    ("1yr", "Partial Upfront", "standard", "HU7G6KETJZ"),
    ("1yr", "All Upfront", "standard", "6QCMYABX3D"),
    ("3yr", "No Upfront", "standard", "BPH4J8HBKS"),
    ("3yr", "Partial Upfront", "standard", "38NPMPTW36"),
    ("3yr", "All Upfront", "standard", "NQ3QZPMQV9"),
    ("1yr", "No Upfront", "convertible", "7NE97W5U4E"),
    ("1yr", "Partial Upfront", "convertible", "CUZHX8X6JH"),
    ("1yr", "All Upfront", "convertible", "VJWZNREJX2"),
    ("3yr", "No Upfront", "convertible", "Z2E3P23VKM"),
    ("3yr", "Partial Upfront", "convertible", "R5XV2EPZQZ"),
    ("3yr", "All Upfront", "convertible", "MZU6U2429S"),
]
ONDEMAND_TERM = "JRTCKXETXF"
HOURLY_RATE = "6YS6EN2CT7"
UPFRONT_RATE = "2TG2D8R56U"

FAMILIES = [  # prefix, family name, processor, features, vcpu of .large
    ("t3", "General purpose", "Intel Skylake E5 2686 v5", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("t3a", "General purpose", "AMD EPYC 7571", "AMD Turbo", 2),
    ("t4g", "General purpose", "AWS Graviton2 Processor", "", 2),
    ("m5", "General purpose", "Intel Xeon Platinum 8175", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("m6i", "General purpose", "Intel Xeon 8375C (Ice Lake)", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("m6g", "General purpose", "AWS Graviton2 Processor", "", 2),
    ("m7i", "General purpose", "Intel Xeon Scalable (Sapphire Rapids)", "Intel AVX; Intel AVX2; Intel AVX512; Intel AMX; Intel Turbo", 2),
    ("m7g", "General purpose", "AWS Graviton3 Processor", "", 2),
    ("c5", "Compute optimized", "Intel Xeon Platinum 8124M", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("c6i", "Compute optimized", "Intel Xeon 8375C (Ice Lake)", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("c6g", "Compute optimized", "AWS Graviton2 Processor", "", 2),
    ("c7g", "Compute optimized", "AWS Graviton3 Processor", "", 2),
    ("r5", "Memory optimized", "Intel Xeon Platinum 8175", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("r6i", "Memory optimized", "Intel Xeon 8375C (Ice Lake)", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("r7g", "Memory optimized", "AWS Graviton3 Processor", "", 2),
    ("i4i", "Storage optimized", "Intel Xeon 8375C (Ice Lake)", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 2),
    ("g5", "GPU instance", "AMD EPYC 7R32", "AMD Turbo", 4),
    ("x2idn", "Memory optimized", "Intel Xeon 8375C (Ice Lake)", "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo", 4),
]
SIZES = [("medium", 0.5), ("large", 1), ("xlarge", 2), ("2xlarge", 4), ("4xlarge", 8),
         ("8xlarge", 16), ("12xlarge", 24), ("16xlarge", 32), ("24xlarge", 48), ("metal", 48)]
SYSTEMS = [  # operating system, pre-installed software, operation code, price factor
    ("Linux", "NA", "RunInstances", 1.0),
    ("Linux", "SQL Web", "RunInstances:0200", 1.4),
    ("Linux", "SQL Std", "RunInstances:0004", 2.6),
    ("Windows", "NA", "RunInstances:0002", 1.8),
    ("Windows", "SQL Web", "RunInstances:0202", 2.1),
    ("Windows", "SQL Std", "RunInstances:0006", 3.9),
    ("Windows", "SQL Ent", "RunInstances:0102", 7.5),
    ("RHEL", "NA", "RunInstances:0010", 1.3),
    ("Red Hat Enterprise Linux with HA", "NA", "RunInstances:1010", 1.6),
    ("SUSE", "NA", "RunInstances:000g", 1.5),
    ("Ubuntu Pro", "NA", "RunInstances:0g00", 1.1),
]
TENANCIES = [("Shared", "BoxUsage"), ("Dedicated", "DedicatedUsage"), ("Host", "HostUsage")]
LICENCES = ["No License required", "Bring your own license"]
CAPACITY = [("Used", ""), ("UnusedCapacityReservation", "Unused Reservation "),
            ("AllocatedCapacityReservation", "Reservation ")]


def read_header():
    import csv
    with open(SAMPLE, newline="") as f:
        for i, row in enumerate(csv.reader(f)):
            if len(row) > 2:
                return row
    sys.exit("gen-price-csv: no header row in " + SAMPLE)


def quote(v):
    if v == "":
        return ""
    return '"' + v.replace('"', '""') + '"'


class Gen:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.header = read_header()
        self.col = {name: i for i, name in enumerate(self.header)}
        self.pf = self.col["Product Family"]   # first product-level column
        self.region = args.region
        self.location, self.prefix = LOCATIONS.get(args.region, (args.region, ""))
        self.version = args.version
        self.date = f"{args.version[0:4]}-{args.version[4:6]}-{args.version[6:8]}"
        self.skus = set()

    def sku(self):
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        while True:
            s = "".join(self.rng.choice(letters) for _ in range(16))
            if s not in self.skus:
                self.skus.add(s)
                return s

    def product_tail(self, attrs):
        """The product-level columns (Product Family onward), quoted once per SKU."""
        vals = [""] * (len(self.header) - self.pf)
        for k, v in attrs.items():
            i = self.col.get(k)
            if i is not None and i >= self.pf:
                vals[i - self.pf] = v
        return ",".join(quote(v) for v in vals)

    @staticmethod
    def term_head(sku, term, rate, ttype, desc, start, end, unit, price, lease="", po="", oc="",
                  date=""):
        return ",".join((quote(sku), quote(term), quote(f"{sku}.{term}.{rate}"), quote(ttype),
                         quote(desc), quote(date), quote(start), quote(end), quote(unit),
                         quote(price), '"USD"', "", quote(lease), quote(po), quote(oc)))

    def instance_rows(self, fam, size, system, tenancy, licence, cap, local_zone):
        prefix, fname, cpu, features, base_vcpu = fam
        sname, mult = size
        osname, sw, operation, factor = system
        tname, usage = tenancy
        capname, capdesc = cap
        itype = f"{prefix}.{sname}"
        vcpu = max(1, int(base_vcpu * mult))
        hourly = round(0.048 * vcpu * factor * (1.15 if tname != "Shared" else 1.0), 5)
        region = self.region + ("-bos-1" if local_zone else "")
        up = ("UnusedBox" if capname == "UnusedCapacityReservation" else
              "Reservation" if capname == "AllocatedCapacityReservation" else usage)
        attrs = {
            "Product Family": "Compute Instance (bare metal)" if sname == "metal" else "Compute Instance",
            "serviceCode": "AmazonEC2",
            "Location": "US East (Boston)" if local_zone else self.location,
            "Location Type": "AWS Local Zone" if local_zone else "AWS Region",
            "Instance Type": itype, "Current Generation": "Yes", "Instance Family": fname,
            "vCPU": str(vcpu), "Physical Processor": cpu, "Clock Speed": "3.5 GHz",
            "Memory": f"{vcpu * 4} GiB", "Storage": "EBS only",
            "Network Performance": "Up to 12500 Megabit" if vcpu < 16 else "25 Gigabit",
            "Processor Architecture": "64-bit", "Tenancy": tname, "Operating System": osname,
            "License Model": licence,
            "usageType": f"{'USE1-BOS1-' if local_zone else self.prefix}{up}:{itype}",
            "operation": operation, "AvailabilityZone": "NA", "CapacityStatus": capname,
            "ClassicNetworkingSupport": "false", "Dedicated EBS Throughput": "Up to 10000 Mbps",
            "ECU": "NA", "Enhanced Networking Supported": "Yes", "GPU Memory": "NA",
            "Intel AVX Available": "Yes" if "AVX" in features else "No",
            "Intel AVX2 Available": "Yes" if "AVX2" in features else "No",
            "Intel Turbo Available": "Yes" if "Turbo" in features else "No",
            "MarketOption": "OnDemand", "Normalization Size Factor": str(int(mult * 4)),
            "Pre Installed S/W": sw, "Processor Features": features, "Region Code": region,
            "serviceName": "Amazon Elastic Compute Cloud", "VPCNetworkingSupport": "true",
        }
        tail = self.product_tail(attrs)
        sku = self.sku()
        what = osname + ("" if sw == "NA" else f" with {sw}")
        where = {"Shared": "On Demand ", "Dedicated": "Dedicated ", "Host": ""}[tname]
        if tname == "Host":
            desc = f"$0.00 per {capdesc}{what} {itype} Dedicated Host Instance hour"
            price = "0.0000000000"
        else:
            desc = f"${hourly} per {where}{capdesc}{what} {itype} Instance Hour"
            price = f"{hourly:.10f}" if capname != "AllocatedCapacityReservation" else "0.0000000000"
        rows = [self.term_head(sku, ONDEMAND_TERM, HOURLY_RATE, "OnDemand", desc, "0", "Inf", "Hrs",
                               price, date=self.date) + "," + tail]
        if capname != "Used" or tname == "Host":
            return rows
        ri_desc = f"{what} (Amazon VPC), {itype} reserved instance applied"
        for lease, po, oc, term in RESERVED_TERMS:
            years = 1 if lease == "1yr" else 3
            disc = (0.62 if oc == "standard" else 0.72) * (1.0 if years == 1 else 0.7)
            rate = hourly * disc
            if po == "All Upfront":
                rows.append(self.term_head(sku, term, HOURLY_RATE, "Reserved", "USD 0.0 per " + ri_desc,
                                           "0", "Inf", "Hrs", "0.0000000000", lease, po, oc,
                                           self.date) + "," + tail)
            else:
                hr = rate * (0.5 if po == "Partial Upfront" else 1.0)
                rows.append(self.term_head(sku, term, HOURLY_RATE, "Reserved", ri_desc, "0", "Inf",
                                           "Hrs", f"{hr:.10f}", lease, po, oc, self.date) + "," + tail)
            if po != "No Upfront":
                fee = round(rate * 8760 * years * (0.5 if po == "Partial Upfront" else 1.0))
                rows.append(self.term_head(sku, term, UPFRONT_RATE, "Reserved", "Upfront Fee", "", "",
                                           "Quantity", str(fee), lease, po, oc, self.date) + "," + tail)
        return rows

    def other_rows(self, n):
        """EBS, NAT gateway and data transfer products: a few OnDemand rows each."""
        rows = []
        kinds = [
            ("Storage", {"Volume API Name": "gp3", "Volume Type": "General Purpose",
                         "Storage Media": "SSD-backed", "Max Volume Size": "16 TiB",
                         "usageType": f"{self.prefix}EBS:VolumeUsage.gp3"}, "GB-Mo", 0.08,
             "$0.08 per GB-month of General Purpose (gp3) provisioned storage - US East (Northern Virginia)"),
            ("NAT Gateway", {"Group": "NGW:NatGateway", "Group Description": "Hourly charge for NAT Gateways",
                             "usageType": f"{self.prefix}NatGateway-Hours", "operation": "NatGateway"},
             "Hrs", 0.045, "$0.045 per NAT Gateway Hour"),
            ("Data Transfer", {"Transfer Type": "InterRegion Outbound", "From Location": self.location,
                               "From Location Type": "AWS Region", "To Location": "EU (Ireland)",
                               "To Location Type": "AWS Region", "usageType": f"{self.prefix}DataTransfer-Out-Bytes",
                               "From Region Code": self.region, "To Region Code": "eu-west-1"},
             "GB", 0.02, "$0.02 per GB - US East (Northern Virginia) data transfer to EU (Ireland)"),
        ]
        for i in range(n):
            fam, extra, unit, price, desc = kinds[i % len(kinds)]
            attrs = {"Product Family": fam, "serviceCode": "AmazonEC2", "Location": self.location,
                     "Location Type": "AWS Region", "Region Code": self.region,
                     "serviceName": "Amazon Elastic Compute Cloud"}
            attrs.update(extra)
            sku = self.sku()
            rows.append(self.term_head(sku, ONDEMAND_TERM, HOURLY_RATE, "OnDemand", desc, "0", "Inf",
                                       unit, f"{price:.10f}", date=self.date) + "," + self.product_tail(attrs))
        return rows

    def preamble(self):
        meta = [("FormatVersion", "v1.0"),
                ("Disclaimer", "This pricing list is for informational purposes only. All prices are "
                               "subject to the additional terms included in the pricing pages on "
                               "http://aws.amazon.com. All Free Tier prices are also subject to the "
                               "terms included at https://aws.amazon.com/free/"),
                ("Publication Date", f"{self.date}T22:53:08Z"), ("Version", self.version),
                ("OfferCode", "AmazonEC2")]
        lines = [f"{quote(k)},{quote(v)}" for k, v in meta]
        lines.append(",".join(quote(h) for h in self.header))
        return "\n".join(lines) + "\n"

    def products(self):
        while True:  # cycle: each pass gets fresh SKUs
            for fam in FAMILIES:
                for size in SIZES:
                    for system in SYSTEMS:
                        for tenancy in TENANCIES:
                            for licence in LICENCES:
                                if licence != LICENCES[0] and not system[0].startswith("Windows"):
                                    continue
                                # capacity reservations exist for Shared and
                                # Dedicated instances, not Dedicated Hosts
                                caps = CAPACITY[:1] if tenancy[0] == "Host" else CAPACITY
                                for cap in caps:
                                    local = self.rng.random() < 0.04
                                    yield self.instance_rows(fam, size, system, tenancy, licence, cap, local)
                                yield self.other_rows(1)


def parse_size(s):
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if s and s[-1].upper() in mult:
        return int(float(s[:-1]) * mult[s[-1].upper()])
    return int(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", required=True, help="target size: bytes, or 200M, 1G ...")
    ap.add_argument("--region", default="us-east-1")
    ap.add_argument("--version", default="20250912225308")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    args = ap.parse_args()
    target = parse_size(args.size)
    g = Gen(args)
    tmp = args.out + ".part"
    written = 0
    with open(tmp, "w", newline="\n", buffering=1 << 20) as f:
        head = g.preamble()
        f.write(head)
        written += len(head.encode())
        for rows in g.products():
            chunk = "\n".join(rows) + "\n"
            f.write(chunk)
            written += len(chunk)  # ASCII only
            if written >= target:
                break
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
