# Managed Service for Apache Flink (issue 10), in eu-west-2, the one region
# the stored prices cover: a Flink application (KPUs from usage plus the
# orchestration KPU, running storage, backups), a snapshot of it, and a legacy
# SQL application.
resource "aws_kinesisanalyticsv2_application" "enrich" {
  name                   = "enrich"
  runtime_environment    = "FLINK-1_18"
  service_execution_role = "arn:aws:iam::123456789012:role/flink"
}

resource "aws_kinesis_analytics_application" "legacy" {
  name = "legacy"
}

resource "aws_kinesisanalyticsv2_application_snapshot" "release" {
  application_name = aws_kinesisanalyticsv2_application.enrich.name
  snapshot_name    = "release"
}
