"""merge.py — one row (or one tier ladder) per AWS product, whatever the
number of sources that price it.

A product is an offer, region, product family, usage type, operation and the
attributes that tell rows with the same usage type apart (IDENTITY).  Each
source contributes a ladder for a product: its rows, one per tier.  When
several sources price the same product:
  - ladders that agree (same tiers, same prices) become one, naming every
    source, dated by the newest;
  - ladders that disagree: the newest source wins, and the row names what
    each older source showed ("not used: ...").
A row without a real SKU takes the one a source of the same product gives
(AWS keeps a product's SKU and rate codes when its price changes).
"""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from .common import fail
from .regional import PRICE_DECIMALS, where

IDENTITY = ["Instance Type", "Operating System", "Tenancy", "Pre Installed S/W", "License Model",
            "CapacityStatus", "Database Engine", "Database Edition", "Deployment Option",
            "Cache Engine", "Volume API Name", "Queue Type", "Broker Engine", "Storage Family",
            "Storage Type", "Alarm Type", "SnapshotArchiveFeeType"]


def base_key(r):
    a = r["attrs"]
    return (r["offer"], r["region"], r["family"], a.get("usageType", "")) + \
        tuple(a.get(k, "") for k in IDENTITY)


def origin(r):
    return r.get("origin", "legacy")


def real_sku(r):
    return bool(r.get("sku")) and not r["sku"].startswith("CIRCUIT")


def products(rows):
    """Rows grouped by product.  Rows without an operation join the product
    of the one operation the others name; two operations make two products."""
    groups = defaultdict(list)
    for r in rows:
        groups[base_key(r)].append(r)
    for key, grp in sorted(groups.items(), key=lambda kv: repr(kv[0])):
        ops = {r["attrs"].get("operation", "") for r in grp} - {""}
        if len(ops) <= 1:
            yield key, grp
            continue
        if any(not r["attrs"].get("operation") for r in grp):
            fail(f"{key}: rows with and without an operation among {sorted(ops)}")
        for op in sorted(ops):
            yield key + (op,), [r for r in grp if r["attrs"]["operation"] == op]


def ladders(key, grp):
    by = defaultdict(list)
    for r in grp:
        by[(origin(r), r.get("file", ""))].append(r)
    out = []
    for (orig, _), lad in sorted(by.items()):
        lad.sort(key=lambda r: Decimal(r.get("start", "0")))
        starts = [r.get("start", "0") for r in lad]
        if len(starts) != len(set(starts)):
            fail(f"{key}: {orig} gives {len(lad)} rows with tier starts {starts}")
        out.append(lad)
    return out


def price_eq(x, y):
    """Two rows' prices are the same (to the precision of the coarser source)."""
    places = min(PRICE_DECIMALS.get(origin(x), 10), PRICE_DECIMALS.get(origin(y), 10))
    q = Decimal(1).scaleb(-places)
    return Decimal(x["price"]).quantize(q, ROUND_HALF_UP) == \
        Decimal(y["price"]).quantize(q, ROUND_HALF_UP)


def agrees(a, b):
    """Ladder b agrees with ladder a: every tier b has, a has at the same
    price (b may name fewer tiers, e.g. only the first)."""
    tiers = {r.get("start", "0"): r for r in a}
    return all(r.get("start", "0") in tiers and price_eq(tiers[r.get("start", "0")], r) for r in b)


def ladder_date(lad):
    return max(r["date"] for r in lad)


def short_source(lad):
    r = lad[0]
    if origin(r) == "legacy":
        return r["source"].split(";")[0]
    return f"{where(r['file'])} [{origin(r)}]"


def prices_text(lad):
    return "/".join(format(Decimal(r["price"]).normalize(), "f") for r in lad)


def resolve(key, lads, log, sku_log):
    """The rows a product keeps (see the module comment)."""
    if len(lads) == 1:
        return lads[0]
    lads = sorted(lads, key=lambda lad: (ladder_date(lad), any(real_sku(r) for r in lad),
                                         PRICE_DECIMALS.get(origin(lad[0]), 10)), reverse=True)
    winner = lads[0]
    # The fullest agreeing ladder gives the tiers; of equally full ones the
    # most precise (Karpenter rounds).  Every other source of a tier is named.
    agree = [lad for lad in lads if agrees(lad, winner) or agrees(winner, lad)]
    differ = [lad for lad in lads if lad not in agree]
    base = max(agree, key=lambda lad: (len(lad), PRICE_DECIMALS.get(origin(lad[0]), 10)))
    if any(not agrees(base, lad) for lad in agree):
        base = winner   # agreeing with the winner in different ways: keep the winner's
        differ += [lad for lad in agree if not agrees(base, lad)]
        agree = [lad for lad in agree if agrees(base, lad)]
    out = [dict(r, attrs=dict(r["attrs"])) for r in base]
    unit = None
    for r in out:
        start = r.get("start", "0")
        seen = [lad for lad in agree if lad is not base
                and any(o.get("start", "0") == start for o in lad)]
        for lad in seen:
            o = next(o for o in lad if o.get("start", "0") == start)
            for k, v in o["attrs"].items():
                r["attrs"].setdefault(k, v)
            r["date"] = max(r["date"], o["date"])
            if origin(o) == "legacy":
                unit = o["unit"]   # as a price-list row wrote it; the feeds have no units
        if seen:
            r["source"] += "; same price in " + "; ".join(
                f"{short_source(lad)} (dated {ladder_date(lad)[:10]})" for lad in seen)
    if unit:
        for r in out:
            r["unit"] = unit
    for lad in differ:
        note = (f"; not used: {short_source(lad)} shows {prices_text(lad)} "
                f"(dated {ladder_date(lad)[:10]}, older)")
        for r in out:
            r["source"] += note
        log.append((key, short_source(winner), prices_text(winner), short_source(lad),
                    prices_text(lad)))
    # A real SKU from any ladder of the product, tier by tier.
    if not any(real_sku(r) for r in out):
        for lad in lads:
            if len(lad) == len(out) and all(real_sku(r) for r in lad):
                for r, o in zip(out, lad):
                    r["sku"] = o["sku"]
                    if o.get("rate"):
                        r["rate"] = o["rate"]
                    r["source"] += f"; SKU from {short_source(lad)}"
                break
    else:
        skus = {r["sku"] for lad in lads for r in lad if real_sku(r)}
        mine = {r["sku"] for r in out if real_sku(r)}
        if skus - mine:
            sku_log.append((key, sorted(mine), sorted(skus - mine)))
    return out


def check_skus(rows):
    """A real SKU names one product: two products with the same SKU in a
    region mean two sources describe one product differently (a usage type
    spelled two ways, say), so the build stops."""
    seen = {}
    for r in rows:
        if not real_sku(r):
            continue
        key = base_key(r) + (r["attrs"].get("operation", ""),)
        other = seen.setdefault((r["region"], r["sku"]), key)
        if other != key:
            fail(f"SKU {r['sku']} names two products in {r['region']}: {other[2:4]} and "
                 f"{key[2:4]} (attributes {[v for v in other[4:] if v]} / "
                 f"{[v for v in key[4:] if v]})")


def merge(rows):
    """All rows, one product at a time.  Returns (rows, decisions, sku
    conflicts): a decision is a price disagreement the newer source won; a
    conflict is a product two sources give different real SKUs."""
    out, log, sku_log = [], [], []
    for key, grp in products(rows):
        out.extend(resolve(key, ladders(key, grp), log, sku_log))
    check_skus(out)
    return out, log, sku_log
