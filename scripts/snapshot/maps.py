"""maps.py — which rows of the regional price files go into the snapshot,
and as which AWS price-list rows (see regional.Mapping for the fields).

One entry per kind of price.  Attribute values are AWS's own where a real
price-list row shows them (the terracost eu-west-1 dump, captured rows in
scripts/snapshot-captures.json, the MSK/ALB usage types the sources print)
or where a public price selector names them (infracost
internal/resources/aws/*.go @95ba4f49, cited as "infracost <file>"); the
few values known only by analogy with a sibling row say so in the row's
CircuitSource (`note`).  Product Family is left empty where no source shows
AWS's value.

To add a price: put the source file under fixtures/external/data/aws-prices/
(regional/ with a SOURCES.md entry), give its source id a date in
regional.SOURCES, add an entry here, run scripts/build-snapshot.py and
scripts/check-snapshot.py.
"""

from . import maps_tdata
from .regional import Mapping as M
from .regional import seen_suffix
from . import maps_tnet

# ---- EC2 instances -------------------------------------------------------------------
# Every Linux shared-tenancy on-demand type.  Karpenter's metal rows
# (tenancy Shared-or-Dedicated) may carry the Dedicated bare-metal price, so
# they are left out; the ec2.shop feed has the shared price of those types.
EC2 = [
    M("ec2_instances.csv", "AmazonEC2", "Compute Instance", "BoxUsage:{instance_type}",
      where={"tenancy": "Shared"},
      attrs={"Instance Type": "{instance_type}", "Tenancy": "Shared", "Operating System": "Linux",
             "License Model": "No License required", "Pre Installed S/W": "NA",
             "CapacityStatus": "Used", "operation": "RunInstances"}),
]

# ---- EBS (AmazonEC2) -------------------------------------------------------------------
# Usage types, volume types and groups as in the terracost eu-west-1 dump.
EBS_VOLUMES = {"gp2": ".gp2", "gp3": ".gp3", "io1": ".piops", "io2": ".io2", "st1": ".st1",
               "sc1": ".sc1", "standard": ""}
EBS_TYPES = {"gp2": "General Purpose", "gp3": "General Purpose", "io1": "Provisioned IOPS",
             "io2": "Provisioned IOPS", "st1": "Throughput Optimized HDD", "sc1": "Cold HDD",
             "standard": "Magnetic"}
EBS = [
    M("ebs.csv", "AmazonEC2", "Storage", "EBS:VolumeUsage{vsuffix}",
      where={"charge": "storage", "volume_api_name": set(EBS_VOLUMES)},
      derive={"vsuffix": ("volume_api_name", EBS_VOLUMES),
              "vtype": ("volume_api_name", EBS_TYPES)},
      attrs={"Volume API Name": "{volume_api_name}", "Volume Type": "{vtype}"},
      desc="${price} per GB-month of {vtype} ({volume_api_name}) provisioned storage"),
    M("ebs.csv", "AmazonEC2", "System Operation", "EBS:VolumeP-IOPS{isuffix}",
      where={"charge": "provisioned_iops", "volume_api_name": {"gp3", "io1"}},
      derive={"isuffix": ("volume_api_name", {"gp3": ".gp3", "io1": ".piops"})},
      attrs={"Volume API Name": "{volume_api_name}", "Group": "EBS IOPS"},
      desc="${price} per IOPS-month provisioned ({volume_api_name})"),
    M("ebs.csv", "AmazonEC2", "System Operation", "EBS:VolumeP-IOPS.io2{tsuffix}",
      where={"charge": "provisioned_iops", "volume_api_name": "io2"},
      derive={"tsuffix": ("note", {"tier 1: up to 32000 IOPS": "",
                                   "tier 2: 32001-64000 IOPS": ".tier2",
                                   "tier 3: above 64000 IOPS": ".tier3"}),
              "group": ("note", {"tier 1: up to 32000 IOPS": "EBS IOPS",
                                 "tier 2: 32001-64000 IOPS": "EBS IOPS Tier 2",
                                 "tier 3: above 64000 IOPS": "EBS IOPS Tier 3"})},
      attrs={"Volume API Name": "io2", "Group": "{group}"},
      desc="${price} per IOPS-month provisioned (io2, {note})"),
    M("ebs.csv", "AmazonEC2", "Provisioned Throughput", "EBS:VolumeP-Throughput.gp3",
      where={"charge": "provisioned_throughput", "volume_api_name": "gp3"},
      attrs={"Volume API Name": "gp3", "Group": "EBS Throughput"},
      desc="${price} per provisioned GiBps-month of gp3 throughput"),
    M("ebs.csv", "AmazonEC2", "System Operation", "EBS:VolumeIOUsage",
      where={"charge": "io_requests", "volume_api_name": "standard"},
      attrs={"Volume API Name": "standard", "Group": "EBS I/O Requests"},
      desc="${price} per I/O request (magnetic)"),
    M("ebs.csv", "AmazonEC2", "Storage Snapshot", "EBS:SnapshotUsage",
      where={"charge": "snapshot_storage", "note": "standard tier"},
      desc="${price} per GB-Month of snapshot data stored"),
    # The archive-tier usage types and SnapshotArchiveFeeType values are the
    # feed's own key words (Storage Snapshot Amazon S3 SnapshotArchive...).
    M("ebs.csv", "AmazonEC2", "Storage Snapshot", "EBS:{fee}",
      where={"charge": {"snapshot_storage", "snapshot_archive_retrieval",
                        "snapshot_archive_early_delete"},
             "note": {"archive tier", ""}},
      derive={"fee": ("charge", {"snapshot_storage": "SnapshotArchiveStorage",
                                 "snapshot_archive_retrieval": "SnapshotArchiveRetrieval",
                                 "snapshot_archive_early_delete": "SnapshotArchiveEarlyDelete"})},
      attrs={"SnapshotArchiveFeeType": "{fee}"},
      desc="${price} per {unit} of snapshot archive ({fee})"),
    M("ebs.csv", "AmazonEC2", "Fast Snapshot Restore", "EBS:FastSnapshotRestore",
      where={"charge": "fast_snapshot_restore"},
      desc="${price} per Fast Snapshot Restore hour (per snapshot per AZ)"),
]

# ---- NAT gateway (AmazonEC2) -------------------------------------------------------------
# Usage types, group and units as in the terracost eu-west-1 dump.
NAT = [
    M("nat_gateway.csv", "AmazonEC2", "NAT Gateway", "{ut}",
      derive={"ut": ("charge", {"hourly": "NatGateway-Hours", "data_processed": "NatGateway-Bytes",
                                "provisioned_bandwidth": "NatGateway-Prvd-Gbps",
                                "provisioned_bandwidth_data_processed": "NatGateway-Prvd-Bytes"})},
      attrs={"Group": "NGW:NatGateway", "operation": "NatGateway"},
      desc="${price} per {unit} for {source_key}"),
]

# ---- VPC: public IPv4, endpoints, Transit Gateway, VPN --------------------------------------
VPC = [
    # Family, group and USE1- prefix as in the captured rows (EU-/USE1-PublicIPv4).
    M("public_ipv4.csv", "AmazonVPC", "", "PublicIPv4:{state}", prefix="use1",
      where={"address_state": {"in_use", "idle"}},
      derive={"state": ("address_state", {"in_use": "InUseAddress", "idle": "IdleAddress"})},
      attrs={"Group": "VPCPublicIPv4Address"},
      desc="${price} per {source_key}"),
    M("vpc_networking.csv", "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Hours", prefix="use1",
      where={"component": "interface_endpoint", "charge": "hourly_per_az"},
      attrs={"operation": "VpcEndpoint"}, desc="${price} per VPC Endpoint Hour"),
    M("vpc_networking.csv", "AmazonVPC", "VpcEndpoint", "VpcEndpoint-Bytes", prefix="use1",
      where={"component": "interface_endpoint", "charge": "data_processed"},
      tiers={"0-1048576 GB": ("0", "1048576"), "1048576-5242880 GB": ("1048576", "5242880"),
             "5242880 GB-Inf": ("5242880", "Inf")},
      attrs={"operation": "VpcEndpoint"}, desc="${price} per GB Data Processed by VPC Endpoints"),
    M("vpc_networking.csv", "AmazonVPC", "VpcEndpoint", "VpcEndpoint-GWLBE-{what}", prefix="use1",
      where={"component": "gateway_load_balancer_endpoint"},
      derive={"what": ("charge", {"hourly_per_az": "Hours", "data_processed": "Bytes"})},
      attrs={"operation": "VpcEndpoint"}, desc="${price} per {unit} for {source_key}",
      note="usage type as the cost model names it (VpcEndpoint-GWLBE-*), not seen in a price row"),
    # Transit Gateway: usage types and operations as infracost
    # ec2_transit_gateway_vpc_attachment.go, vpn_connection.go,
    # dx_gateway_association.go, ec2_transit_gateway_peering_attachment.go select them.
    M("vpc_networking.csv", "AmazonVPC", "", "TransitGateway-{what}", prefix="use1",
      where={"component": "transit_gateway",
             "charge": {"vpc_attachment_hourly", "vpn_attachment_hourly",
                        "dx_gateway_attachment_hourly", "peering_attachment_hourly",
                        "vpc_attachment_data_processed", "vpn_attachment_data_processed",
                        "dx_gateway_attachment_data_processed"}},
      derive={"what": ("charge", {"vpc_attachment_hourly": "Hours", "vpn_attachment_hourly": "Hours",
                                  "dx_gateway_attachment_hourly": "Hours",
                                  "peering_attachment_hourly": "Hours",
                                  "vpc_attachment_data_processed": "Bytes",
                                  "vpn_attachment_data_processed": "Bytes",
                                  "dx_gateway_attachment_data_processed": "Bytes"}),
              "op": ("charge", {"vpc_attachment_hourly": "TransitGatewayVPC",
                                "vpn_attachment_hourly": "TransitGatewayVPN",
                                "dx_gateway_attachment_hourly": "TransitGatewayDirectConnect",
                                "peering_attachment_hourly": "TransitGatewayPeering",
                                "vpc_attachment_data_processed": "TransitGatewayVPC",
                                "vpn_attachment_data_processed": "TransitGatewayVPN",
                                "dx_gateway_attachment_data_processed":
                                    "TransitGatewayDirectConnect"})},
      attrs={"operation": "{op}"}, desc="${price} per {unit} for {source_key}"),
    # Site-to-Site VPN connection hours: family Cloud Connectivity (infracost
    # vpn_connection.go); the usage type is AWS's VPN-Usage-Hours:ipsec.1.
    M("vpc_networking.csv", "AmazonVPC", "Cloud Connectivity", "VPN-Usage-Hours:ipsec.1",
      prefix="use1", where={"component": "site_to_site_vpn", "charge": "connection_hourly"},
      attrs={"operation": "CreateVpnConnection"}, desc="${price} per VPN Connection-Hour",
      note="usage type and operation by the feed key CreateVpnConnection, not seen in a price row"),
    # Client VPN: usage types as infracost ec2_client_vpn_*.go select them.
    M("vpc_networking.csv", "AmazonVPC", "", "ClientVPN-{what}", prefix="use1",
      where={"component": "client_vpn"},
      derive={"what": ("charge", {"connection_hourly": "ConnectionHours",
                                  "endpoint_association_hourly": "EndpointHours"})},
      desc="${price} per {unit} for {source_key}"),
]

# ---- load balancers (AWSELB) ------------------------------------------------------------------
# Usage types as the source prints them; group and operations as in the
# terracost eu-west-1 dump.
ELB_FAMILY = {"application": "Load Balancer-Application", "network": "Load Balancer-Network",
              "gateway": "Load Balancer-Gateway", "classic": "Load Balancer"}
ELB_OP = {"application": "LoadBalancing:Application", "network": "LoadBalancing:Network",
          "gateway": "LoadBalancing:Gateway", "classic": "LoadBalancing"}
ELB = [
    M("elb.csv", "AWSELB", "{family}", "", prefix="source",
      derive={"family": ("load_balancer_type", ELB_FAMILY), "op": ("load_balancer_type", ELB_OP)},
      attrs={"Group": "ELB:Balancer", "operation": "{op}"},
      desc="${price} per {unit} ({load_balancer_type} load balancer, {charge})"),
]

# ---- containers -------------------------------------------------------------------------------
CONTAINERS = [
    # Usage types and family as the captured EU-/USE1-AmazonEKS rows.
    M("eks.csv", "AmazonEKS", "Compute", "AmazonEKS-Hours:{ut}", prefix="use1",
      derive={"ut": ("charge", {"cluster_standard_support": "perCluster",
                                "cluster_extended_support": "extendedSupport"})},
      desc="Amazon EKS cluster usage ({charge}), ${price} per hour"),
    # Fargate (the ECS pricing page; EKS on Fargate is billed the same):
    # usage types and unit as the captured EU-Fargate rows.
    M("fargate.csv", "AmazonECS", "Compute", "Fargate-{arch}{what}", prefix="use1",
      where={"operating_system": "Linux"}, unit="hours",
      derive={"arch": ("architecture", {"x86_64": "", "arm64": "ARM-"}),
              "what": ("charge", {"vcpu": "vCPU-Hours:perCPU", "memory": "GB-Hours"})},
      desc="AWS Fargate - {charge} ({architecture}), ${price} per hour"),
    M("fargate.csv", "AmazonECS", "Compute", "Fargate-Windows-{what}", prefix="use1",
      where={"operating_system": "Windows"}, unit="hours",
      derive={"what": ("charge", {"vcpu": "vCPU-Hours:perCPU", "memory": "GB-Hours",
                                  "os_license": "OS-Hours:perCPU"})},
      desc="AWS Fargate - Windows {charge}, ${price} per hour",
      note="usage type by analogy with the Linux rows, not seen in a price row"),
    M("fargate.csv", "AmazonECS", "Compute", "Fargate-EphemeralStorage-GB-Hours", prefix="use1",
      where={"charge": "ephemeral_storage_above_20gb"}, unit="hours",
      desc="AWS Fargate - ephemeral storage above 20 GB, ${price} per GB-hour",
      note="usage type by analogy with the Linux rows, not seen in a price row"),
]

# ---- serverless -------------------------------------------------------------------------------
# Lambda: usage types and groups as the captured EU-Request / EU-Lambda-GB-Second
# rows and the us-east-1 reference rows; duration tiers per month as AWS's
# "Introducing tiered pricing for AWS Lambda" (AWS Compute Blog, 2022):
# x86 0-6, 6-15, over 15 billion GB-s; arm64 0-7.5, 7.5-18.75, over 18.75 billion.
LAMBDA_ARCH = {"x86_64": "", "arm64": "-ARM"}
LAMBDA_TIERS = {
    "x86_64": {"1": ("0", "6000000000"), "2": ("6000000000", "15000000000"),
               "3": ("15000000000", "Inf")},
    "arm64": {"1": ("0", "7500000000"), "2": ("7500000000", "18750000000"),
              "3": ("18750000000", "Inf")},
}
LAMBDA_KIND = {
    "requests": ("Request{arch}", "AWS-Lambda-Requests{arch}"),
    "ephemeral_storage": ("Lambda-Storage-GB-Second{arch}", "AWS-Lambda-Storage-Duration{arch}"),
    "provisioned_concurrency": ("Lambda-Provisioned-Concurrency{arch}",
                                "AWS-Lambda-Provisioned-Concurrency{arch}"),
    "duration_provisioned": ("Lambda-Provisioned-GB-Second{arch}",
                             "AWS-Lambda-Duration-Provisioned{arch}"),
}
LAMBDA = [
    M("lambda.csv", "AWSLambda", "Serverless", "Lambda-GB-Second{arch}",
      where={"charge": "duration"}, derive={"arch": ("architecture", LAMBDA_ARCH)},
      tiers=lambda r: LAMBDA_TIERS[r["architecture"]][r["tier"]],
      attrs={"Group": "AWS-Lambda-Duration{arch}"},
      desc="AWS Lambda - Total Compute ({architecture}) - tier {tier}, ${price} per GB-second"),
] + [
    M("lambda.csv", "AWSLambda", "Serverless", ut, where={"charge": kind},
      derive={"arch": ("architecture", LAMBDA_ARCH)}, attrs={"Group": group},
      desc="AWS Lambda - {source_key}, ${price} per {unit}",
      note=None if kind == "requests" else
      "usage type and group by analogy with the duration rows, not seen in a price row")
    for kind, (ut, group) in LAMBDA_KIND.items()
]

# ---- CloudWatch -------------------------------------------------------------------------------
# Usage types, families and groups as the captured EU-CW rows and the
# us-east-1 reference rows; metric tiers from the feed's own keys.
CW_METRIC_TIERS = {"first 10000": ("0", "10000"), "next 240000": ("10000", "250000"),
                   "next 750000": ("250000", "1000000"), "over 1000000": ("1000000", "Inf")}
CW_VENDED_TIERS = {"first 10 TB": ("0", "10240"), "next 20 TB": ("10240", "30720"),
                   "next 20 TB (30-50 TB)": ("30720", "51200"), "over 50 TB": ("51200", "Inf")}
CLOUDWATCH = [
    M("cloudwatch.csv", "AmazonCloudWatch", "Alarm", "CW:{ut}",
      where={"charge": {"alarm_standard_resolution", "alarm_high_resolution"}},
      derive={"ut": ("charge", {"alarm_standard_resolution": "AlarmMonitorUsage",
                                "alarm_high_resolution": "HighResAlarmMonitorUsage"}),
              "atype": ("charge", {"alarm_standard_resolution": "Standard",
                                   "alarm_high_resolution": "High Resolution"})},
      attrs={"Group": "Alarm", "Alarm Type": "{atype}"},
      desc="${price} per alarm metric month - {atype} resolution"),
    M("cloudwatch.csv", "AmazonCloudWatch", "Metric", "CW:MetricMonitorUsage",
      where={"charge": "custom_metric"}, tiers=CW_METRIC_TIERS, attrs={"Group": "Metric"},
      desc="${price} per metric-month ({tier})"),
    M("cloudwatch.csv", "AmazonCloudWatch", "Data Payload", "DataProcessing-Bytes", prefix="use1",
      where={"charge": "logs_ingestion_standard"}, attrs={"Group": "Ingested Logs"},
      desc="${price} per GB custom log data ingested"),
    M("cloudwatch.csv", "AmazonCloudWatch", "Data Payload", "DataProcessingIA-Bytes",
      prefix="use1", where={"charge": "logs_ingestion_infrequent_access"},
      desc="${price} per GB custom log data ingested (Infrequent Access class)",
      note="usage type as the cost model names it (DataProcessingIA-Bytes), not seen in a "
           "price row"),
    M("cloudwatch.csv", "AmazonCloudWatch", "Data Payload", "VendedLog-Bytes", prefix="use1",
      where={"charge": "logs_ingestion_vended"}, tiers=CW_VENDED_TIERS,
      desc="${price} per GB vended log data ingested ({tier})"),
    M("cloudwatch.csv", "AmazonCloudWatch", "Storage Snapshot", "TimedStorage-ByteHrs",
      prefix="use1", where={"charge": "logs_storage"}, desc="${price} per GB-mo of log storage"),
    M("cloudwatch.csv", "AmazonCloudWatch", "Data Payload", "DataScanned-Bytes", prefix="use1",
      where={"charge": "logs_insights_query"}, attrs={"Group": "Queried Logs"},
      desc="${price} per GB of log data scanned by CloudWatch Logs Insights queries"),
    # Dashboards are priced once for all regions (family and usage type as
    # infracost cloudwatch_dashboard.go).
    M("cloudwatch.csv", "AmazonCloudWatch", "Dashboard", "DashboardsUsageHour", prefix="none",
      where={"region": "global", "charge": "dashboard"},
      desc="${price} per dashboard per month"),
]

# ---- KMS, Route 53 ----------------------------------------------------------------------------
# KMS usage types carry the region code (us-east-1-KMS-Keys, as the reference
# rows and the cost model's selectors).
KMS = [
    M("kms.csv", "awskms", "{family}", "KMS-{ut}", prefix="code",
      derive={"ut": ("charge", {"key_month": "Keys", "api_requests_symmetric": "Requests",
                                "api_requests_asymmetric_rsa_2048":
                                    "Requests-Asymmetric-RSA_2048",
                                "api_requests_asymmetric_other": "Requests-Asymmetric",
                                "api_requests_generatedatakeypair_ecc":
                                    "Requests-GenerateDatakeyPair-ECC",
                                "api_requests_generatedatakeypair_rsa":
                                    "Requests-GenerateDatakeyPair-RSA"}),
              "family": ("charge", {"key_month": "Encryption Key",
                                    "api_requests_symmetric": "API Request",
                                    "api_requests_asymmetric_rsa_2048": "API Request",
                                    "api_requests_asymmetric_other": "API Request",
                                    "api_requests_generatedatakeypair_ecc": "API Request",
                                    "api_requests_generatedatakeypair_rsa": "API Request"})},
      desc="${price} per {unit} ({source_key})"),
]

# Route 53: hosted zones, queries and health checks are global (usage types
# and families as infracost route53_zone.go, route53_record.go,
# route53_health_check.go); Resolver endpoints are regional
# (route53_resolver_endpoint.go).  A model asking for a global price names
# region "global": a regional AmazonRoute53 file exists too.
R53_ZONE_TIERS = {"first 25 zones": ("0", "25"), "over 25 zones": ("25", "Inf")}
R53_QUERY_TIERS = {"first 1B": ("0", "1000000000"), "over 1B": ("1000000000", "Inf")}
ROUTE53 = [
    M("route53.csv", "AmazonRoute53", "DNS Zone", "HostedZone", prefix="none",
      where={"charge": "hosted_zone"}, tiers=R53_ZONE_TIERS,
      desc="${price} per Hosted Zone ({tier})"),
    M("route53.csv", "AmazonRoute53", "DNS Query", "{ut}", prefix="none",
      where={"region": "global", "charge": {"queries_standard", "queries_latency", "queries_geo"}},
      derive={"ut": ("charge", {"queries_standard": "DNS-Queries", "queries_latency": "LBR-Queries",
                                "queries_geo": "Geo-Queries"})},
      tiers=R53_QUERY_TIERS, desc="${price} per query ({source_key})"),
    M("route53.csv", "AmazonRoute53", "DNS Health Check", "Health-Check-{ut}", prefix="none",
      where={"charge": {"health_check_aws_endpoint", "health_check_non_aws_endpoint"}},
      derive={"ut": ("charge", {"health_check_aws_endpoint": "AWS",
                                "health_check_non_aws_endpoint": "Non-AWS"})},
      tiers=lambda r: ("50", "Inf") if r["tier"] == "over 50" else ("0", "Inf"),
      desc="${price} per health check per month ({source_key})"),
    M("route53.csv", "AmazonRoute53", "DNS Query", "ResolverNetworkInterface", prefix="use1",
      where={"charge": "resolver_endpoint_eni"},
      desc="${price} per Route 53 Resolver endpoint ENI-hour"),
    M("route53.csv", "AmazonRoute53", "DNS Query", "Resolver-DNS-Queries", prefix="use1",
      where={"charge": "resolver_queries"}, tiers=R53_QUERY_TIERS,
      desc="${price} per Route 53 Resolver query ({tier})",
      note="usage type by analogy with DNS-Queries, not seen in a price row"),
]

# ---- messaging ----------------------------------------------------------------------------------
# SNS: families and usage types as infracost sns_topic.go selects them.
SNS = [
    M("sns.csv", "AmazonSNS", "API Request", "Requests-Tier1",
      where={"charge": "api_requests_standard"},
      tiers={"over first 1M": ("1000000", "Inf")}, desc="${price} per API request (over 1M)"),
    M("sns.csv", "AmazonSNS", "", "F-{ut}",
      where={"charge": {"api_requests_fifo", "fifo_publish_payload"}},
      derive={"ut": ("charge", {"api_requests_fifo": "Request-Tier1",
                                "fifo_publish_payload": "Ingress-Tier1"})},
      desc="${price} per {unit} ({source_key})"),
    M("sns.csv", "AmazonSNS", "Message Delivery", "DeliveryAttempts-{ut}",
      where={"charge": {"http_notifications", "email_notifications", "firehose_notifications",
                        "sqs_notifications", "lambda_notifications"}},
      derive={"ut": ("charge", {"http_notifications": "HTTP", "email_notifications": "SMTP",
                                "firehose_notifications": "FIREHOSE",
                                "sqs_notifications": "SQS", "lambda_notifications": "LAMBDA"})},
      tiers=lambda r: {"": ("0", "Inf"), "0-100000": ("0", "100000"),
                       "over 100000": ("100000", "Inf"), "0-1000": ("0", "1000"),
                       "over 1000": ("1000", "Inf")}[r["tier"]],
      desc="${price} per notification ({source_key})"),
]
# SQS: family and queueType values as infracost sqs_queue.go; the first paid
# tier of AWS's list (up to 100 billion requests a month).
SQS = [
    M("sqs.csv", "AWSQueueService", "API Request", "Requests-{ut}RBP",
      derive={"ut": ("queue_type", {"standard": "", "fifo": "FIFO-"}),
              "qt": ("queue_type", {"standard": "Standard", "fifo": "FIFO (first-in, first-out)"})},
      attrs={"Queue Type": "{qt}"},
      tiers={"first tier, up to 100000000000 requests/month": ("0", "100000000000")},
      desc="${price} per request ({qt} queue, first paid tier)",
      note="usage type by the billing name Requests-RBP, not seen in a price row"),
]
# MSK: family as infracost msk_cluster.go; usage types and operations as the source prints.
MSK = [
    M("msk.csv", "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", "", prefix="source",
      where={"charge": "broker"},
      derive={"kind": lambda r: "express" if "-Express." in r["usage_type"] else "kafka"},
      attrs={"Instance Type": "{kind}.{item}", "operation": "{operation}"},
      desc="${price} per broker-hour ({usage_type})"),
    M("msk.csv", "AmazonMSK", "Managed Streaming for Apache Kafka (MSK)", "", prefix="source",
      where={"charge": "storage"},
      derive={"sfam": ("item", {"gp2": "GP2", "express": "Express", "tiered": "Tiered"})},
      attrs={"Storage Family": "{sfam}", "operation": "{operation}"},
      desc="${price} per GB-month of broker storage ({usage_type})"),
]
# Amazon MQ: families, deploymentOption values and storage usage types as
# infracost mq_broker.go.
MQ = [
    M("mq.csv", "AmazonMQ", "Broker Instances", "BrokerUsage:{item}", prefix="use1",
      where={"charge": "broker"},
      derive={"deploy": ("deployment", {"Single Instance": "Single-AZ",
                                        "Active Standby": "Multi-AZ"})},
      attrs={"Instance Type": "{item}", "Broker Engine": "{engine}", "Deployment Option": "{deploy}",
             "operation": "CreateBroker"},
      desc="${price} per {engine} broker-hour ({deployment}, {item})",
      note="usage type by analogy, not seen in a price row"),
    M("mq.csv", "AmazonMQ", "Broker Storage", "{ut}", prefix="use1",
      where={"charge": "storage"},
      derive={"ut": ("item", {"Broker Storage GB Mo": "TimedStorage-ByteHrs",
                              "Broker Storage Single AZ GB-Mo": "TimedStorage-EBS-ByteHrs"}),
              "stype": ("item", {"Broker Storage GB Mo": "EFS",
                                 "Broker Storage Single AZ GB-Mo": "EBS"})},
      attrs={"Storage Type": "{stype}"},
      desc="${price} per GB-month of broker storage ({stype})"),
]

# ---- databases and caches ---------------------------------------------------------------------
RDS_DEPLOY = {"Single-AZ": "Single-AZ", "Multi-AZ": "Multi-AZ",
              "Multi-AZ readable standbys": "Multi-AZ (readable standbys)"}
RDS_UT = {"Single-AZ": "InstanceUsage", "Multi-AZ": "Multi-AZUsage",
          "Multi-AZ readable standbys": "Multi-AZClusterUsage"}
# Storage: per engine, as AWS prices it beside the engine-independent ("Any")
# rows; usage types as the terracost eu-west-1 dump and the us-east-1
# reference rows (GP3 ones carry USE1- in us-east-1).
RDS_VOL = {"gp2": "General Purpose", "gp3": "General Purpose-GP3", "io1": "Provisioned IOPS",
           "io2": "Provisioned IOPS-IO2", "standard": "Magnetic"}
RDS_VOL_UT = {"gp2": "GP2-Storage", "gp3": "GP3-Storage", "io1": "PIOPS-Storage",
              "io2": "IO2-Storage", "standard": "StorageUsage"}
RDS_MAZ = {"Single-AZ": "", "Multi-AZ": "Multi-AZ-", "Multi-AZ readable standbys": "Multi-AZCluster-"}
RDS = [
    # The usage type names the class as real rows do (db.t3.xl for
    # db.t3.xlarge, db.t4g.xlarge as is): regional.seen_suffix.
    M("rds_instances.csv", "AmazonRDS", "Database Instance", "{ut}:{uclass}",
      derive={"deploy": ("deployment_option", RDS_DEPLOY), "ut": ("deployment_option", RDS_UT),
              "uclass": lambda r: seen_suffix("AmazonRDS", r["instance_type"])},
      attrs={"Instance Type": "{instance_type}", "Database Engine": "{database_engine}",
             "Deployment Option": "{deploy}", "License Model": "{license_model}"}),
    M("rds_storage.csv", "AmazonRDS", "Database Storage", "RDS:{maz}{vut}",
      prefix="short", where=lambda r: r["charge"] == "storage" and r["volume_type"] != "gp3",
      derive={"deploy": ("deployment_option", RDS_DEPLOY), "maz": ("deployment_option", RDS_MAZ),
              "vut": ("volume_type", RDS_VOL_UT), "vol": ("volume_type", RDS_VOL)},
      attrs={"Volume Type": "{vol}", "Database Engine": "{database_engine}",
             "Deployment Option": "{deploy}"},
      desc="${price} per GB-month of {vol} storage for {deployment_option} deployments "
           "({database_engine})"),
    M("rds_storage.csv", "AmazonRDS", "Database Storage", "RDS:{maz}GP3-Storage",
      prefix="use1", where={"charge": "storage", "volume_type": "gp3"},
      derive={"deploy": ("deployment_option", RDS_DEPLOY), "maz": ("deployment_option", RDS_MAZ)},
      attrs={"Volume Type": "General Purpose-GP3", "Database Engine": "{database_engine}",
             "Deployment Option": "{deploy}"},
      desc="${price} per GB-month of General Purpose-GP3 storage for {deployment_option} "
           "deployments ({database_engine})"),
    M("rds_storage.csv", "AmazonRDS", "Provisioned IOPS", "RDS:{maz}{iut}",
      prefix="short", where={"charge": "provisioned_iops", "volume_type": "io1"},
      derive={"deploy": ("deployment_option", RDS_DEPLOY), "maz": ("deployment_option", RDS_MAZ),
              "iut": ("volume_type", {"io1": "PIOPS"})},
      attrs={"Database Engine": "{database_engine}", "Deployment Option": "{deploy}",
             "Group": "RDS-PIOPS", "Group Description": "RDS Provisioned IOPS"},
      desc="${price} per IOPS-month of provisioned IOPS (io1) for {deployment_option} "
           "deployments ({database_engine})"),
    M("rds_storage.csv", "AmazonRDS", "Provisioned IOPS", "RDS:{maz}{iut}",
      prefix="use1", where={"charge": "provisioned_iops", "volume_type": {"gp3", "io2"}},
      derive={"deploy": ("deployment_option", RDS_DEPLOY), "maz": ("deployment_option", RDS_MAZ),
              "iut": ("volume_type", {"io1": "PIOPS", "gp3": "GP3-PIOPS", "io2": "IO2-PIOPS"}),
              "gd": ("volume_type", {"io1": "RDS Provisioned IOPS",
                                     "gp3": "RDS Provisioned GP3 IOPS",
                                     "io2": "RDS Provisioned IO2 IOPS"})},
      attrs={"Database Engine": "{database_engine}", "Deployment Option": "{deploy}",
             "Group": "RDS-PIOPS", "Group Description": "{gd}"},
      desc="${price} per IOPS-month of provisioned IOPS ({volume_type}) for {deployment_option} "
           "deployments ({database_engine})"),
    M("rds_storage.csv", "AmazonRDS", "Provisioned Throughput", "RDS:{maz}GP3-Throughput",
      prefix="use1", where={"charge": "provisioned_throughput"},
      derive={"deploy": ("deployment_option", RDS_DEPLOY), "maz": ("deployment_option", RDS_MAZ)},
      attrs={"Database Engine": "{database_engine}", "Deployment Option": "{deploy}"},
      desc="${price} per MiBps-month of gp3 throughput for {deployment_option} deployments "
           "({database_engine})",
      note="usage type by analogy with GP3-PIOPS, not seen in a price row"),
    M("rds_storage.csv", "AmazonRDS", "Storage Snapshot", "RDS:ChargedBackupUsage",
      where={"charge": "backup_storage"},
      attrs={"Database Engine": "{database_engine}"},
      desc="${price} per additional GB-month of backup storage ({database_engine})"),
    # Magnetic I/O: one SKU for every engine (both feeds give the same rate code).
    M("rds_storage.csv", "AmazonRDS", "System Operation", "RDS:StorageIOUsage",
      where={"charge": "io_requests"},
      attrs={"Group": "RDS I/O Operation", "Volume Type": "Magnetic", "Database Engine": "Any"},
      desc="${price} per I/O request (magnetic)"),
]

CACHES = [
    M("elasticache_nodes.csv", "AmazonElastiCache", "Cache Instance", "NodeUsage:{instance_type}",
      attrs={"Instance Type": "{instance_type}", "Cache Engine": "{cache_engine}"}),
    M("opensearch_instances.csv", "AmazonES", "Amazon OpenSearch Service Instance",
      "ESInstance:{instance_type}", prefix="use1",
      attrs={"Instance Type": "{instance_type}"},
      desc="${price} per {instance_type} instance-hour",
      note="usage type by infracost search_domain.go's ESInstance selector and AWS's naming"),
]

# DynamoDB: families and groups as the captured EU- rows and infracost
# dynamodb_table.go; the standard class's storage price is the tier above
# the free 25 GB (as the captured EU-TimedStorage-ByteHrs row).
DDB_UT = {"read_capacity_units": "ReadCapacityUnit-Hrs", "write_capacity_units": "WriteCapacityUnit-Hrs",
          "replicated_write_capacity_units": "ReplWriteCapacityUnit-Hrs",
          "read_request_units": "ReadRequestUnits", "write_request_units": "WriteRequestUnits",
          "replicated_write_request_units": "ReplWriteRequestUnits", "storage": "TimedStorage-ByteHrs"}
DDB_FAMILY = {"read_capacity_units": "Provisioned IOPS", "write_capacity_units": "Provisioned IOPS",
              "replicated_write_capacity_units": "DDB-Operation-ReplicatedWrite",
              "read_request_units": "Amazon DynamoDB PayPerRequest Throughput",
              "write_request_units": "Amazon DynamoDB PayPerRequest Throughput",
              "replicated_write_request_units": "DDB-Operation-ReplicatedWrite",
              "storage": "Database Storage"}
DDB_GROUP = {"read_capacity_units": "DDB-ReadUnits", "write_capacity_units": "DDB-WriteUnits",
             "replicated_write_capacity_units": "DDB-ReplicatedWriteUnits",
             "read_request_units": "DDB-ReadUnits", "write_request_units": "DDB-WriteUnits",
             "replicated_write_request_units": "DDB-ReplicatedWriteUnits", "storage": ""}
DYNAMODB = [
    M("dynamodb.csv", "AmazonDynamoDB", "{family}", "{ut}", where={"table_class": "Standard"},
      derive={"ut": ("charge", DDB_UT), "family": ("charge", DDB_FAMILY),
              "group": ("charge", DDB_GROUP)},
      tiers=lambda r: ("25", "Inf") if r["charge"] == "storage" else ("0", "Inf"),
      attrs={"Group": "{group}"}, desc="${price} per {unit} ({source_key})"),
    M("dynamodb.csv", "AmazonDynamoDB", "{family}", "IA-{ut}", where={"table_class": "Standard-IA"},
      derive={"ut": ("charge", DDB_UT), "family": ("charge", DDB_FAMILY)},
      desc="${price} per {unit} ({source_key})",
      note="usage type IA-<standard usage type>, as the cost model names it; not seen in a "
           "price row"),
    M("dynamodb.csv", "AmazonDynamoDB", "{family}", "{ut}", where={"table_class": ""},
      derive={"ut": ("charge", {"backup_pitr": "TimedPITRStorage-ByteHrs",
                                "backup_on_demand": "TimedBackupStorage-ByteHrs",
                                "restore": "RestoreDataSize-Bytes",
                                "streams_read_requests": "Streams-Requests"}),
              "family": ("charge", {"backup_pitr": "Database Storage",
                                    "backup_on_demand": "Amazon DynamoDB On-Demand Backup Storage",
                                    "restore": "Amazon DynamoDB Restore Data Size",
                                    "streams_read_requests": "API Request"}),
              "group": ("charge", {"backup_pitr": "", "backup_on_demand": "", "restore": "",
                                   "streams_read_requests": "DDB-StreamsReadRequests"})},
      attrs={"Group": "{group}"}, desc="${price} per {unit} ({source_key})"),
]

# ---- storage -----------------------------------------------------------------------------------
# S3: usage types, volume types and groups as the captured EU- rows, the
# us-east-1 reference rows and the epam/cloud-pipeline offer excerpt.
S3_TIERS = {"first 50 TB": ("0", "51200"), "next 450 TB": ("51200", "512000"),
            "over 500 TB": ("512000", "Inf")}
S3_STORAGE = {
    "STANDARD": ("TimedStorage-ByteHrs", "Standard", "General Purpose"),
    "STANDARD_IA": ("TimedStorage-SIA-ByteHrs", "Standard - Infrequent Access", "Infrequent Access"),
    "ONEZONE_IA": ("TimedStorage-ZIA-ByteHrs", "One Zone - Infrequent Access", "Infrequent Access"),
    "GLACIER_IR": ("TimedStorage-GIR-ByteHrs", "Glacier Instant Retrieval", "Archive Instant Retrieval"),
    "GLACIER": ("TimedStorage-GlacierByteHrs", "Amazon Glacier", "Archive"),
    "INTELLIGENT_TIERING": ("TimedStorage-INT-FA-ByteHrs", "Intelligent-Tiering Frequent Access",
                            "Intelligent-Tiering"),
}
S3 = [
    M("s3.csv", "AmazonS3", "Storage", "{ut}",
      where={"charge": {"storage", "storage_frequent_access"}},
      derive={"ut": ("storage_class", {k: v[0] for k, v in S3_STORAGE.items()}),
              "vt": ("storage_class", {k: v[1] for k, v in S3_STORAGE.items()}),
              "sc": ("storage_class", {k: v[2] for k, v in S3_STORAGE.items()})},
      tiers=lambda r: S3_TIERS[r["tier"]] if r["tier"] else ("0", "Inf"),
      attrs={"Volume Type": "{vt}", "Storage Class": "{sc}"},
      desc="${price} per GB-Month of storage used in {vt}"),
    M("s3.csv", "AmazonS3", "API Request", "Requests-{cls}Tier{n}",
      where={"charge": {"requests_put_copy_post_list", "requests_get_and_other"}},
      derive={"cls": ("storage_class", {"STANDARD": "", "STANDARD_IA": "SIA-"}),
              "n": ("charge", {"requests_put_copy_post_list": "1", "requests_get_and_other": "2"}),
              "grp": ("storage_class", {"STANDARD": "S3-API-", "STANDARD_IA": "S3-API-SIA-"})},
      attrs={"Group": "{grp}Tier{n}"}, desc="${price} per request ({source_key})"),
    M("s3.csv", "AmazonS3", "", "Retrieval-SIA", where={"charge": "retrieval"},
      desc="${price} per GB retrieved from Standard-IA"),
]
# EFS: usage types and storage classes as the captured EU- rows and the
# us-east-1 reference rows.  The feed's second IA price ("Infrequent Access
# ET Storage", 0.016 in us-east-1) is left out: the feed does not say when
# it applies, and the IA price reference goldens show is the first one.
EFS_STORAGE = {
    "Standard": ("TimedStorage-ByteHrs", "General Purpose"),
    "Infrequent Access": ("IATimedStorage-ByteHrs", "Infrequent Access"),
    "Archive": ("ArchiveTimedStorage-ByteHrs", "Archive"),
    "One Zone": ("TimedStorage-Z-ByteHrs", "One Zone-General Purpose"),
    "One Zone-IA": ("IATimedStorage-Z-ByteHrs", "One Zone-Infrequent Access"),
}
EFS = [
    M("efs.csv", "AmazonEFS", "Storage", "{ut}", prefix="use1", where={"charge": "storage"},
      derive={"ut": ("storage_class", {k: v[0] for k, v in EFS_STORAGE.items()}),
              "sc": ("storage_class", {k: v[1] for k, v in EFS_STORAGE.items()})},
      attrs={"Storage Class": "{sc}"}, desc="${price} per GB-Mo of {storage_class} storage"),
    M("efs.csv", "AmazonEFS", "Storage", "IADataAccess-Bytes", prefix="use1",
      where={"charge": "data_access_read", "storage_class": "Infrequent Access"},
      attrs={"Storage Class": "Infrequent Access", "Access Type": "Read"},
      desc="${price} per GB read from Infrequent Access"),
    M("efs.csv", "AmazonEFS", "Provisioned Throughput", "ProvisionedTP-MiBpsHrs", prefix="use1",
      where={"charge": "provisioned_throughput"}, unit="MiBps-Mo",
      desc="${price} per MiBps-Mo of provisioned throughput"),
]

MAPPINGS = (EC2 + EBS + NAT + VPC + ELB + CONTAINERS + LAMBDA + CLOUDWATCH + KMS + ROUTE53 + SNS
            + SQS + MSK + MQ + RDS + CACHES + DYNAMODB + S3 + EFS)
MAPPINGS += __import__("snapshot.maps_gaps", fromlist=["GAPS"]).GAPS
from .maps_tops import TOPS  # noqa: E402  (operations, security and developer tools)
MAPPINGS += TOPS
MAPPINGS += maps_tnet.MAPPINGS   # networking, edge, certificates (scripts/snapshot/maps_tnet.py)
MAPPINGS += maps_tdata.MAPPINGS   # messaging, streaming, analytics, databases (maps_tdata.py)
