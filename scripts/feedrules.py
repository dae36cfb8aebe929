"""feedrules.py — the table scripts/extract-feeds.py applies to AWS's
pricing-page feeds: which readable key becomes which row of which extract.

One entry per extract file: RULES[file] = [(source id, [rules])].  A rule names
one key (L) or a family of keys (R, a regex matched whole), and says what the
row prices: item (the thing: storage class, instance type, resource kind),
option (a qualifier: engine, deployment, edge group), charge (what is counted),
unit (AWS's unit name) and, for a tier, its range in that unit.  SKIP rules list
keys left out on purpose, with the reason.

Tier ranges come from the key's own words; AWS counts 1 TB = 1024 GB, 1 PB =
1024 TB, "million" = 10^6 and "billion" = 10^9 in its Price List ranges (e.g.
S3 "First 50 TB" is StartingRange 0, EndingRange 51200; API Gateway "first 333
million" ends at 333000000).  scripts/check-sources.py checks that every tier
sequence is contiguous and that one rate-code tier suffix always means one
range across all extracts.
"""

import re

INF = "Inf"
TB = 1024
PB = 1024 * TB
M = 10**6
B = 10**9


class Rule:
    """One readable key (regex matched whole) -> one row shape.  item, option,
    charge and unit may use {1}, {2}... for the regex groups (after `maps`, a
    dict group number -> {text: value} or a function); tier is (start, end),
    a dict {group text: (start, end)} keyed by group `tier_group`, a function
    of the match, or None."""

    def __init__(self, pattern, item="", charge="", unit="", option="", tier=None,
                 skip=False, maps=None, tier_group=1, scope=None):
        self.regex = re.compile(pattern)
        self.scope = scope  # None, "global" (the feed's Any/"" buckets) or "regional"
        self.item, self.charge, self.unit, self.option = item, charge, unit, option
        self.tier, self.skip, self.maps, self.tier_group = tier, skip, maps or {}, tier_group

    def fields(self, m):
        groups = [m.group(0)]
        for i, g in enumerate(m.groups(), 1):
            g = g or ""
            table = self.maps.get(i)
            if callable(table):
                g = table(g)
            elif table is not None:
                if g not in table:
                    raise KeyError(f"{self.regex.pattern}: group {i} {g!r} has no mapping")
                g = table[g]
            groups.append(g)
        fmt = lambda s: s.format(*groups)  # noqa: E731
        tier = self.tier
        if callable(tier):
            tier = tier(m)
        elif isinstance(tier, dict):
            tier = tier[m.group(self.tier_group) or ""]
        start, end = (str(tier[0]), str(tier[1])) if tier else ("", "")
        return fmt(self.item), fmt(self.option), fmt(self.charge), start, end, fmt(self.unit)


def R(pattern, item, charge, unit, option="", tier=None, **kw):
    return Rule(pattern, item, charge, unit, option, tier, **kw)


def L(key, item, charge, unit, option="", tier=None):
    """A rule for one literal key."""
    return Rule(re.escape(key), item, charge, unit, option, tier)


def slug(s):
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def from_to(m):
    """Tier from a key that states its range as two numbers, groups 1 and 2."""
    end = m.group(2)
    return (int(m.group(1)), INF if end == "Inf" else int(end))


def SKIP(pattern, why, scope=None):
    """Keys left out on purpose; `why` is the reason (kept here as the record)."""
    assert why
    return Rule(pattern, skip=True, scope=scope)


# ---- S3 --------------------------------------------------------------------------------
S3_CLASS = {"Standard Infrequent Access": "STANDARD_IA", "One Zone Infrequent Access": "ONEZONE_IA",
            "Intelligent Tiering": "INTELLIGENT_TIERING", "Glacier Instant Retrieval": "GLACIER_IR",
            "Express One Zone": "EXPRESS_ONEZONE", "GLACIER": "GLACIER", "Glacier": "GLACIER",
            "GDA": "DEEP_ARCHIVE", "Glacier Deep Archive": "DEEP_ARCHIVE"}
S3_CLASSES = "|".join(re.escape(k) for k in sorted(S3_CLASS, key=len, reverse=True))
S3_50_450_500 = {"First 50": (0, 50 * TB), "Next 450": (50 * TB, 500 * TB), "Over 500": (500 * TB, INF)}
# Reduced Redundancy: "First 1 YB" is the feed's spelling of the first 1 TB (its rate-code
# suffix 6YNURZBX9Y is CloudFront's "0 upto 1024" too).
S3_RRS = {"First 1 YB": (0, TB), "Next 49 TB": (TB, 50 * TB), "Next 450 TB": (50 * TB, 500 * TB),
          "Nex 500 TB": (500 * TB, 1000 * TB), "Next 4 000 TB": (1000 * TB, 5000 * TB),
          "Over 5 000 TB": (5000 * TB, INF)}
S3 = [
    R(r"Standard Storage (First 50|Next 450|Over 500) TB per GB Mo", "STANDARD", "storage",
      "GB-Mo", tier=S3_50_450_500),
    R(r"Intelligent Tiering Frequent Access (First 50|Next 450|Over 500) TB per GB Mo",
      "INTELLIGENT_TIERING", "storage_frequent_access", "GB-Mo", tier=S3_50_450_500),
    L("Intelligent Tiering Infrequent Access per GB Mo", "INTELLIGENT_TIERING",
      "storage_infrequent_access", "GB-Mo"),
    SKIP(r"Intelligent Tiering Infrequent Access From 0 to Inf per GB-Mo", "same rate code"),
    L("Intelligent Tiering Archive Instant Access", "INTELLIGENT_TIERING",
      "storage_archive_instant_access", "GB-Mo"),
    L("IntelligentTieringArchiveAccess", "INTELLIGENT_TIERING", "storage_archive_access", "GB-Mo"),
    L("IntelligentTieringDeepArchiveAccess", "INTELLIGENT_TIERING", "storage_deep_archive_access",
      "GB-Mo"),
    L("Per object per month monitoring and automation fee for objects in Intelligent Tiering",
      "INTELLIGENT_TIERING", "monitoring", "Objects"),
    L("Standard Infrequent Access Storage per GB-Mo", "STANDARD_IA", "storage", "GB-Mo"),
    L("One Zone Infrequent Access Storage Inf per GB-Mo", "ONEZONE_IA", "storage", "GB-Mo"),
    L("Glacier Instant Retrieval Storage", "GLACIER_IR", "storage", "GB-Mo"),
    L("Glacier Storage per GB Mo", "GLACIER", "storage", "GB-Mo"),
    L("Glacier Staging Storage per GB Mo", "GLACIER", "staging_storage", "GB-Mo"),
    L("Express One Zone Storage Inf per GB Mo", "EXPRESS_ONEZONE", "storage", "GB-Mo"),
    R(r"Reduced Redundancy Storage (First 1 YB|Next 49 TB|Next 450 TB|Nex 500 TB|Next 4 000 TB"
      r"|Over 5 000 TB) ?per ?GB Mo", "REDUCED_REDUNDANCY", "storage", "GB-Mo", tier=S3_RRS),
    L("PUT COPY/POST or LIST requests per Requests", "STANDARD", "requests_tier1", "Requests"),
    L("GET and all other requests per Requests", "STANDARD", "requests_tier2", "Requests"),
    R(rf"PUT COPY/POST or LIST requests to ({S3_CLASSES}) per Requests", "{1}", "requests_tier1",
      "Requests", maps={1: S3_CLASS}),
    L("PUT requests to Glacier per Requests", "GLACIER", "requests_tier1", "Requests"),
    R(rf"GET and all other requests to ({S3_CLASSES}) per Requests", "{1}", "requests_tier2",
      "Requests", maps={1: S3_CLASS}),
    R(rf"Lifecycle Transition Requests into ({S3_CLASSES}) per Requests", "{1}",
      "lifecycle_transition_requests", "Requests", maps={1: S3_CLASS}),
    R(rf"Object Retrieval in ({S3_CLASSES}) per GB", "{1}", "retrieval", "GB", maps={1: S3_CLASS}),
    L("Object Upload in Express One Zone per GB", "EXPRESS_ONEZONE", "upload", "GB"),
    L("Fee for Standard Retrieval of data stored", "GLACIER", "retrieval_standard", "GB"),
    L("Fee for Bulk Retrieval of data stored", "GLACIER", "retrieval_bulk", "GB"),
    L("Glacier S3 Expedited Retrieval", "GLACIER", "retrieval_expedited", "GB"),
    SKIP(r"Glacier S3 (Standard|Bulk) Retrieval RestoreObject", "same rate code as the Fee for keys"),
    L("Fee for Standard Retrieval of data stored from Glacier Deep Archive", "DEEP_ARCHIVE",
      "retrieval_standard", "GB"),
    L("Fee for Bulk Retrieval of data stored from Glacier Deep Archive", "DEEP_ARCHIVE",
      "retrieval_bulk", "GB"),
    L("Restore Object per Requests", "GLACIER", "restore_requests_standard", "Requests"),
    L("Glacier Expedited Glacier Restore Requests", "GLACIER", "restore_requests_expedited",
      "Requests"),
    L("Bulk Glacier Restore Requests", "GLACIER", "restore_requests_bulk", "Requests"),
    SKIP(r"Glacier S3 API Tier (3 RestoreObject|5)", "same rate codes as the restore request keys"),
    R(r"INT AA-RestoreObject (Standard|Bulk|Expedited) INT Retrieval per GB", "INTELLIGENT_TIERING",
      "archive_retrieval_{1}", "GB", maps={1: {"Standard": "standard", "Bulk": "bulk",
                                               "Expedited": "expedited"}}),
    L("Expedited INT Restore Requests per Requests", "INTELLIGENT_TIERING",
      "archive_restore_requests_expedited", "Requests"),
    SKIP(r"Standard INT Restore Requests per Requests|S3 API-INT-AA-TIER3 RestoreObject"
         r"|S3 API-INT-AdditionalRequest RestoreObject|S3 API-DAA-TIER3 RestoreObject",
         "restore request keys whose storage class the key does not say"),
    L("Tags Storage per Tag Mo", "bucket", "object_tags", "Tag-Mo"),
    L("Per object fee for objects listed in an Inventory", "bucket", "inventory_objects_listed",
      "Objects"),
    L("Per object fee for objects included in Analytics", "bucket", "analytics_objects_monitored",
      "Objects"),
    L("Per job fee for Batch Operations jobs", "bucket", "batch_operations_jobs", "Jobs"),
    L("Per object fee for object operations performed by Batch Operations", "bucket",
      "batch_operations_objects", "Objects"),
    SKIP(r"Access Grants .*|.*S3 Select.*|.*Replication.*|.*Storage Lens.*|Bytes (De|En)crypted .*"
         r"|Bytes Returned by OL APs per GB|(COPY|POST) requests to Glacier per Requests"
         r"|CompleteMultipartUpload.*|CopyPart to Glacier per Requests|InitiateMultipartUpload.*"
         r"|UploadPart.*|Per object fee to generate Batch Operations Manifest"
         r"|No charge for Free Tier Storage Lens|.*Tables.*|.*Vector.*|.*Metadata.*|.*Annotation.*"
         r"|.*Multi-Region Access Point.*|.*MRAP.*|.*Object Lambda.*|.*Express One Zone.*Data.*"
         r"|Directory bucket.*|.*Inventory.*Parquet.*|.*Compaction.*|.*Analytics Table.*",
         "features outside the target types (Access Grants, Select, replication, Storage Lens, "
         "DSSE, Object Lambda, multipart details, Tables, Vectors, Metadata)"),
]

# ---- Route 53 ---------------------------------------------------------------------------
FIRST_OVER_1B = {"first": (0, B), "over": (B, INF)}
R53_QUERY = {"Standard": "standard", "Latency Based Routing": "latency", "Geo DNS": "geo",
             "IP Based Routing": "ip_based", "Geoproximity": "geoproximity"}
ROUTE53 = [
    L("DNS Zone first 25", "hosted_zone", "hosted_zone", "HostedZone-Mo", tier=(0, 25)),
    L("DNS Zone", "hosted_zone", "hosted_zone", "HostedZone-Mo", tier=(25, INF)),
    L("Route53 RRSets per Mo", "hosted_zone", "records_over_10000", "RRSet-Mo"),
    L("Basic Traffic Flow Routing per Mo", "traffic_policy", "policy_record", "Policy-Mo"),
    L("Cidr Blocks first 1K per Mo", "cidr_collection", "cidr_blocks", "CidrBlock-Mo", tier=(0, 1000)),
    L("Cidr Blocks per Mo", "cidr_collection", "cidr_blocks", "CidrBlock-Mo", tier=(1000, INF)),
    R(r"Query (Standard|Latency Based Routing|Geo DNS|IP Based Routing|Geoproximity) External "
      r"(first|over) 1B", "dns_queries", "queries_{1}", "Queries", tier=FIRST_OVER_1B, tier_group=2,
      maps={1: R53_QUERY}, scope="global"),
    SKIP(r"Free Queries to .* Alias records", "alias queries to AWS resources are free (0 rows)"),
    L("Basic Health checks up to 50 AWS per Mo", "health_check", "aws_endpoint", "HealthCheck-Mo",
      tier=(0, 50)),
    L("Basic Health checks AWS per Mo", "health_check", "aws_endpoint", "HealthCheck-Mo",
      tier=(50, INF)),
    L("Basic Health checks External Non AWS per Mo", "health_check", "non_aws_endpoint",
      "HealthCheck-Mo"),
    L("Optional Health Check Features AWS per Mo", "health_check", "optional_features_aws_endpoint",
      "HealthCheck-Mo"),
    L("Optional Health Check Features External Non AWS per Mo", "health_check",
      "optional_features_non_aws_endpoint", "HealthCheck-Mo"),
    L("Query ENI", "resolver_endpoint", "eni_hours", "Hrs"),
    L("Query DoH ENI", "resolver_endpoint", "doh_eni_hours", "Hrs"),
    R(r"Query (first|over) 1B", "resolver", "queries", "Queries", tier=FIRST_OVER_1B),
    L("DNS Domain Names DNS Firewall per Mo", "resolver_dns_firewall", "domain_names",
      "DomainName-Mo"),
    L("DNS Query DNS Firewall per Queries", "resolver_dns_firewall", "queries", "Queries",
      tier=(0, B)),
    L("DNS Query DNS Firewall per Queries over 1B", "resolver_dns_firewall", "queries", "Queries",
      tier=(B, INF)),
    SKIP(r"Query DNS Firewall Advanced over 1B|Query Profiles.*", "DNS Firewall Advanced and "
         "Route 53 Profiles: keys whose unit the feed does not make clear"),
    SKIP(r"Query (Resolver|Standard External) (first|over) 1B", "3 regions publish the Resolver "
         "queries under these names with the rate code of another product (SKD4PZTG3U3K45HA)",
         scope="regional"),
]

# ---- CloudFront ---------------------------------------------------------------------------
CF_GROUP = {"United States": "united_states", "Canada": "canada", "EU": "europe",
            "Asia Pacific": "asia_pacific", "Japan": "japan", "Australia": "australia",
            "India": "india", "South America": "south_america", "Middle East": "middle_east",
            "South Africa": "south_africa"}
CF_GROUPS = "|".join(re.escape(k) for k in CF_GROUP)
# CloudFront data transfer out: the feed's tier words, as Price List ranges in GB.
CF_DT = {"First 10 TB": (0, 10 * TB), "Next 40 TB": (10 * TB, 50 * TB),
         "next 100 TB": (50 * TB, 150 * TB), "Next 350 TB": (150 * TB, 500 * TB),
         "next 524 TB": (500 * TB, PB), "Next 4 PB": (PB, 5 * PB), "Over 5 PB": (5 * PB, INF)}
CLOUDFRONT = [
    R(rf"Regional DT from ({CF_GROUPS}) to Internet (First 10 TB|Next 40 TB|next 100 TB|"
      r"Next 350 TB|next 524 TB|Next 4 PB|Over 5 PB)", "data_transfer_out", "internet", "GB",
      option="{1}", tier=CF_DT, tier_group=2, maps={1: CF_GROUP}),
    SKIP(r"Regional DT from Any to Internet 0 upto 1024", "the always-free 1 TB a month, a row of "
         "the free-tier offer term (A429C66SYZ), not a tier of the on-demand price"),
    R(rf"Regional DT to Origin from ({CF_GROUPS})", "data_transfer_out", "origin", "GB",
      option="{1}", maps={1: CF_GROUP}),
    R(rf"Request (HTTP|HTTPS) Methods from ({CF_GROUPS})", "requests", "{1}", "Requests",
      option="{2}", maps={1: {"HTTP": "http", "HTTPS": "https"}, 2: CF_GROUP}),
    L("CloudFront Request-Origin-Shield Origin Shield Requests", "origin_shield", "requests",
      "Requests"),
    L("Charge for invalidating objects removing the objects from CloudFront edge locations "
      "First 1000 free", "invalidation", "paths", "Paths", tier=(0, 1000)),
    L("Charge for invalidating objects removing the objects from CloudFront edge locations",
      "invalidation", "paths", "Paths", tier=(1000, INF)),
    L("Charge for using an SSL certificate with a CloudFront alternate domain name",
      "custom_ssl_dedicated_ip", "certificate", "Month"),
    L("Charge for using Static IPv4 addresses", "anycast_static_ip", "ipv4_list", "Month"),
    L("Charge for using Static IPv6 addresses", "anycast_static_ip", "ipv6_list", "Month"),
    L("AWS Lambda-Edge-Requests", "lambda_edge", "requests", "Requests"),
    L("AWS Lambda-Edge-Duration", "lambda_edge", "duration", "Lambda-GB-Second"),
    SKIP(r"CloudFront Request-Tier1 HTTP GET and HEAD requests", "Any bucket: a free-tier row "
         "(0) of an offer term other than on-demand"),
]

# ---- SNS ------------------------------------------------------------------------------------
SNS = [
    L("Amazon SNS API Requests", "standard_topic", "api_requests", "Requests", tier=(M, INF)),
    L("Amazon SNS FIFO API Requests per Requests", "fifo_topic", "api_requests", "Requests"),
    L("SNS FIFO Publish Payload per GB", "fifo_topic", "publish_payload", "GB"),
    L("Amazon SNS FIFO Subscription Messages per Messages", "fifo_topic", "subscription_messages",
      "Messages"),
    L("Amazon SNS FIFO Subscription Messages Payload per GB", "fifo_topic",
      "subscription_payload", "GB"),
    L("Amazon SNS FIFO Topics Storage per GB month", "fifo_topic", "archive_storage", "GB-Mo"),
    L("Amazon SNS FIFO Topics Archive Processing per GB", "fifo_topic", "archive_processing", "GB"),
    L("HTTP 0 to 100000", "delivery", "http", "Notifications", tier=(0, 100000)),
    L("HTTP 100000 to Inf", "delivery", "http", "Notifications", tier=(100000, INF)),
    SKIP(r"HTTP Notifications", "same rate code as HTTP 100000 to Inf"),
    L("SMTP 0 to 1000", "delivery", "email", "Notifications", tier=(0, 1000)),
    L("SMTP 1000 to Inf", "delivery", "email", "Notifications", tier=(1000, INF)),
    SKIP(r"SNS Email and Email JSON Notifications", "same rate code as SMTP 1000 to Inf"),
    L("Amazon SQS Notifications", "delivery", "sqs", "Notifications"),
    L("AWS Lambda Notifications", "delivery", "lambda", "Notifications"),
    L("Amazon Kinesis Data Firehose Messages", "delivery", "firehose", "Notifications"),
    R(r"(Apple Push Notification Service APNS .*|Google Cloud Messaging for Android GCM|"
      r"Amazon Device Messaging Mobile Push|Baidu Cloud Push Baidu|Apple Passbook( Sandbox)?|"
      r"Microsoft Push Notification Service for Windows Phone MPNS|"
      r"Windows Push Notification Services WNS) Notifications", "delivery", "mobile_push",
      "Notifications", option="{1}", maps={1: lambda g: slug(g)}),
    SKIP(r"SMS Notifications", "SMS is priced per destination country; the 0 row is a placeholder"),
    L("Amazon SNS Standard Payload Scanned Filtered per GB", "standard_topic",
      "payload_filtering", "GB"),
    L("Amazon SNS Message Scanning per GB", "data_protection", "message_scanning", "GB"),
    L("Amazon SNS Audit Reporting per GB", "data_protection", "audit_reporting", "GB"),
]

# ---- CloudWatch (incl. Logs, vended logs = VPC flow logs, dashboards) ----------------------------
CW_METRIC = {"the first 10000": (0, 10000), "the next 240000": (10000, 250000),
             "the next 750000": (250000, M), "over 1000000": (M, INF)}
CW_VENDED = {"First 10TB": (0, 10 * TB), "Next 20TB": (10 * TB, 30 * TB),
             "Next Next 20TB": (30 * TB, 50 * TB), "over 50TB": (50 * TB, INF)}
CW_DELIVERED = {"first 10TB": (0, 10 * TB), "next 20TB": (10 * TB, 30 * TB),
                "next next 20 TB": (30 * TB, 50 * TB), "over 50TB": (50 * TB, INF)}
CLOUDWATCH = [
    L("Alarm Standard", "alarm", "standard_resolution", "Alarms"),
    L("Alarm High Resolution", "alarm", "high_resolution", "Alarms"),
    L("Alarm Composite", "alarm", "composite", "Alarms"),
    L("Metrics Insights Alarms Standard", "alarm", "metrics_insights", "Alarms"),
    R(r"Metric for (the first 10000|the next 240000|the next 750000|over 1000000)", "metric",
      "custom_metrics", "Metrics", tier=CW_METRIC),
    L("API Request", "api", "requests", "Requests"),
    L("API Request GetMetricData", "api", "get_metric_data", "Metrics"),
    L("API Request GetMetricWidgetImage", "api", "get_metric_widget_image", "Metrics"),
    L("API Request GetInsightRuleReport", "api", "get_insight_rule_report", "Requests"),
    L("Metric Streams MetricUpdate", "metric_stream", "metric_updates", "Metric-Updates"),
    L("Logs Collected Data Ingestion", "logs", "ingestion_standard", "GB"),
    L("IA Custom ingested Logs from 0 upto Inf", "logs", "ingestion_infrequent_access", "GB"),
    R(r"Vended Logs (First 10TB|Next 20TB|Next Next 20TB|over 50TB)", "vended_logs",
      "cloudwatch_logs", "GB", tier=CW_VENDED),
    R(r"IA Vended ingested logs from (0|10240|30720|51200) upto (10240|30720|51200|Inf)",
      "vended_logs", "cloudwatch_logs_infrequent_access", "GB", tier=from_to),
    R(r"Delivered Logs for (first 10TB|next 20TB|next next 20 TB|over 50TB)", "vended_logs",
      "s3", "GB", tier=CW_DELIVERED),
    R(r"Amazon Kinesis Data Firehose Delivered Logs for (first 10TB|next 20TB|next next 20 TB|"
      r"over 50TB)", "vended_logs", "firehose", "GB", tier=CW_DELIVERED),
    L("Parquet Conversion", "vended_logs", "parquet_conversion", "GB"),
    L("Stored Data", "logs", "storage", "GB-Mo"),
    L("Queried Logs Insights", "logs", "insights_queries_scanned", "GB"),
    L("StartLiveTail", "logs", "live_tail", "Minutes"),
    L("DataProtection LogsCloudWatch Logs Data Protection", "logs", "data_protection_scanned",
      "GB"),
    L("Canaries per Runs", "synthetics", "canary_runs", "Canary-runs"),
    L("Dashboard Basic Dashboard", "dashboard", "dashboard", "Dashboards"),
    L("Dashboard Extended Dashboard", "dashboard", "dashboard_extended", "Dashboards"),
    L("Contributor Insights CloudWatchLogs", "contributor_insights", "logs_rules", "Rules"),
    L("Contributor Insights DynamoDB", "contributor_insights", "dynamodb_rules", "Rules"),
    L("Event CloudWatchLog", "contributor_insights", "logs_events", "Events"),
    L("Event DynamoDB", "contributor_insights", "dynamodb_events", "Events"),
    SKIP(r"Dashboard Basic Free upto 3 Dashboard|Canaries per Runs MonthlyFree",
         "free-tier rows of another offer term"),
    SKIP(r"Application Signals.*|CW CityNetwork.*|CW InternetMonitor.*|CW RUM.*|"
         r"CloudWatch Network Monitor.*|Metric 0 upto Inf|Metric \d+ upto .*|"
         r"Metric for the first 1000000000|ObservationCount CI EKS .*",
         "Application Signals, RUM, Internet/Network Monitor, Container Insights observations: "
         "outside the target types"),
]


# ---- API Gateway ---------------------------------------------------------------------------
APIGW_REST = {"up to 333 million": (0, 333 * M), "Request Next 667 million": (333 * M, B),
              "Request Next 19 billion": (B, 20 * B), "Request Over 20 billion": (20 * B, INF)}
# The cache key's number is the size in GB with the decimal point dropped ("1 6" = 1.6 GB,
# AWS's 1.55 GB node; the Bulk rows name the sizes 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237).
APIGW_CACHE = {"0 5": "0.5", "1 6": "1.6", "6 1": "6.1", "13 5": "13.5", "28 4": "28.4",
               "58 2": "58.2", "118": "118", "237": "237"}
APIGATEWAY = [
    R(r"API Calls Number of (up to 333 million|Request Next 667 million|Request Next 19 billion|"
      r"Request Over 20 billion)", "rest_api", "requests", "Requests", tier=APIGW_REST),
    L("ApiGatewayHttpApi First 300 million", "http_api", "requests", "Requests", tier=(0, 300 * M)),
    L("ApiGatewayHttpApi more than 300 million", "http_api", "requests", "Requests",
      tier=(300 * M, INF)),
    L("WebSocket Messages Messages first 1 billion", "websocket_api", "messages", "Messages",
      tier=(0, B)),
    L("WebSocket Messages Messages over 1 billion", "websocket_api", "messages", "Messages",
      tier=(B, INF)),
    L("WebSocket Connection Minutes", "websocket_api", "connection_minutes", "Minutes"),
    R(r"Caching Memory Size (0 5|1 6|6 1|13 5|28 4|58 2|118|237)", "rest_api_cache", "cache_hours",
      "Hrs", option="{1}", maps={1: APIGW_CACHE}),
]

# ---- WAF (WAFv2 web ACLs, rules, requests) -----------------------------------------------------
WAF_WCU = {"Tier1": "1500", "Tier2 2000WCU": "2000", "Tier3 2500WCU": "2500",
           "Tier4 3000WCU": "3000", "Tier5 3500WCU": "3500", "Tier6 4000WCU": "4000",
           "Tier7 4500WCU": "4500", "Tier8 5000WCU": "5000"}
WAF = [
    L("Web ACL Activated per Month", "web_acl", "web_acl", "Month"),
    SKIP(r"WebACL per month", "the WAF Classic web ACL (AWS WAF classic, other rate code)"),
    L("Rule Activated per Month", "web_acl", "rule", "Month"),
    SKIP(r"Rules added per WebACL per month", "the WAF Classic rule"),
    L("Web Requests received per Request", "web_acl", "requests", "Requests"),
    SKIP(r"Request Processed Tier1 per Request", "same rate code as Web Requests received"),
    SKIP(r"Request Processed Tier2 per Request", "a second SKU for the 2000-WCU tier in 11 "
         "regions (same price); the key that names the WCU is kept"),
    R(r"Request Processed (Tier[2-8] \d+WCU) per Request", "web_acl", "requests_above_1500_wcu",
      "Requests", option="{1}", maps={1: WAF_WCU}),
    R(r"Requests Processed (32|48|64)KB per Request", "web_acl", "body_inspection_extra",
      "Requests", option="{1}KB"),
    L("Captcha Attempts processed per Request", "captcha", "attempts", "Requests"),
    L("Challenge Served processed per Request", "challenge", "responses", "Requests"),
    L("AMR Bot Control Activated per Month", "bot_control", "subscription", "Month"),
    R(r"AMR Bot Control Request Processed per Request from (0|10000000) to (10000000|Inf)",
      "bot_control", "common_requests", "Requests", tier=from_to),
    R(r"AMR Bot Control Targeted Request Processed per Request from (0|1000000) to (1000000|Inf)",
      "bot_control", "targeted_requests", "Requests", tier=from_to),
    L("AMR ATP Activated per Month from 0 to Inf", "fraud_control", "subscription", "Month"),
    R(r"AMR Fraud Control request processed per Request from (\d+) to (\d+|Inf)",
      "fraud_control", "requests", "Requests", tier=from_to),
    SKIP(r".*Shield Protected.*", "the Shield Advanced-protected variants"),
]

# ---- CloudTrail -----------------------------------------------------------------------------------
CLOUDTRAIL = [
    L("Management Paid Events Recorded", "trail", "management_events_additional_copy", "Events"),
    L("Data Events Recorded", "trail", "data_events", "Events"),
    L("Insights Events", "trail", "insights_events", "Events"),
    SKIP(r"Free Events Recorded|FreeTrial.*", "free rows (first copy of management events, trials)"),
    R(r"Ingestion Bytes (First 5TB|Next 20TB|Over 25TB)", "lake", "ingestion", "GB",
      tier={"First 5TB": (0, 5 * TB), "Next 20TB": (5 * TB, 25 * TB), "Over 25TB": (25 * TB, INF)}),
    L("Ingestion Bytes-1yearstore", "lake", "ingestion_one_year_cloudtrail", "GB"),
    L("Ingestion Bytes-1yearstore-other-data-sources", "lake", "ingestion_one_year_other", "GB"),
    L("Management PaidStorage ByteHrs", "lake", "storage", "GB-Mo"),
    L("QueryScanned Bytes", "lake", "query_scanned", "GB"),
]

# ---- Glue ---------------------------------------------------------------------------------------------
GLUE = [
    L("ETL Job run", "job", "etl_dpu_hours", "DPU-Hour"),
    SKIP(r"ETL Job run All versions", "same rate code as ETL Job run"),
    L("ETL Job run Flex", "job", "etl_flex_dpu_hours", "DPU-Hour"),
    L("ETL Job run NEW version only", "job", "etl_new_versions_dpu_hours", "DPU-Hour"),
    L("ETL Ray Job run", "job", "ray_m_dpu_hours", "M-DPU-Hour"),
    L("ETL Interactive Session", "interactive_session", "dpu_hours", "DPU-Hour"),
    L("ETL Ray Interactive Session", "interactive_session", "ray_m_dpu_hours", "M-DPU-Hour"),
    L("ETL Development endpoint", "dev_endpoint", "dpu_hours", "DPU-Hour"),
    L("Data catalog crawler run", "crawler", "dpu_hours", "DPU-Hour"),
    L("Data catalog storage", "catalog", "objects_stored", "Obj-Month"),
    L("Data catalog requests", "catalog", "requests", "Requests"),
    L("Data lake optimization job run", "catalog", "optimization_dpu_hours", "DPU-Hour"),
    L("Data Brew Job run", "databrew", "node_hours", "Node-Hour"),
    L("Data Brew Interactive session", "databrew", "interactive_sessions", "Session"),
    SKIP(r"Data Brew free interactive sessions|Data Catalog (storage|Requests) Free Tier",
         "free-tier rows"),
]

# ---- CodePipeline, Athena, Config, GuardDuty, Cognito ----------------------------------------------------
CODEPIPELINE = [
    L("Active Pipeline Inf", "pipeline_v1", "active_pipeline", "Month"),
    L("Action Execution Minutes Inf", "pipeline_v2", "action_execution_minutes", "Minutes"),
    SKIP(r"Active Pipeline Inf Free 30 day", "free trial"),
]
ATHENA = [
    L("Athena Queries", "query", "data_scanned", "Terabytes"),
    L("Athena Queries Data processing", "provisioned_capacity", "dpu_hours", "DPU-Hour"),
    L("Athena Spark - Spark_Execution", "spark", "dpu_hours", "DPU-Hour"),
]
CONFIG_TIER = {"first 100000": (0, 100000), "next 400000": (100000, 500000),
               "500001 and more": (500000, INF)}
CONFIG = [
    L("Config configurationItemRecordedDaily", "recorder", "configuration_items_daily",
      "ConfigurationItemRecorded"),
    L("Config", "recorder", "configuration_items_continuous", "ConfigurationItemRecorded"),
    L("Config Custom", "recorder", "custom_configuration_items", "ConfigurationItemRecorded"),
    R(r"Config Rules (first 100000|next 400000|500001 and more)", "rule", "evaluations",
      "ConfigRuleEvaluations", tier=CONFIG_TIER),
    R(r"Config Rules ProactiveConfigRuleEvaluation (first 100000|next 400000|500001 and more)",
      "rule", "proactive_evaluations", "ConfigRuleEvaluations", tier=CONFIG_TIER),
    R(r"Config Conformance Packs (first 100000|next 400000|500001 and more)", "conformance_pack",
      "evaluations", "ConformancePackEvaluations", tier=CONFIG_TIER),
    SKIP(r"Config Rules ProactiveConfigRuleEvaluationsDetectiveEnabled 0 Inf", "free (0)"),
]
GD_VCPU = {"First 500": (0, 500), "500 upto 5000": (500, 5000), "5000 upto Inf": (5000, INF)}
GD_GB = {"First 500": (0, 500), "Next 2000": (500, 2500), "Next 7500": (2500, 10000),
         "Over 10000": (10000, INF)}
GUARDDUTY = [
    L("CloudTrail Events Processed per Events", "foundational", "cloudtrail_management_events",
      "Events"),
    R(r"VPC Flow Log and DNS Processed per (First 500|Next 2000|Next 7500|Over 10000) GB",
      "foundational", "vpc_flow_dns_logs", "GB", tier=GD_GB),
    R(r"Lambda VPC Flow Log and DNS Processed per (First 500|Next 2000|Next 7500|Over 10000) GB",
      "lambda_protection", "network_activity", "GB", tier=GD_GB),
    R(r"S3 VPC Flow Log and DNS Processed per (First 500000000|Next 4500000000|Over 5000000000) "
      r"Events", "s3_protection", "data_events", "Events",
      tier={"First 500000000": (0, 500 * M), "Next 4500000000": (500 * M, 5 * B),
            "Over 5000000000": (5 * B, INF)}),
    R(r"Kubernetes Audit Logs Events Processed per (First 100000000|Next 200000000|"
      r"Over 200000000) Events", "eks_protection", "audit_log_events", "Events",
      tier={"First 100000000": (0, 100 * M), "Next 200000000": (100 * M, 300 * M),
            "Over 200000000": (300 * M, INF)}),
    R(r"(EC2|EKS|Fargate) vCPU Monitored per (First 500|500 upto 5000|5000 upto Inf) vCPU Months",
      "runtime_monitoring", "{1}_vcpu", "vCPU-Months", tier=GD_VCPU, tier_group=2,
      maps={1: {"EC2": "ec2", "EKS": "eks", "Fargate": "fargate"}}),
    L("Malware Protection EBS Data Scanned per GB", "malware_protection", "ebs_scanned", "GB"),
    L("On Demand Malware Protection EBS Volume Data Scanned per GB", "malware_protection",
      "ebs_on_demand_scanned", "GB"),
    R(r"Malware Protection S3 Data Scanned per (0|1) upto (1|Inf) GB", "malware_protection",
      "s3_scanned", "GB", tier=from_to),
    R(r"Malware Protection S3 Request Monitored per (0|1000) upto (1000|Inf) Events",
      "malware_protection", "s3_objects_evaluated", "Events", tier=from_to),
    L("RDS ACU Monitored CreateDBInstance per ACU-Months", "rds_protection", "aurora_serverless_acu",
      "ACU-Months"),
    SKIP(r"Free .*|RDS (ACU|vCPU) Monitored CreateDBInstance \d+ per .*|RDS ACU Limitless .*|"
         r"RDS vCPU Monitored CreateDBInstance per vCPU-Months",
         "free-trial rows; RDS Protection per engine code (one price, many rows)"),
]
COGNITO_MAU = {"0 upto 50000": (0, 50000), "50000 upto 950000": (50000, 950000),
               "950000 upto 9950000": (950000, 9950000), "9950000 upto Inf": (9950000, INF)}
COGNITO = [
    R(r"User Pool MAU (0 upto 50000|50000 upto 950000|950000 upto 9950000|9950000 upto Inf) "
      r"per Requests", "user_pool", "mau_lite", "MAU", tier=COGNITO_MAU),
    SKIP(r"MAU (Frist 50000|Next 900000|Next 9000000|Greater than 10000000) per Requests",
         "same rate codes as the User Pool MAU keys"),
    L("Enterprise MAU per Requests", "user_pool", "mau_essentials_plus", "MAU"),
    SKIP(r"non free User Pool Enterprise MAU 0 upto Inf", "3 regions, duplicate of Enterprise MAU"),
    R(r"ASF MAU (Frist 50000|Next 50000|Next 900000|Next 9000000|Greater than 10000000) "
      r"per Requests", "user_pool", "mau_advanced_security", "MAU",
      tier={"Frist 50000": (0, 50000), "Next 50000": (50000, 100000),
            "Next 900000": (100000, M), "Next 9000000": (M, 10 * M),
            "Greater than 10000000": (10 * M, INF)}),
    R(r"User Pools M2M Tokens Full (0|250000|5000000) upto (250000|5000000|Inf) per "
      r"CognitoUserPools M2MTokens", "user_pool", "m2m_tokens", "Requests", tier=from_to),
    SKIP(r"User Pools M2M Tokens Free .*|User Pools M2M AppClients .*|User Pool RPS .*",
         "free-tier rows; API request-rate quota increases"),
]

# ---- Kinesis Data Streams ---------------------------------------------------------------------------------
KINESIS = [
    L("Provisioned shard hour per ShardHour", "provisioned_stream", "shard_hours", "ShardHour"),
    L("Payload Units per PutRequest", "provisioned_stream", "put_payload_units",
      "PutRequestPayloadUnits"),
    L("Addon shard hour per ShardHour", "provisioned_stream", "extended_retention_shard_hours",
      "ShardHour"),
    L("Long term Data Retention GB-month per GB-month", "provisioned_stream",
      "long_term_retention", "GB-Mo"),
    L("Long term Data Retrieval GB per GB", "provisioned_stream", "long_term_retrieval", "GB"),
    L("Enhanced fan out per ConsumerShardHour", "provisioned_stream", "efo_consumer_shard_hours",
      "ConsumerShardHour"),
    L("Enhanced fan out GB of data retrieved per GB", "provisioned_stream", "efo_data_retrieval",
      "GB"),
    L("OnDemandStreamHr per StreamHr", "on_demand_stream", "stream_hours", "StreamHr"),
    L("OnDemandDataIngested per GB", "on_demand_stream", "data_ingested", "GB"),
    L("OnDemandDataRetrieval per GB", "on_demand_stream", "data_retrieval", "GB"),
    L("OnDemandEFODataRetrieval per GB", "on_demand_stream", "efo_data_retrieval", "GB"),
    L("OnDemandExtendedRetentionByteHrs per GB month", "on_demand_stream", "extended_retention",
      "GB-Mo"),
    L("OnDemandLongTermRetentionByteHrs per GB month", "on_demand_stream", "long_term_retention",
      "GB-Mo"),
    SKIP(r".* per CNN1 .*", "China-region keys published in two commercial locations"),
]

# ---- MSK Serverless, Connect, Replicator ---------------------------------------------------------------------------------------
# Provisioned brokers and their storage come from the regional msk.csv (ec2shop-msk); here the
# serverless, MSK Connect (per MCU-hour) and Replicator prices, which no other stored source has.
MSK = [
    L("Serverless Cluster-hours", "serverless_cluster", "cluster_hours", "Hrs"),
    L("Serverless Partition-hours", "serverless_cluster", "partition_hours", "Hrs"),
    L("Serverless Storage-hours", "serverless_cluster", "storage", "GB-Mo"),
    L("Serverless Per-GB data ingressed", "serverless_cluster", "data_in", "GB"),
    L("Serverless Per-GB data egressed", "serverless_cluster", "data_out", "GB"),
    SKIP(r"RunBroker.*|RunVolume.*|TieredStorage .*",
         "provisioned brokers and storage: regional/msk.csv (ec2shop-msk)"),
    L("RunConnect", "connect", "mcu_hours", "Hrs"),
    L("RunReplicator", "replicator", "replicator_hours", "Hrs"),
    L("SameRegionSource", "replicator", "data_same_region", "GB"),
    L("CrossRegionSourceLocal", "replicator", "data_cross_region", "GB"),
    SKIP(r"PrivateConnectivity .*", "multi-VPC private connectivity: no cost model"),
]

# ---- Neptune -------------------------------------------------------------------------------------------------
NEPTUNE = [
    R(r"Neptune (?:General purpose|Memory Optimized) Current Generation db ([a-z0-9]+\.[a-z0-9]+)",
      "db.{1}", "instance_hours", "Hrs", option="standard"),
    R(r"Neptune IO optimized (?:General purpose|Memory Optimized) Current Generation db "
      r"([a-z0-9]+\.[a-z0-9]+) General Purpose-Aurora", "db.{1}", "instance_hours", "Hrs",
      option="io_optimized"),
    L("Serverless", "db.serverless", "ncu_hours", "NCU-hr", option="standard"),
    L("IO optimized Serverless General Purpose-Aurora", "db.serverless", "ncu_hours", "NCU-hr",
      option="io_optimized"),
    L("Storage Rate", "cluster", "storage", "GB-Mo", option="standard"),
    L("IO optimized Storage Rate General Purpose-Aurora", "cluster", "storage", "GB-Mo",
      option="io_optimized"),
    L("IO Rate", "cluster", "io_requests", "IOs", option="standard"),
    L("Storage Snapshot Rate", "cluster", "backup_storage", "GB-Mo"),
    L("Neptune ReplicatedWrite", "global_database", "replicated_write_ios", "IOs"),
    SKIP(r"Storage Snapshot MemoryOptimizedGraphSnaphot", "Neptune Analytics snapshots"),
]

# ---- Redshift (provisioned nodes, serverless, concurrency scaling) -------------------------------------------
REDSHIFT = [
    R(r"(dc2|ra3|ds2) (large|xlarge|xlplus|4xlarge|8xlarge|16xlarge) OnDemand Compute Instance "
      r"Current Generation", "{1}.{2}", "node_hours", "Hrs"),
    R(r"(dc2|ra3|ds2) (large|xlarge|xlplus|4xlarge|8xlarge|16xlarge) Redshift Concurrency Scaling "
      r"Current Generation (Dense Compute|Dense Storage|RA3)", "{1}.{2}", "concurrency_scaling",
      "Node-Seconds", option="{3}", maps={3: lambda g: slug(g)}),
    L("Redshift Serverless compute charges per RPU-Hr", "serverless", "rpu_hours", "RPU-Hr"),
    L("Redshift Inter Region Data Transfer Charges In To", "serverless", "cross_region_transfer",
      "GB"),
]

# ---- Timestream ---------------------------------------------------------------------------------------------------
TIMESTREAM = [
    R(r"Database Instance InfluxDB No license required db (influx\.[a-z0-9]+) (Single-AZ|Multi-AZ)",
      "db.{1}", "instance_hours", "Hrs", option="{2}"),
    R(r"Influx Optimized Storage Influx IOPS Included with (3K|12k|16K) IOPS (Single-AZ|Multi-AZ)",
      "influxdb_storage", "storage", "GB-Mo", option="{1}_iops_{2}",
      maps={1: {"3K": "3k", "12k": "12k", "16K": "16k"}}),
    L("Timestream Ingestion per GB", "live_analytics", "ingestion", "GB"),
    L("Timestream Memory Store per GB-Hours", "live_analytics", "memory_store", "GB-Hours"),
    L("Timestream Magnetic Store per GB-Mo", "live_analytics", "magnetic_store", "GB-Mo"),
    L("Timestream Query per GB", "live_analytics", "query_scanned", "GB"),
    L("Query TCU-hours per TCU-hour", "live_analytics", "query_tcu_hours", "TCU-hour"),
]

# ---- CloudHSM, Shield ---------------------------------------------------------------------------------------------
CLOUDHSM = [
    L("CloudHSM Hourly", "hsm", "hsm_hours", "Hrs"),
    L("CloudHSM v Classic Hourly", "hsm_classic", "hsm_hours", "Hrs"),
    SKIP(r"Trial Hourly|Trial upfront|Fee for Commitment upfront", "trial and upfront rows"),
]
SHIELD_100_400 = {"First 100TB": (0, 100 * TB), "Next 400TB": (100 * TB, 500 * TB),
                  "Above 500TB": (500 * TB, INF), "512000 upto Inf": (500 * TB, INF)}
SHIELD = [
    L("Advanced Monthly Fee", "advanced", "subscription", "Month"),
    R(r"DataTransfer out of (EIP|LoadBalancing) (First 100TB|Next 400TB|Above 500TB)",
      "advanced", "data_transfer_out", "GB", option="{1}", tier=SHIELD_100_400, tier_group=2,
      maps={1: {"EIP": "elastic_ip", "LoadBalancing": "elb"}}),
    SKIP(r"DataTransfer out (ShieldProtectionEIP|LoadBalancing) (First 100TB|Next 400TB|"
         r"512000 upto Inf)", "same rate codes as the 'DataTransfer out of' keys"),
    R(r"DataTransfer out (CloudFront|Accelerator) (First 100TB|Next 400TB|Next 500TB|Above 1000TB)",
      "advanced", "data_transfer_out", "GB", option="{1}", tier_group=2,
      tier={"First 100TB": (0, 100 * TB), "Next 400TB": (100 * TB, 500 * TB),
            "Next 500TB": (500 * TB, 1000 * TB), "Above 1000TB": (1000 * TB, INF)},
      maps={1: {"CloudFront": "cloudfront", "Accelerator": "global_accelerator"}}),
]

# ---- DynamoDB (complete) ----------------------------------------------------------------------------------------------
DYNAMODB = [
    L("PayPerRequest Read Request Units", "standard", "read_request_units", "ReadRequestUnits"),
    L("PayPerRequest Write Request Units", "standard", "write_request_units", "WriteRequestUnits"),
    L("PayPerRequest Replicated Write Request Units", "standard",
      "replicated_write_request_units", "ReplicatedWriteRequestUnits"),
    L("PayPerRequest Read Request Units IA", "standard_ia", "read_request_units",
      "ReadRequestUnits"),
    L("PayPerRequest Write Request Units IA", "standard_ia", "write_request_units",
      "WriteRequestUnits"),
    L("PayPerRequest Replicated Write Request Units IA", "standard_ia",
      "replicated_write_request_units", "ReplicatedWriteRequestUnits"),
    L("Provisioned Read Units", "standard", "read_capacity_unit_hours", "ReadCapacityUnit-Hrs"),
    L("Provisioned Write Units", "standard", "write_capacity_unit_hours", "WriteCapacityUnit-Hrs"),
    L("Provisioned Replicated Write Units", "standard", "replicated_write_capacity_unit_hours",
      "ReplicatedWriteCapacityUnit-Hrs"),
    L("Provisioned Read Units IA", "standard_ia", "read_capacity_unit_hours",
      "ReadCapacityUnit-Hrs"),
    L("Provisioned Write Units IA", "standard_ia", "write_capacity_unit_hours",
      "WriteCapacityUnit-Hrs"),
    L("Provisioned Replicated Write Units IA", "standard_ia",
      "replicated_write_capacity_unit_hours", "ReplicatedWriteCapacityUnit-Hrs"),
    SKIP(r"Provisioned (Read|Write|Replicated Write) Units ?Free Tier", "free tier (25 units): a "
         "count of units, not a range of the hourly price"),
    SKIP(r"(1|3)yr .*|Provisioned (1|3)yr .*", "reserved capacity"),
    L("Data Storage Indexed Free Tier GB-Mo", "standard", "storage", "GB-Mo", tier=(0, 25)),
    L("Data Storage Indexed GB-Mo", "standard", "storage", "GB-Mo", tier=(25, INF)),
    L("Data Storage Indexed - IA GB-Mo", "standard_ia", "storage", "GB-Mo"),
    L("PITR Backup Storage GB-Mo", "table", "pitr_backup_storage", "GB-Mo"),
    L("On-Demand Backup Storage GB-Month", "table", "on_demand_backup_storage", "GB-Mo"),
    L("Restore Data Size", "table", "restore", "GB"),
    L("Export Data Size per GB", "table", "export_full", "GB"),
    L("Export Data Size Incremental Export per GB", "table", "export_incremental", "GB"),
    L("Import Data Size", "table", "import", "GB"),
    L("Streams Read Requests Free Tier", "table", "streams_read_requests", "Requests",
      tier=(0, 2500000)),
    L("Streams Read Requests", "table", "streams_read_requests", "Requests", tier=(2500000, INF)),
    L("Change Data Capture Units for Kinesis Data Streams", "table", "kinesis_cdc_units",
      "ChangeDataCaptureUnits"),
    SKIP(r"Change Data Capture Units for AWS Glue Elastic Views", "retired service"),
]

# ---- Lambda (duration tiers with their Bulk ranges) --------------------------------------------------------------------
# Tier bounds: togen internal/cost/cmd/testdata/AWSLambda-eu-west-2.csv (Bulk CSV, 2026-08-31):
# x86 0-6e9, 6e9-15e9, 15e9-Inf GB-s; Arm 0-7.5e9, 7.5e9-18.75e9, 18.75e9-Inf.
LAMBDA_X86 = {"": (0, 6 * B), " Tier2": (6 * B, 15 * B), " Tier3": (15 * B, INF)}
LAMBDA_ARM = {"": (0, 7500 * M), " Tier2": (7500 * M, 18750 * M), " Tier3": (18750 * M, INF)}
LAMBDA = [
    R(r"Lambda Duration( Tier2| Tier3)?", "function", "duration", "Lambda-GB-Second",
      option="x86_64", tier=LAMBDA_X86),
    R(r"Lambda Duration-ARM( Tier2| Tier3)?", "function", "duration", "Lambda-GB-Second",
      option="arm64", tier=LAMBDA_ARM),
    L("Lambda Requests", "function", "requests", "Requests", option="x86_64"),
    L("Lambda Requests-ARM", "function", "requests", "Requests", option="arm64"),
    L("Lambda Provisioned-Concurrency", "function", "provisioned_concurrency", "Lambda-GB-Second",
      option="x86_64"),
    L("Lambda Provisioned-Concurrency-ARM", "function", "provisioned_concurrency",
      "Lambda-GB-Second", option="arm64"),
    L("Lambda Duration-Provisioned", "function", "duration_provisioned", "Lambda-GB-Second",
      option="x86_64"),
    L("Lambda Duration-Provisioned-ARM", "function", "duration_provisioned", "Lambda-GB-Second",
      option="arm64"),
    L("Lambda Storage-Duration", "function", "ephemeral_storage", "GB-Seconds", option="x86_64"),
    L("Lambda Storage-Duration-ARM", "function", "ephemeral_storage", "GB-Seconds",
      option="arm64"),
    L("Lambda Processed-Bytes", "function", "response_streaming", "GB", option="x86_64"),
    L("Lambda Processed-Bytes-ARM", "function", "response_streaming", "GB", option="arm64"),
    SKIP(r"Lambda Edge-(Duration|Requests)", "Lambda@Edge: in cloudfront.csv (us-east-1)"),
    SKIP(r"Lambda (Requests 1000000|Requests Free Tier|Processed-Bytes 100|Duration One|"
         r"Duration Free Tier)", "global free tier (1M requests, 400,000 GB-s, 100 GiB): "
         "an offer term other than on-demand"),
]

# ---- VPC: endpoints (tiered), Transit Gateway, VPN, Client VPN, Lattice -----------------------------------------------
VPC = [
    L("Hourly charge for VPC Endpoints per Hrs", "interface_endpoint", "endpoint_hours", "Hrs"),
    R(r"Charge for per GB data processed by VPC Endpoints per GB from (0|1048576|5242880) to "
      r"(1048576|5242880|Inf)", "interface_endpoint", "data_processed", "GB", tier=from_to),
    L("Hourly charge for AWS Gateway Load Balancer VPC Endpoint per Hrs",
      "gateway_load_balancer_endpoint", "endpoint_hours", "Hrs"),
    L("Charge for per GB data processed by AWS Gateway Load Balancer VPC Endpoint per GB",
      "gateway_load_balancer_endpoint", "data_processed", "GB"),
    R(r"Hourly charge for Transit Gateway (VPC|Site to-Site VPN|AWS Direct Connect Gateway|Peering|"
      r"Connect) [Aa]ttachments per hour", "transit_gateway", "attachment_hours", "Hrs",
      option="{1}", maps={1: {"VPC": "vpc", "Site to-Site VPN": "vpn",
                              "AWS Direct Connect Gateway": "direct_connect_gateway",
                              "Peering": "peering", "Connect": "connect"}}),
    R(r"Charge for per GB data processed by AWS Transit Gateways for (VPC|Site to-Site VPN|"
      r"AWS Direct Connect Gateway) attachments per GigaBytes", "transit_gateway",
      "data_processed", "GB", option="{1}",
      maps={1: {"VPC": "vpc", "Site to-Site VPN": "vpn",
                "AWS Direct Connect Gateway": "direct_connect_gateway"}}),
    L("Charge for per GB data processed by AWS Transit Gateway for Multicast receivers per GB",
      "transit_gateway", "data_processed", "GB", option="multicast"),
    SKIP(r"Charge (for|per) (per )?GB data processed by AWS Transit Gateway for Multicast "
         r"receivers per GigaBytes", "same rate code as the per GB key, or a second multicast "
         "key in 5 regions"),
    L("CreateVpnConnection per Hrs", "vpn_connection", "connection_hours", "Hrs"),
    SKIP(r"CreateVpnConnection per hours", "same rate code as per Hrs"),
    L("Hourly charge for Client VPN Endpoints per Hourly", "client_vpn", "endpoint_association_hours",
      "Hrs"),
    L("Hourly charge for Client VPN connections per Hourly", "client_vpn", "connection_hours", "Hrs"),
    L("Hourly charge for Traffic Mirroring Source per hour", "traffic_mirroring", "session_hours",
      "Hrs"),
    L("Charge per Hour per VPC Lattice Service per Hrs", "vpc_lattice", "service_hours", "Hrs"),
    L("Charge per GB Data Processed by VPC Lattice Service per GB", "vpc_lattice",
      "data_processed", "GB"),
    L("Charge per Request per hour processed by VPC Lattice Service per Requests", "vpc_lattice",
      "requests", "Requests"),
    L("Charge per Connection per hour processed by VPC Lattice Service per Connections",
      "vpc_lattice", "connections", "Connections"),
    SKIP(r"Free for the first 300 000 .* VPC Lattice Service .*", "free allowance per hour"),
    L("Hourly charge for In use Public IPv4 Addresses per Hrs", "public_ipv4", "in_use_hours", "Hrs"),
    L("Hourly charge for Idle Public IPv4 Addresses per Hrs", "public_ipv4", "idle_hours", "Hrs"),
    L("Hourly charge for IPv4 address in a contiguous block of IPv4 address per Hrs",
      "public_ipv4", "contiguous_block_hours", "Hrs"),
    L("Charge per analysis processed by VPC Reachability Analyzer per ReachabilityAnalyses",
      "reachability_analyzer", "analyses", "ReachabilityAnalyses"),
    L("Charge per ENI processed by VPC Access Analyzer per NetworkInterface Assessment",
      "network_access_analyzer", "eni_assessments", "NetworkInterface-Assessment"),
    L("Hourly charge for Active IP Addresses per hours", "ipam", "active_ip_hours", "Hrs"),
    SKIP(r".*Verified Access.*", "Verified Access: outside the target types"),
]

# ---- ElastiCache serverless (ec2.shop's copy of the ElastiCache page feed) --------------------------------------------
ELASTICACHE = [
    R(r"OnDemand ElastiCache Serverless (Redis|Valkey|Memcached) per GB-Hours", "serverless",
      "data_stored", "GB-Hours", option="{1}", maps={1: str.lower}),
    R(r"OnDemand ElastiCache Serverless (Redis|Valkey|Memcached) per ElastiCacheProcessingUnit",
      "serverless", "ecpu", "ElastiCacheProcessingUnits", option="{1}", maps={1: str.lower}),
    SKIP(r"OnDemand Cache Instance .*", "node hours: in the regional elasticache_nodes.csv"),
]

# ---- Lightsail ------------------------------------------------------------------------------------------------------
def _ls_mem(g):
    return g.replace(" ", ".")  # "0 5GB" -> "0.5GB"


LIGHTSAIL = [
    R(r"Lightsail Instance Bundle ([\d ]+GB)( IPv6)? (Linux|Windows) (\d+GB) Storage (\d+) vCPU "
      r"[\d.]+GB Memory ([\d. ]+TB) Quota", "instance_bundle", "bundle_hours", "Hrs",
      option="{3}_{1}_{5}vcpu_{4}_{6}{2}",
      maps={1: _ls_mem, 2: lambda g: "_ipv6" if g else "", 3: str.lower, 6: _ls_mem}),
    R(r"Lightsail Database (High|Standard) Availability (\d+GB) Storage (\d+) vCPU ([\d.]+GB) "
      r"Memory ([\d. ]+TB) Quota", "database_bundle", "bundle_hours", "Hrs",
      option="{1}_{4}_{3}vcpu_{2}_{5}", maps={1: str.lower, 5: _ls_mem}),
    R(r"Lightsail Containers Linux (Nano|Micro|Small|Medium|Large|XLarge) .*", "container_service",
      "node_hours", "Hrs", option="{1}", maps={1: str.lower}),
    L("Lightsail Block Storage per GB-Mo", "disk", "storage", "GB-Mo"),
    L("Lightsail Snapshot per GB-Mo", "snapshot", "storage", "GB-Mo"),
    L("Lightsail Instance Snapshot per GB-Mo", "snapshot", "instance_storage", "GB-Mo"),
    L("Lightsail Load Balancer per Hrs", "load_balancer", "hours", "Hrs"),
    R(r"Lightsail unused static IP From (0|1) to (1|Inf) Hrs", "static_ip", "unattached_hours",
      "Hrs", tier=from_to),
    SKIP(r"Lightsail Instance LfRBundle.*|.*Data Transfer.*|DataTransfer .*|Lightsail CDN .*|"
         r"Lightsail Overages .*|.*Bucket.*|Lightsail Distribution.*|Lightsail Object Storage.*",
         "GPU/large bundles with stop fees, data transfer, CDN, object storage overages"),
]

RULES = {
    "s3.csv": [("awsprice-s3", S3)],
    "route53.csv": [("awsprice-route53", ROUTE53)],
    "cloudfront.csv": [("awsprice-cloudfront", CLOUDFRONT)],
    "sns.csv": [("awsprice-sns", SNS)],
    "cloudwatch.csv": [("awsprice-cloudwatch", CLOUDWATCH)],
    "apigateway.csv": [("awsprice-apigateway", APIGATEWAY)],
    "waf.csv": [("awsprice-waf", WAF)],
    "cloudtrail.csv": [("awsprice-cloudtrail", CLOUDTRAIL)],
    "glue.csv": [("awsprice-glue", GLUE)],
    "codepipeline.csv": [("awsprice-codepipeline", CODEPIPELINE)],
    "athena.csv": [("awsprice-athena", ATHENA)],
    "config.csv": [("awsprice-config", CONFIG)],
    "guardduty.csv": [("awsprice-guardduty", GUARDDUTY)],
    "cognito.csv": [("awsprice-cognito", COGNITO)],
    "kinesis.csv": [("awsprice-kinesis", KINESIS)],
    "msk.csv": [("awsprice-msk", MSK)],
    "neptune.csv": [("awsprice-neptune", NEPTUNE)],
    "redshift.csv": [("awsprice-redshift", REDSHIFT)],
    "timestream.csv": [("awsprice-timestream", TIMESTREAM)],
    "cloudhsm.csv": [("awsprice-cloudhsm", CLOUDHSM)],
    "shield.csv": [("awsprice-shield", SHIELD)],
    "dynamodb.csv": [("awsprice-dynamodb", DYNAMODB)],
    "lambda.csv": [("awsprice-lambda", LAMBDA)],
    "vpc.csv": [("awsprice-vpc", VPC)],
    "elasticache.csv": [("ec2shop-elasticache", ELASTICACHE)],
    "lightsail.csv": [("awsprice-lightsail", LIGHTSAIL)],
}
