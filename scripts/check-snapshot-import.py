#!/usr/bin/env python3
"""check-snapshot-import.py — the snapshot survives the real import path.

Imports every pricing/snapshot/*.csv with one `circuit pricing import` into
the price cache named by CIRCUIT_CACHE (use a scratch file), then:
  1. each import keeps every row (rows seen == rows kept, none bad) and names
     the file's offer, region, version and publication date;
  2. `pricing query --format json` for the offer and region returns every CSV
     row (same SKU, price, unit and family), with the CSV attribute columns
     under their JSON offer keys (instanceType, usagetype, volumeApiName, ...);
     for every offer in QUERY_REGIONS (a query is a process start; all 590
     files would take minutes);
  3. the cost-model style selectors of scripts/check-snapshot.py (the golden
     figures and the captured-row figures), asked through `pricing query`
     with JSON keys, find the expected price under a single SKU (the trap
     rows next to it — Windows BYOL, SQL Std, unused reservations — do not
     match).
Prints "snapshot import: N checks passed, M failed"; exits 1 on any failure.
Usage: CIRCUIT_CACHE=/tmp/x.db python3 scripts/check-snapshot-import.py path/to/circuit
"""

import csv
import importlib.util
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAP = ROOT / "pricing/snapshot"

# CSV header -> JSON offer key, for the columns the cost models select on.
JSON_KEY = {
    "Instance Type": "instanceType", "Operating System": "operatingSystem",
    "Tenancy": "tenancy", "Pre Installed S/W": "preInstalledSw",
    "License Model": "licenseModel", "CapacityStatus": "capacitystatus",
    "usageType": "usagetype", "operation": "operation", "Volume API Name": "volumeApiName",
    "Volume Type": "volumeType", "Database Engine": "databaseEngine",
    "Deployment Option": "deploymentOption", "Database Edition": "databaseEdition",
    "Group": "group", "Group Description": "groupDescription", "Cache Engine": "cacheEngine",
    "Location Type": "locationType", "Storage Class": "storageClass", "Alarm Type": "alarmType",
    "Region Code": "regionCode", "Location": "location",
}

passed = 0
failures = []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)


def run(circuit, *args):
    p = subprocess.run([circuit, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def query(circuit, service, region, family=None, attrs=None):
    args = ["pricing", "query", "--service", service, "--region", region, "--format", "json"]
    if family:
        args += ["--family", family]
    for k, v in (attrs or {}).items():
        args += ["--attr", f"{k}={v}"]
    rc, out, err = run(circuit, *args)
    if rc != 0:
        return None, err.strip()
    return json.loads(out)["matches"], None


def snapshot_checker():
    spec = importlib.util.spec_from_file_location("check_snapshot",
                                                  ROOT / "scripts/check-snapshot.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# The regions whose every offer is also read back through `pricing query`.
QUERY_REGIONS = {"us-east-1", "eu-west-1", "global", "ap-south-1"}


def check_imports(circuit, paths, chk):
    """One `pricing import` of every file; one report line each."""
    rc, out, err = run(circuit, "pricing", "import", *[str(p) for p in paths])
    check(rc == 0, f"import: exit {rc}: {err.strip()}")
    lines = {}
    for line in out.splitlines():
        m = re.match(r"imported (\S+): ", line)
        if m:
            lines[Path(m.group(1)).name] = line
    for path in paths:
        meta, _, rows = chk.load(path)
        offer, _, region = path.stem.partition("-")
        line = lines.get(path.name, "")
        m = re.search(r"rows seen (\d+), kept (\d+), bad (\d+)", line)
        check(m is not None and m.group(1) == m.group(2) == str(len(rows)) and m.group(3) == "0",
              f"import {path.name}: want {len(rows)} rows seen and kept, got: {line!r}")
        for want in (f"{offer} {region}", meta["Version"], meta["Publication Date"]):
            check(want in line, f"import {path.name}: report lacks {want!r}: {line!r}")


def check_file(circuit, path, chk):
    meta, header, rows = chk.load(path)
    offer, _, region = path.stem.partition("-")
    matches, why = query(circuit, offer, region)
    if matches is None:
        check(False, f"query {offer} {region}: {why}")
        return
    check(len(matches) == len(rows), f"query {offer} {region}: {len(matches)} matches for "
                                     f"{len(rows)} rows")
    pool = list(matches)
    for r in rows:
        hit = next((x for x in pool if x["sku"] == r["SKU"] and x["usd"] == r["PricePerUnit"]
                    and x["unit"] == r["Unit"] and x["family"] == r["Product Family"]), None)
        check(hit is not None, f"query {offer} {region}: row {r['SKU']} {r['PricePerUnit']} "
                               f"{r['Unit']} not returned")
        if hit is None:
            continue
        pool.remove(hit)
        check(hit["version"] == meta["Version"] and
              hit["publication_date"] == meta["Publication Date"],
              f"query {offer} {region} {r['SKU']}: version/date {hit['version']} "
              f"{hit['publication_date']}")
        for col, key in JSON_KEY.items():
            if r.get(col):
                check(hit["attributes"].get(key) == r[col],
                      f"query {offer} {region} {r['SKU']}: attribute {key} is "
                      f"{hit['attributes'].get(key)!r}, CSV {col} is {r[col]!r}")


def check_selectors(circuit, chk):
    files = chk.load_all()
    for label, _, _, (offer, region, family, cols) in chk.GOLDENS + chk.CAPTURE_FIGURES:
        attrs = {JSON_KEY[k.replace("_", " ")]: v for k, v in cols.items() if k != "start"}
        price, why = chk.find(files, offer, region, family, **dict(cols))
        if price is None:
            check(False, f"selector {label}: {why}")
            continue
        matches, why = query(circuit, offer, region, family, attrs)
        if matches is None:
            check(False, f"selector {label}: {why}")
            continue
        skus = {x["sku"] for x in matches}
        check(len(skus) == 1, f"selector {label}: {len(skus)} SKUs match {attrs}")
        check(any(Decimal(x["usd"]) == price for x in matches),
              f"selector {label}: {price} not among {[x['usd'] for x in matches]}")


def main():
    if len(sys.argv) != 2 or not os.environ.get("CIRCUIT_CACHE"):
        print(__doc__.strip().splitlines()[-1])
        return 2
    circuit = sys.argv[1]
    chk = snapshot_checker()
    paths = sorted(SNAP.glob("*.csv"))
    check_imports(circuit, paths, chk)
    for path in paths:
        if path.stem.partition("-")[2] in QUERY_REGIONS:
            check_file(circuit, path, chk)
    check_selectors(circuit, chk)
    for f in failures:
        print(f"FAIL {f}")
    print(f"snapshot import: {passed} checks passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
