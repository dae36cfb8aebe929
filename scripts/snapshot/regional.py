"""regional.py — turns the regional price files (fixtures/external/data/
aws-prices/regional/*.csv, provenance in their SOURCES.md) into snapshot
rows, one mapping entry (scripts/snapshot/maps.py) at a time.

A mapping says which rows of one source file it takes and how each becomes
an AWS price-list row: offer, product family, usage type (the region's
prefix added as AWS does), the attribute columns a cost model selects on,
the unit and, for tiered prices, each tier's range.  Templates ({column})
read the source row's columns and the mapping's derived values.

Every source id a file names must be in SOURCES below, with the date the
prices were published (the AWS feed's manifest date or offer version; for
copies without one, the date the copy was made) and a short citation; the
full provenance is in the regional SOURCES.md.
"""

import csv
import re
from decimal import Decimal, InvalidOperation

from .common import (ONDEMAND_TERM, REGION_PREFIX, REGIONAL_DIR, ROOT, SERVICE_NAME, describe,
                     fail, load_locations, trim)

# source id -> (publication date, what it is).  A file may override the date
# per source (togen's offers carry their own versions).
SOURCES = {
    "karpenter-ec2-us-east-1": ("2026-07-20T13:44:30Z",
                                "AWS Price List API GetProducts via aws/karpenter-provider-aws "
                                "zz_generated.pricing_aws.go @6fc13b52"),
    "ec2shop-ec2-ondemand": ("2025-04-04T22:41:22Z",
                             "AWS pricing-page feed ec2-ondemand-without-sec-sel via yeo/ec2.shop "
                             "@73696e38"),
    "ec2shop-ec2-previousgen": ("2025-04-04T22:41:22Z",
                                "AWS pricing-page feed previousgen-ondemand via yeo/ec2.shop "
                                "@73696e38"),
    "ec2shop-ebs": ("2024-07-18T13:53:37Z", "AWS pricing-page feed ebs.json via yeo/ec2.shop @576c890f"),
    "ec2shop-rds-mysql": ("2024-09-28T00:07:42Z",
                          "AWS pricing-page feed rds-mysql-ondemand.json via yeo/ec2.shop @44337592"),
    "ec2shop-rds-postgresql": ("2024-09-28T00:07:42Z",
                               "AWS pricing-page feed rds-postgresql-ondemand.json via yeo/ec2.shop "
                               "@44337592"),
    "ec2instancesinfo-elasticache": ("2025-04-24T13:17:44Z",
                                     "AWS Bulk offer AmazonElastiCache via instances.vantage.sh, "
                                     "LeanerCloud/ec2-instances-info @f9eafba8 (copy date)"),
    "ec2instancesinfo-opensearch": ("2025-04-24T13:17:44Z",
                                    "AWS Bulk offer AmazonES via instances.vantage.sh, "
                                    "LeanerCloud/ec2-instances-info @f9eafba8 (copy date)"),
    "ec2shop-msk": ("2025-04-04T19:05:32Z", "AWS pricing-page feed msk.json via yeo/ec2.shop @951cd0d4"),
    "ec2shop-mq": ("2025-02-13T17:12:34Z", "AWS pricing-page feed mq.json via yeo/ec2.shop @73696e38"),
    "togen-aws-bulk": (None, "AWS Price List Bulk CSV via mooncitizen/togen aws.json @fc523ecf"),
    "terracost-2023-eu-west-1": ("2023-02-23T00:00:00Z",
                                 "terracost price-DB dump 2023-02-23 (cycloidio/terracost @23cf94d2)"),
    "awsprice-natgateway": ("2025-10-28T17:54:55Z", "AWS pricing-page feed ec2 natgateway.json"),
    "awsprice-vpc": ("2025-11-04T01:26:50Z", "AWS pricing-page feed vpc.json"),
    "awsprice-eks": ("2025-10-28T18:47:40Z", "AWS pricing-page feed eks.json"),
    "awsprice-ecs": ("2025-10-27T20:58:28Z", "AWS pricing-page feed ecs.json"),
    "awsprice-lambda": ("2025-10-30T18:28:01Z", "AWS pricing-page feed lambda.json"),
    "awsprice-cloudwatch": ("2025-09-23T22:01:00Z", "AWS pricing-page feed cloudwatch.json"),
    "awsprice-kms": ("2025-08-28T15:39:13Z", "AWS pricing-page feed kms.json"),
    "awsprice-route53": ("2025-08-28T22:23:12Z", "AWS pricing-page feed route53.json"),
    "awsprice-sns": ("2025-08-28T15:38:58Z", "AWS pricing-page feed sns.json"),
    "awsprice-dynamodb": ("2025-08-28T15:38:19Z", "AWS pricing-page feed dynamodb.json"),
    "awsprice-s3": ("2025-10-22T21:14:55Z", "AWS pricing-page feed s3.json"),
    "awsprice-efs": ("2025-09-25T21:41:39Z", "AWS pricing-page feed efs.json"),
}

# Sources that print fewer decimals than AWS (Karpenter writes Go %f): a
# price that agrees once the other is rounded the same way is the same price.
PRICE_DECIMALS = {"karpenter-ec2-us-east-1": 6}
AWSPRICE_VIA = " via lamngockhuong/aws-price @508fb452"

# Per-file dates for a source that publishes each offer separately.
FILE_DATES = {
    ("elb.csv", "togen-aws-bulk"): "2026-08-31T09:22:55Z",   # AWSELB version 20260831092255
    ("sqs.csv", "togen-aws-bulk"): "2026-09-04T15:40:20Z",   # AWSQueueService 20260904154020
}

_FILES = {}

# Usage-type suffixes real price-list rows show for an instance type, where
# AWS does not simply repeat the type: RDS writes db.t3.xl for db.t3.xlarge
# in some families and not in others.  Learned from the legacy rows (the
# terracost eu-west-1 dump) before the mappings run; see seen_suffix().
SEEN_USAGE = {}


def learn_usage_types(rows):
    """Records, per (offer, instance type), the part after the colon of the
    usage types real rows give it (AmazonRDS instances)."""
    for r in rows:
        a = r["attrs"]
        if r["offer"] == "AmazonRDS" and r["family"] == "Database Instance" and \
                a.get("Instance Type") and ":" in a.get("usageType", ""):
            SEEN_USAGE.setdefault((r["offer"], a["Instance Type"]),
                                  a["usageType"].split(":", 1)[1])


def seen_suffix(offer, itype):
    """The usage-type suffix real rows show for `itype`, else `itype`."""
    return SEEN_USAGE.get((offer, itype), itype)


def source_path(shared, name):
    """A bare file name is in the regional folder (fixtures/external/data/
    aws-prices/regional); a path (pricing/sources/sqs.csv) is from the
    repository's root."""
    return ROOT / name if "/" in name else shared / REGIONAL_DIR / name


def read_file(shared, name):
    """The rows of one source file (cached)."""
    if name not in _FILES:
        path = source_path(shared, name)
        try:
            with open(path, newline="", encoding="utf-8") as fh:
                _FILES[name] = list(csv.DictReader(fh))
        except OSError as e:
            fail(f"{path}: {e}")
    return _FILES[name]


def source_date(name, source_id):
    if source_id not in SOURCES:
        fail(f"{name}: source id {source_id} is not in scripts/snapshot/regional.py SOURCES")
    return FILE_DATES.get((name, source_id)) or SOURCES[source_id][0] or \
        fail(f"{name}: no date for source {source_id}")


def where(name):
    """How rows name a source file: regional/<file>, or its repository path."""
    return name if "/" in name else f"regional/{name}"


def cite(name, source_id):
    """A row's CircuitSource: the file and source id (the file's SOURCES.md
    says what each is) and the publication date."""
    return f"{where(name)} [{source_id}], published {source_date(name, source_id)[:10]}"


def describe_source(source_id):
    """The long form, for SOURCES.md."""
    what = SOURCES[source_id][1]
    return what + (AWSPRICE_VIA if source_id.startswith("awsprice-") else "")


# ---- usage types ------------------------------------------------------------------
# prefix modes: "short" — the region's short code (EUW3-...); us-east-1 has
# none, as AWS bills the older services there; "use1" — the short code in
# every region, us-east-1 included (USE1-...), as AWS does for newer
# services; "code" — the region code itself (eu-west-3-KMS-Keys); "none" —
# never prefixed (global items); "source" — the source row gives the whole
# usage type.

def usage_type(mode, region, suffix):
    if mode == "none" or region == "global":
        return suffix
    if mode == "code":
        return f"{region}-{suffix}"
    if mode == "short" and region == "us-east-1":
        return suffix
    if mode in ("short", "use1"):
        return f"{REGION_PREFIX[region]}-{suffix}"
    fail(f"unknown usage-type prefix mode {mode}")


# ---- mappings ------------------------------------------------------------------------

class Mapping:
    """One source file's rows (those `where` selects) as snapshot rows.

    file     source CSV under regional/
    offer    AWS offer code;   family   productFamily (template)
    usage    usage type without the region prefix (template); prefix: mode above
    where    {column: value or set of values} or a function(row) -> bool
    attrs    {CSV column: template} — the attributes cost models select on
    derive   {name: (column, {source value: value})} or {name: function(row)} —
             values usable in templates
    unit     template (default: the source's unit column)
    tiers    {source tier text: (start, end)}, a function(row) -> (start, end), or
             "columns": the row's tier_start / tier_end (blank: not tiered), as
             the extracts under pricing/sources/ give them
    tier_col the column holding the tier text (default "tier")
    desc     PriceDescription template ({price} is the trimmed price); default describe()
    note     appended to every row's CircuitSource (why a value is what it is)
    """

    def __init__(self, file, offer, family, usage, where=None, attrs=None, derive=None,
                 prefix="short", unit=None, tiers=None, tier_col="tier", desc=None, note=None,
                 regions=None):
        if offer not in SERVICE_NAME:
            fail(f"mapping for {file}: offer {offer} is not in common.SERVICE_NAME")
        self.file, self.offer, self.family, self.usage = file, offer, family, usage
        self.where = where or {}
        self.attrs = attrs or {}
        self.derive = derive or {}
        self.prefix, self.unit, self.tiers, self.tier_col = prefix, unit, tiers, tier_col
        self.desc, self.note, self.regions = desc, note, regions

    def selects(self, row):
        if callable(self.where):
            return self.where(row)
        for col, want in self.where.items():
            have = row.get(col)
            if isinstance(want, (set, frozenset, tuple, list)):
                if have not in want:
                    return False
            elif have != want:
                return False
        return True

    def values(self, row):
        v = dict(row)
        for name, how in self.derive.items():
            if callable(how):
                v[name] = how(row)
                continue
            col, table = how
            if row.get(col) not in table:
                fail(f"{self.file}: {name}: no value for {col}={row.get(col)!r}")
            v[name] = table[row[col]]
        return v

    def render(self, template, values):
        try:
            return template.format_map(values)
        except KeyError as e:
            fail(f"{self.file}: template {template!r} names {e}, which the row lacks")


def parse_price(name, text):
    try:
        d = Decimal(text)
    except InvalidOperation:
        fail(f"{name}: price {text!r} is not a number")
    if d < 0:
        fail(f"{name}: negative price {text}")
    return format(d.normalize(), "f") if d else "0"


RATE_RE = re.compile(r"^([A-Z0-9]{16})\.([A-Z0-9]{10})\.([A-Z0-9]{10})$")


def rows_for(shared, m):
    """The snapshot rows of one mapping (see Mapping)."""
    load_locations(shared)
    out = []
    for src in read_file(shared, m.file):
        region = src["region"]
        if region != "global" and region not in REGION_PREFIX:
            fail(f"{m.file}: unknown region {region}")
        if m.regions is not None and region not in m.regions:
            continue
        if not m.selects(src):
            continue
        v = m.values(src)
        source_id = src["source_id"]
        attrs = {k: m.render(t, v) for k, t in m.attrs.items()}
        attrs = {k: x for k, x in attrs.items() if x != ""}
        if m.prefix == "source":
            attrs["usageType"] = src["usage_type"]
        else:
            attrs["usageType"] = usage_type(m.prefix, region, m.render(m.usage, v))
        price = parse_price(m.file, src["usd"])
        unit = m.render(m.unit, v) if m.unit else src.get("unit", "")
        if not unit:
            fail(f"{m.file}: row without a unit: {src}")
        family = m.render(m.family, v)
        r = dict(offer=m.offer, region=region, family=family, unit=unit, price=price,
                 attrs=attrs, origin=source_id, file=m.file,
                 date=source_date(m.file, source_id))
        v["price"] = trim(price)
        r["desc"] = m.render(m.desc, v) if m.desc else describe(family, region, attrs, trim(price),
                                                                 unit)
        r["source"] = cite(m.file, source_id) + (f"; {m.note}" if m.note else "")
        rate = src.get("rate_code", "")
        if rate:
            mt = RATE_RE.match(rate)
            if not mt or mt.group(2) != ONDEMAND_TERM:
                fail(f"{m.file}: rate code {rate!r} is not SKU.{ONDEMAND_TERM}.RATE")
            r["sku"], r["rate"] = mt.group(1), mt.group(3)
        elif src.get("sku"):
            r["sku"] = src["sku"]
        if m.tiers == "columns":
            if src.get("tier_start"):
                r.update(start=src["tier_start"], end=src.get("tier_end") or "Inf", tier=True)
        elif m.tiers is not None:
            text = src.get(m.tier_col, "")
            start, end = m.tiers(src) if callable(m.tiers) else m.tiers.get(text, (None, None))
            if start is None:
                fail(f"{m.file}: no tier range for {m.tier_col}={text!r}")
            r.update(start=start, end=end, tier=True)
        out.append(r)
    return out


def check_prefixes(shared):
    """The prefix table agrees with every usage type the sources print."""
    for name in ("msk.csv", "elb.csv"):
        for src in read_file(shared, name):
            u, region = src["usage_type"], src["region"]
            if region == "us-east-1" and "-" not in u.split(":")[0].split(".")[0]:
                continue   # unprefixed, as AWS bills some us-east-1 usage
            want = REGION_PREFIX[region] + "-"
            if not u.startswith(want):
                fail(f"{name}: {region} usage type {u} does not start with {want} "
                     "(common.REGION_PREFIX)")
