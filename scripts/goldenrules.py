"""goldenrules.py — prices read from Infracost's golden test outputs, for
services no stored copy of AWS's price feeds or Price List covers (ECR, SSM,
EventBridge, CodeBuild, ACM Private CA, Step Functions, Secrets Manager,
Transfer Family, Direct Connect, Global Accelerator, MWAA, Directory Service,
DocumentDB, Backup, Kinesis Data Firehose and Analytics, CloudFront Functions).

Infracost prices each golden from AWS's Price List (its pricing API) in the
region of the test's provider block, and prints, per cost component, either
"Monthly cost depends on usage: $P per UNIT" (the unit price, verbatim) or
"QTY UNIT $COST" (a quantity and its monthly cost to the cent).  A rule names
one component line of one golden:
  * kind "usage": the price is P divided by the unit's multiplier ("1M
    requests" -> 10^6, "10k" -> 10^4, "1K" -> 10^3, "100k" -> 10^5);
  * kind "qty": the price is COST / (QTY x multiplier), kept only when that
    division is exact (a terminating decimal of at most 10 places) — a price
    that the cent-rounded COST cannot pin down is refused, not guessed.  With
    `hours=730` each unit of QTY is a month of 730 hours (Directory Service
    "2 controllers"; on a "usage" line, Kinesis Analytics "$92.71 per KPU" a
    month); with `month=True` a QTY in hours is read as QTY/730
    months (SSM "730 hours $0.05" = $0.05 per parameter-month).  Every line the
    rule matches in the golden must give the same price.
usd is written as that decimal; source_key is the golden line, verbatim
(spaces collapsed); rate codes are not in goldens.

RULES[file] = [(test name, region, [GoldenRule...])]; region is the test's
provider region (checked against the .tf by extract-feeds.py).
"""

import re

INF = "Inf"


class GoldenRule:
    def __init__(self, line, kind, item, charge, unit, option="", tier=None, hours=None,
                 month=False, qty=None):
        self.line = re.compile(line)
        self.kind, self.item, self.charge, self.unit = kind, item, charge, unit
        self.option, self.tier, self.hours, self.month = option, tier, hours, month
        self.qty = qty  # only the line(s) with this quantity (as printed)


def U(line, item, charge, unit, option="", tier=None, hours=None):
    """A "Monthly cost depends on usage" line (hours=730: a per-month price, written
    per hour when the division is exact)."""
    return GoldenRule(line, "usage", item, charge, unit, option, tier, hours)


def Q(line, item, charge, unit, option="", tier=None, hours=None, month=False, qty=None):
    """A quantity line."""
    return GoldenRule(line, "qty", item, charge, unit, option, tier, hours, month, qty)


RULES = {
    "ecr.csv": [("ecr_repository", "us-east-1", [
        U(r"Storage", "repository", "storage", "GB-Mo"),
    ])],
    "ssm.csv": [
        ("ssm_parameter", "us-east-1", [
            Q(r"Parameter storage \(advanced\)", "parameter", "advanced_parameter_month", "Month",
              month=True, qty="730"),
            U(r"API interactions \(advanced\)", "parameter", "api_interactions_higher_throughput",
              "Interactions"),
        ]),
        ("ssm_activation", "us-east-1", [
            U(r"On-prem managed instances \(advanced\)", "activation",
              "advanced_on_premises_instance_hours", "Hrs"),
        ]),
    ],
    "eventbridge.csv": [("cloudwatch_event_bus", "us-east-1", [
        U(r"Custom events published", "event_bus", "custom_events", "Events"),
        U(r"Third-party events published", "event_bus", "partner_events", "Events"),
        U(r"Archive processing", "event_bus", "archive_processing", "GB"),
        U(r"Archive storage", "event_bus", "archive_storage", "GB-Mo"),
        U(r"Schema discovery", "event_bus", "schema_discovery_events", "Events"),
    ])],
    "codebuild.csv": [("codebuild_project", "us-east-1", [
        Q(r"Linux \(general1\.small\)", "general1.small", "build_minutes", "Minutes",
          option="linux"),
        U(r"Linux \(general1\.medium\)", "general1.medium", "build_minutes", "Minutes",
          option="linux"),
        Q(r"Linux \(general1\.large\)", "general1.large", "build_minutes", "Minutes",
          option="linux"),
        Q(r"Windows \(general1\.large\)", "general1.large", "build_minutes", "Minutes",
          option="windows"),
    ])],
    "acm.csv": [
        ("acmpca_certificate_authority", "us-east-1", [
            Q(r"Private certificate authority", "private_ca", "general_purpose_mode", "Month"),
            Q(r"Private certificate authority \(short-lived certificate mode\)", "private_ca",
              "short_lived_mode", "Month"),
            # The over-10K tier's price cannot be pinned down from the golden (10,001
            # certificates cost $10.00), so the general-purpose tiers are not written as
            # tiers: only the first tier's price, named as such.
            U(r"Certificates \(first 1K\)", "private_ca", "certificates_first_1000",
              "Certificates", option="general_purpose"),
            Q(r"Certificates \(next 9K\)", "private_ca", "certificates_next_9000",
              "Certificates", option="general_purpose"),
            U(r"Certificates \(short-lived\)", "private_ca", "certificates", "Certificates",
              option="short_lived"),
        ]),
    ],
    "stepfunctions.csv": [("sfn_state_machine", "us-east-1", [
        U(r"Transitions", "standard_workflow", "state_transitions", "StateTransitions"),
        U(r"Requests", "express_workflow", "requests", "Requests"),
    ])],
    "secretsmanager.csv": [("secretsmanager_secret", "us-east-1", [
        Q(r"Secret", "secret", "secret_month", "Month"),
        U(r"API requests", "secret", "api_requests", "Requests"),
    ])],
    "transfer.csv": [("transfer_server", "us-east-1", [
        Q(r"(SFTP|FTPS|FTP) protocol enabled", "server", "protocol_hours", "Hrs",
          option="{1}"),
        U(r"Data uploaded", "server", "data_uploaded", "GB"),
        U(r"Data downloaded", "server", "data_downloaded", "GB"),
    ])],
    "globalaccelerator.csv": [("global_accelerator", "us-east-1", [
        Q(r"Fixed fee", "accelerator", "fixed_fee_hours", "Hrs"),
    ])],
    "mwaa.csv": [("mwaa_environment", "us-east-1", [
        Q(r"Environment \((Small|Medium|Large)\)", "environment", "environment_hours", "Hrs",
          option="{1}"),
        U(r"Worker \((Small|Medium)\)", "environment", "additional_worker_hours", "Hrs",
          option="{1}"),
        Q(r"Worker \((Large)\)", "environment", "additional_worker_hours", "Hrs", option="{1}"),
        U(r"Scheduler \((Small|Medium)\)", "environment", "additional_scheduler_hours", "Hrs",
          option="{1}"),
        Q(r"Scheduler \((Large)\)", "environment", "additional_scheduler_hours", "Hrs",
          option="{1}"),
        U(r"Meta database", "environment", "meta_database_storage", "GB-Mo"),
    ])],
    "directoryservice.csv": [("directory_service_directory", "us-east-1", [
        Q(r"Directory service \((Microsoft AD|Simple AD|AD Connector), (Standard|Enterprise|Small|"
          r"Large)\)", "directory", "domain_controller_hours", "Hrs", option="{1} {2}",
          hours=730),
    ])],
    "cloudfront_functions.csv": [("cloudfront_function", "us-east-1", [
        Q(r"Total number of invocations", "function", "invocations", "Invocations"),
    ])],
    "backup.csv": [("backup_vault", "us-west-1", [
        U(r"(EBS snapshot|RDS snapshot|Aurora snapshot|DynamoDB backup|EFS backup \(warm\)|"
          r"EFS backup \(cold\)|FSx for Windows backup|FSx for Lustre backup)", "vault",
          "backup_storage", "GB-Mo", option="{1}"),
        U(r"(DynamoDB restore|EFS restore \(warm\)|EFS restore \(cold\))", "vault", "restore",
          "GB", option="{1}"),
        U(r"EFS restore \(item-level\)", "vault", "item_level_restore", "Requests",
          option="EFS"),
    ])],
    "directconnect.csv": [("dx_connection", "us-east-1", [
        # The test's connections are all bandwidth "1Gbps", dedicated, at location EqDC2.
        Q(r"DX connection", "dedicated_connection", "port_hours", "Hrs", option="1Gbps"),
        Q(r"Outbound data transfer \(from us-east-1, to EqDC2\)", "dedicated_connection",
          "data_transfer_out", "GB", option="EqDC2"),
    ])],
    "fsx.csv": [
        # The test's file systems are all deployment_type MULTI_AZ_1 (Windows) and
        # SINGLE_AZ_1 (OpenZFS); the option says so.
        ("fsx_windows_file_system", "us-east-1", [
            Q(r"(HDD|SSD) storage", "windows", "storage", "GB-Mo", option="multi_az_1_{1}"),
            Q(r"Throughput capacity", "windows", "throughput_capacity", "MBps-Mo",
              option="multi_az_1"),
            U(r"Backup storage", "windows", "backup_storage", "GB-Mo"),
        ]),
        ("fsx_openzfs_file_system", "us-east-1", [
            Q(r"SSD storage", "openzfs", "storage", "GB-Mo", option="single_az_1_ssd"),
            Q(r"Provisioned IOPS", "openzfs", "provisioned_iops", "IOPS-Mo", option="single_az_1"),
            Q(r"Throughput capacity", "openzfs", "throughput_capacity", "MBps-Mo",
              option="single_az_1"),
            U(r"Backup storage", "openzfs", "backup_storage", "GB-Mo"),
        ]),
    ],
    "kinesisanalytics.csv": [("kinesisanalyticsv2_application", "eu-west-2", [
        U(r"Processing \(stream\)", "application", "kpu_hours", "KPU-Hr", hours=730),
        U(r"Running storage", "application", "running_storage", "GB-Mo"),
        U(r"Backup", "application", "backup_storage", "GB-Mo"),
    ])],
}
