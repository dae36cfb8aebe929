"""feedrules2.py — the second table scripts/extract-feeds.py applies: the
pricing-page feeds that close gaps of pricing/sources/SOURCES.md (App
Runner, DocumentDB, DMS, Firehose, S3 Glacier Deep Archive storage, and
Transfer Family and MWAA, which the goldens priced in us-east-1 only).  Same rule shapes and conventions as scripts/feedrules.py
(which this module extends; RULES here are merged with its RULES, file by file).

Sources: QuinnyPig/aws-price-watcher raw/<feed>.json (AWS's meteredUnitMaps
feeds, re-indented); SOURCES.md says which commit and publication date.

Units: the feeds carry none.  Each rule's unit is read from the key's words
("per Hrs", "GB Mo") or, where the key is silent, from what AWS's pricing page
and the Price List say the dimension counts (hours of an instance, GB-months of
storage); tier ranges from the key's own words, as in feedrules.py.
"""

import re

from feedrules import INF, TB, PB, L, R, SKIP, from_to, slug

M = 10**6


def _size(g):
    """'2XLarge' -> '2xlarge'."""
    return g.lower()


# ---- App Runner ----------------------------------------------------------------------------------
APPRUNNER = [
    L("Compute vCPU hours", "service", "active_vcpu_hours", "vCPU-Hours"),
    L("Compute GB hours", "service", "active_memory_gb_hours", "GB-Hours"),
    L("Compute Provisioned GB-hours", "service", "provisioned_memory_gb_hours", "GB-Hours"),
    L("Compute Build mins", "service", "build_minutes", "Minutes"),
    L("Compute AutomaticDeployment", "service", "automatic_deployment_month", "Month"),
]

# ---- DocumentDB ----------------------------------------------------------------------------------
DOCDB = [
    R(r"OnDemand-instancetype-(db\.[a-z0-9]+\.[a-z0-9]+)( NVMe SSD)?", "{1}", "instance_hours",
      "Hrs", option="standard"),
    R(r"OnDemand-instancetype-(db\.[a-z0-9]+\.[a-z0-9]+)(?: IO-Optimized-DocDB| NVMe SSD "
      r"IO-Optimized)", "{1}", "instance_hours", "Hrs", option="io_optimized"),
    L("Database Storage", "cluster", "storage", "GB-Mo", option="standard"),
    L("Database Storage IO-Optimized-DocDB", "cluster", "storage", "GB-Mo", option="io_optimized"),
    L("1 million IO requests", "cluster", "io_requests", "IOs"),
    L("Storage Snapshot", "cluster", "backup_storage", "GB-Mo"),
    L("Global Cluster Replicated IO per IOs", "cluster", "global_replicated_write_ios", "IOs"),
    # CPU credits are published under hash keys only, named by their attributes.
    R(r"\[CPU=, (?:Instance Storage=, )?Instance Type=(db\.t[34]g?\.[a-z0-9]+), Memory=, "
      r"Term=OnDemand, "
      r"Term Type=OnDemand, Unit=vCPU-Hours\]", "{1}", "cpu_credits", "vCPU-Hours"),
    SKIP(r".* CreateCluster", "Elastic Clusters (operation CreateCluster): not a target type"),
]

# ---- DMS ---------------------------------------------------------------------------------------------
DMS_AZ = {"Single AZ": "single_az", "Multiple AZ": "multi_az"}
DMS = [
    R(r"DMS OnDemand Replication Server ([a-z0-9]+) ([a-z0-9]+) (Single AZ|Multiple AZ)",
      "dms.{1}.{2}", "instance_hours", "Hrs", option="{3}", maps={3: DMS_AZ}),
    R(r"DMS Storage Replication Storage (Single AZ|Multiple AZ)", "replication_instance",
      "storage", "GB-Mo", option="{1}", maps={1: DMS_AZ}),
    L("t3 CPU Credits per vCPU-Hours", "replication_instance", "cpu_credits", "vCPU-Hours",
      option="t3"),
    SKIP(r"DMS OnDemand Replication Server t3 Single AZ", "names no instance size (2 regions)"),
    SKIP(r"DMS Serverless start-data-migration", "DMS Serverless / data migrations: not a "
         "target type"),
]

# ---- Kinesis Data Firehose ------------------------------------------------------------------------
# Ingestion tiers as the key words: first 500 TB (0-512000 GB), next 1.5 PB (512000-2048000),
# next 3 PB (from 2048000).  The page stops there; Infracost's Firehose golden bills 4,952,000 GB
# in its "next 3PB" line, so the Price List's third tier is open-ended: written to Inf.
# AWS's ranges count 1.5 PB here as 1,536,000 GB (Infracost's golden bills exactly that much in
# its "next 1.5PB" line), so the second tier ends at 2,048,000 GB.
FH_TIER = {"first 500TB": (0, 500 * TB), "Next 1 5PB": (500 * TB, 2000 * TB),
           "Next 3PB": (2000 * TB, INF)}
FH_SOURCE = {"": "direct_put", "MSK Record Processing ": "msk",
             "Event by-Event Processing ": "event_by_event"}
FH_PREFIX = {"": "", "MSK Record Processing ": "msk_", "Event by-Event Processing ": "event_by_event_"}
FIREHOSE = [
    R(r"(|MSK Record Processing |Event by-Event Processing )Per GB of data ingested "
      r"(first 500TB|Next 1 5PB|Next 3PB)", "delivery_stream", "ingestion", "GB",
      option="{1}", tier=FH_TIER, tier_group=2, maps={1: FH_SOURCE}),
    R(r"(|Event by-Event Processing )Per GB of data ingested (first 500TB|Next 1 5PB|Next 3PB) "
      r"Vended Logs", "delivery_stream", "ingestion", "GB", option="{1}vended_logs",
      tier=FH_TIER, tier_group=2, maps={1: FH_PREFIX}),
    R(r"Per GB of data read from Kinesis Streams (first 500TB|Next 1 5PB|Next 3PB)",
      "delivery_stream", "ingestion", "GB", option="kinesis_stream_read", tier=FH_TIER),
    R(r"(|MSK Record Processing |Event by-Event Processing )Per GB of data ingested or delivered "
      r"to Apache Iceberg Tables from (\d+) to (\d+|Inf)", "delivery_stream", "ingestion", "GB",
      option="{1}iceberg", maps={1: FH_PREFIX}, tier=lambda m: (
          int(m.group(2)), INF if m.group(3) == "Inf" else int(m.group(3)))),
    R(r"MSK Record Processing Per GB of data ingested or delivered from (\d+) to (\d+|Inf)",
      "delivery_stream", "ingestion", "GB", option="msk_ingested_or_delivered", tier=from_to),
    R(r"Per GB of incremental data processed from (\d+) to (\d+|Inf)", "delivery_stream",
      "incremental_data_processed", "GB", tier=from_to),
    L("Per GB of data format conversion", "delivery_stream", "format_conversion", "GB"),
    L("Per GB of data delivered to VPC", "delivery_stream", "vpc_data", "GB"),
    L("Per Hour per AZ for VPC delivery", "delivery_stream", "vpc_az_hours", "Hrs"),
    L("Per GB of dynamically partitioned data delivered", "delivery_stream",
      "dynamic_partitioning_data", "GB"),
    L("Per object dynamically partitioned", "delivery_stream", "dynamic_partitioning_objects",
      "Objects"),
    L("Per JQ processing hour", "delivery_stream", "jq_processing_hours", "Hrs"),
    L("Per GB of data decompressed", "delivery_stream", "decompression", "GB"),
    SKIP(r"(Event by-Event Processing )?Per GB of data (ingested or delivered )?from 0 to Inf",
         "20 regions; the key names no source or destination, so what it prices is not stated"),
]

# ---- S3 Glacier Deep Archive (its own feed; the S3 feed publishes its storage under hashes) -------
S3_GDA = [
    L("Glacier Deep Archive GB Mo", "DEEP_ARCHIVE", "storage", "GB-Mo"),
    L("S3 EarlyDelete GDA GB-Mo", "DEEP_ARCHIVE", "early_delete", "GB-Mo"),
    L("PUT to Glacier Deep Archive Requests", "DEEP_ARCHIVE", "requests_tier1", "Requests"),
    SKIP(r"Lifecycle to Glacier Deep Archive Requests", "a second lifecycle SKU beside the S3 "
         "feed's Lifecycle Transition Requests into Glacier Deep Archive (kept from there)"),
    SKIP(r"S3 (Standard|Bulk)-Retrieval GB|GDA Standard Restore Requests|"
         r"Glacier Deep Archive Bulk Restore Requests",
         "retrievals and restores: the S3 feed's DEEP_ARCHIVE rows (same prices) are kept"),
    SKIP(r"(POST|COPY Object|Upload part|Copy part|Initiate Multipart Upload|Complete Multipart "
         r"Upload) (for (replication|repl) )?to Glacier Deep Archive Requests|"
         r"PUT for replication to Glacier Deep Archive Requests",
         "request variants (POST, COPY, multipart, replication) the models do not price"),
]

# ---- Transfer Family -----------------------------------------------------------------------------
TRANSFER = [
    R(r"Transfer (SFTP|FTPS|FTP|AS2) per Hourly", "server", "protocol_hours", "Hrs",
      option="{1}", maps={1: str.lower}),
    R(r"Transfer (SFTP|FTPS|FTP) Upload per GB", "server", "data_uploaded", "GB", option="{1}",
      maps={1: str.lower}),
    R(r"Transfer (SFTP|FTPS|FTP) Download per GB", "server", "data_downloaded", "GB",
      option="{1}", maps={1: str.lower}),
    SKIP(r"Transfer (SFTP|FTPS|FTP) (Upload|Download) per GigaBytes",
         "same rate codes as the per GB keys"),
    R(r"Transfer AS2 (Large )?(Inbound|Outbound) per Message", "server", "as2_messages",
      "Messages", option="{1}{2}", maps={1: lambda g: "large_" if g else "",
                                         2: str.lower}),
    R(r"Decrypt (SFTP|FTPS|FTP) (S3|EFS) (?:SFTP|FTPS|FTP) Upload GB", "server",
      "decrypted_upload", "GB", option="{1}_{2}", maps={1: str.lower, 2: str.lower}),
    SKIP(r"Transfer SFTP (Upload|Download|Endpoint) Fee",
         "a second SFTP upload/download/endpoint SKU beside the per GB / per Hourly keys; the key "
         "does not say what distinguishes it"),
    SKIP(r"Cost per ConnectorCall SendFile|External hosted server cost per GB of data transfer",
         "SFTP connectors: not a target type"),
]

# ---- MWAA -------------------------------------------------------------------------------------------
MWAA_CHARGE = {"Environment": "environment_hours", "Worker": "additional_worker_hours",
               "Scheduler": "additional_scheduler_hours", "WebServer": "additional_webserver_hours"}
MWAA = [
    R(r"(Environment|Worker|Scheduler|WebServer) (Small|Medium|Large|XLarge|2XLarge) per Hrs",
      "environment", "{1}", "Hrs", option="{2}", maps={1: MWAA_CHARGE, 2: _size}),
    L("Standard per Gigabyte Month", "environment", "meta_database_storage", "GB-Mo"),
]

RULES = {
    "apprunner.csv": [("pricewatcher-apprunner", APPRUNNER)],
    "docdb.csv": [("pricewatcher-docdb", DOCDB)],
    "dms.csv": [("pricewatcher-databasemigrationsvc", DMS)],
    "firehose.csv": [("pricewatcher-kinesisfirehose", FIREHOSE)],
    "s3.csv": [("pricewatcher-s3glacierdeeparchive", S3_GDA)],
    "transfer.csv": [("pricewatcher-transfer", TRANSFER)],
    "mwaa.csv": [("pricewatcher-mwaa", MWAA)],
}

# Feeds whose hash-only items are named by their attributes (the key a rule sees is
# "[attr=value, ...]": all the item's attributes, sorted by name; see extract-feeds.py).
ATTRIBUTE_SOURCES = {"pricewatcher-docdb"}

assert M and PB and slug and re  # re-exported names used by rules above
