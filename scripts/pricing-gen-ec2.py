#!/usr/bin/env python3
"""pricing-gen-ec2.py SIZE OUT.csv — writes an EC2-style regional price-list CSV
of about SIZE bytes for ingest benchmarks (not a test fixture: the prices are
random).

Shaped like AWS's us-east-1 AmazonEC2 file: the real 91-column 2025 header and
metadata rows (from fixtures/external/data/aws-prices/ec2-priceit/3-global-pricing-file-sample.csv),
450 instance types with fixed hardware attributes, each product an
OS x tenancy x capacity-status variant with one OnDemand row, and 20 Reserved
rows (standard/convertible x 1yr/3yr x No/Partial/All Upfront, upfront fees
included) for products that can be reserved: about 18% of rows are on-demand,
as in the real file.  Deterministic (fixed seed).
"""
import csv
import os
import random
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sample = os.path.join(root, "fixtures", "external", "data", "aws-prices", "ec2-priceit",
                      "3-global-pricing-file-sample.csv")

def main():
    target, out_path = int(sys.argv[1]), sys.argv[2]
    random.seed(11)
    with open(sample, newline="") as f:
        src = list(csv.reader(f))
    meta, header, rows = src[:5], src[5], src[6:]
    col = {h: i for i, h in enumerate(header)}
    on_demand = [r for r in rows if r[col["TermType"]] == "OnDemand"]
    reserved = [r for r in rows if r[col["TermType"]] == "Reserved"]
    families = ["t3", "t3a", "m5", "m5a", "m5d", "m6i", "m6g", "m7i", "c5", "c5n", "c6i", "c6g",
                "c7g", "r5", "r5b", "r6i", "r7g", "i3", "i4i", "g5", "p4d", "x2idn", "z1d", "d3",
                "h1", "inf1", "trn1", "hpc6a", "u-6tb1", "mac2"]
    sizes = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge",
             "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge", "metal"]
    types = {f + "." + s: random.choice(on_demand) for f in families for s in sizes}
    names = sorted(types)
    oses = [("Linux", "NA", "No License required", "RunInstances"),
            ("Windows", "NA", "No License required", "RunInstances:0002"),
            ("RHEL", "NA", "No License required", "RunInstances:0010"),
            ("SUSE", "NA", "No License required", "RunInstances:000g"),
            ("Windows", "SQL Web", "No License required", "RunInstances:0202"),
            ("Windows", "SQL Std", "No License required", "RunInstances:0006"),
            ("Linux", "SQL Ent", "No License required", "RunInstances:0100"),
            ("Windows", "NA", "Bring your own license", "RunInstances:0800"),
            ("Ubuntu Pro", "NA", "No License required", "RunInstances:0g00"),
            ("Red Hat Enterprise Linux with HA", "NA", "No License required", "RunInstances:1010")]
    tenancies = [("Shared", "BoxUsage"), ("Dedicated", "DedicatedUsage"), ("Host", "HostBoxUsage")]
    capacities = [("Used", ""), ("UnusedCapacityReservation", "Unused"),
                  ("AllocatedCapacityReservation", "Reservation")]
    letters = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    quote = lambda r: ",".join('"%s"' % v if v else "" for v in r) + "\n"
    written = 0
    with open(out_path, "w") as out:
        out.write("".join('"%s","%s"\n' % (k, v) for k, v in meta))
        out.write(",".join('"%s"' % h for h in header) + "\n")
        buf = []
        while written < target:
            it = random.choice(names)
            os_, pre, lic, op = random.choice(oses)
            ten, usage = random.choice(tenancies)
            cap, cap_usage = random.choice(capacities)
            sku = "".join(random.choice(letters) for _ in range(16))
            r = list(types[it])
            price = random.uniform(0.001, 30)
            usagetype = ((cap_usage + ("Box" if ten == "Shared" else "Ded")) if cap_usage else usage) + ":" + it
            for k, v in (("SKU", sku), ("RateCode", sku + ".JRTCKXETXF.6YS6EN2CT7"),
                         ("Instance Type", it), ("Operating System", os_), ("Pre Installed S/W", pre),
                         ("License Model", lic), ("operation", op), ("Tenancy", ten),
                         ("CapacityStatus", cap), ("usageType", usagetype), ("Region Code", "us-east-1"),
                         ("Location", "US East (N. Virginia)"), ("Location Type", "AWS Region"),
                         ("PricePerUnit", "%.10f" % price),
                         ("PriceDescription", "$%.4f per On Demand %s %s Instance Hour" % (price, os_, it)),
                         ("instanceSKU", "".join(random.choice(letters) for _ in range(16)) if cap_usage else "")):
                r[col[k]] = v
            line = quote(r)
            buf.append(line)
            written += len(line)
            if cap == "Used" and ten != "Host":
                for _ in range(20):
                    x = list(random.choice(reserved))
                    for k, v in (("SKU", sku), ("Instance Type", it), ("usageType", usagetype),
                                 ("Location", "US East (N. Virginia)"), ("Region Code", "us-east-1")):
                        x[col[k]] = v
                    line = quote(x)
                    buf.append(line)
                    written += len(line)
            if len(buf) > 10000:
                out.write("".join(buf))
                buf = []
        out.write("".join(buf))

if __name__ == "__main__":
    main()
