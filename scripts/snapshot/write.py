"""write.py — snapshot rows to AWS regional price-list CSV files, one per
offer and region (pricing/snapshot/<OfferCode>-<region>.csv), and the list
of source disagreements (pricing/snapshot/DISAGREEMENTS.md).

Deterministic: the same rows always give byte-identical files.
"""

import hashlib
from decimal import Decimal

from .common import (DISCLAIMER, ONDEMAND_TERM, SERVICE_NAME, SINGLE_RATE, SOURCE_COLUMN, fail,
                     location, offer_header, price_text)


def synthetic_sku(r):
    key = "|".join([r["offer"], r["region"], r["family"]] +
                   [f"{k}={v}" for k, v in sorted(r["attrs"].items())] + [r["unit"]])
    return "CIRCUITREF" + hashlib.sha1(key.encode()).hexdigest()[:6].upper()


def finish(r, rate):
    """Fills the columns every row shares: SKU, rate code, location, region."""
    region = r["region"]
    sku = r["sku"]
    source = r["source"]
    if sku.startswith("CIRCUITREF"):
        source += "; synthetic SKU (no real SKU found in public sources)"
    if rate.startswith("CIRCUITT"):
        source += "; synthetic rate-code suffix (AWS's tier suffixes are not in the source)"
    attrs = dict(r["attrs"])
    attrs.update({
        "SKU": sku, "OfferTermCode": ONDEMAND_TERM, "RateCode": f"{sku}.{ONDEMAND_TERM}.{rate}",
        "TermType": "OnDemand", "PriceDescription": r["desc"], "EffectiveDate": r["date"][:10],
        "StartingRange": r.get("start", "0"), "EndingRange": r.get("end", "Inf"),
        "Unit": r["unit"], "PricePerUnit": price_text(r["price"]), "Currency": "USD",
        "Product Family": r["family"], "serviceCode": r["offer"],
        "serviceName": SERVICE_NAME[r["offer"]], SOURCE_COLUMN: source,
    })
    if region == "global":
        attrs["Location"] = "Global"
    else:
        attrs.update({"Location": location(region), "Location Type": "AWS Region",
                      "Region Code": region})
    return attrs


def rate_suffixes(rows):
    """Rate-code suffix per row: the real one when the source gives it, AWS's
    one-dimension suffix for untiered prices, else CIRCUITTnn by tier order."""
    by_sku = {}
    for r in rows:
        by_sku.setdefault((r["region"], r["sku"]), []).append(r)
    out = {}
    for sku_rows in by_sku.values():
        sku_rows.sort(key=lambda r: Decimal(r.get("start", "0")))
        for i, r in enumerate(sku_rows):
            if r.get("rate"):
                out[id(r)] = r["rate"]
            elif r.get("tier") or len(sku_rows) > 1:
                out[id(r)] = f"CIRCUITT{i + 1:02d}"
            else:
                out[id(r)] = SINGLE_RATE
    return out


def quote(v):
    if v == "":
        return ""
    return '"' + v.replace('"', '""') + '"'


def file_meta(rows):
    """(Publication Date, Version) of one file: the oldest row date, so no
    row is older than the file claims; the version names the snapshot."""
    oldest = min(r["date"] for r in rows)
    return oldest, "snapshot-" + oldest[:10].replace("-", "")


def render(name, offer, header, rows, meta):
    pub, version = meta
    lines = ['"FormatVersion","v1.0"', f'"Disclaimer",{quote(DISCLAIMER)}',
             f'"Publication Date","{pub}"', f'"Version","{version}"', f'"OfferCode","{offer}"',
             ",".join(quote(h) for h in header)]
    for r in rows:
        unknown = set(r) - set(header)
        if unknown:
            fail(f"{name}: columns not in header: {sorted(unknown)}")
        lines.append(",".join(quote(r.get(h, "")) for h in header))
    return "\n".join(lines) + "\n"


def sort_key(r):
    return (r["Product Family"], r.get("usageType", ""), r.get("Instance Type", ""),
            r.get("Database Engine", ""), r.get("Cache Engine", ""),
            r.get("Operating System", ""), r.get("Deployment Option", ""),
            r.get("CapacityStatus", ""), r.get("operation", ""), r["SKU"],
            Decimal(r["StartingRange"]))


def write_files(rows, shared, out):
    """Writes one file per (offer, region); removes snapshot files no longer
    built.  Returns [(file name, rows)]."""
    for r in rows:
        r["sku"] = r.get("sku") or synthetic_sku(r)
    rates = rate_suffixes(rows)
    files, by_offer = {}, {}
    for r in rows:
        files.setdefault((r["offer"], r["region"]), []).append(r)
        by_offer.setdefault(r["offer"], []).append(r)
    headers = {offer: offer_header(offer, orows, shared) for offer, orows in by_offer.items()}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for (offer, region), base in sorted(files.items()):
        name = f"{offer}-{region}.csv"
        frows = sorted((finish(r, rates[id(r)]) for r in base), key=sort_key)
        codes = [r["RateCode"] for r in frows]
        if len(codes) != len(set(codes)):
            dup = sorted({c for c in codes if codes.count(c) > 1})[:3]
            fail(f"{name}: duplicate rate codes {dup}")
        (out / name).write_text(render(name, offer, headers[offer], frows, file_meta(base)),
                                encoding="utf-8")
        written.append((name, len(frows)))
    stale = {p.name for p in out.glob("*.csv")} - {n for n, _ in written}
    for name in sorted(stale):
        (out / name).unlink()
    return written


def write_disagreements(log, out):
    """pricing/snapshot/DISAGREEMENTS.md: every product two sources price
    differently, and which price the snapshot keeps (the newer source's)."""
    lines = ["# Where the snapshot's sources disagree",
             "",
             "Generated by scripts/build-snapshot.py — do not edit.  For every product two "
             "sources price",
             "differently, the snapshot keeps the newer source's price (first columns) and "
             "names the older",
             "one in the row's CircuitSource (\"not used: ...\").  Prices per unit, tiers "
             "joined by /.",
             "",
             "| offer | region | family | usage type | detail | kept | from | not used | from |",
             "|---|---|---|---|---|---|---|---|---|"]
    for key, wsrc, wprice, lsrc, lprice in sorted(log, key=repr):
        offer, region, family, usage = key[:4]
        detail = ", ".join(v for v in key[4:] if v)
        lines.append(f"| {offer} | {region} | {family} | {usage} | {detail} | {wprice} | {wsrc} "
                     f"| {lprice} | {lsrc} |")
    lines.append("")
    lines.append(f"{len(log)} disagreements.")
    (out / "DISAGREEMENTS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
