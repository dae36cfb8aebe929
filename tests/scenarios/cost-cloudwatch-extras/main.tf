# CloudWatch (issue 10), eu-west-1: a dashboard (one price for all regions),
# a composite alarm, VPC flow logs to CloudWatch Logs (crossing the 10 TB
# tier), S3 (one in Parquet) and Firehose (usage), and Synthetics canaries on rate() and
# cron() schedules.
resource "aws_cloudwatch_dashboard" "ops" {
  dashboard_name = "ops"
  dashboard_body = jsonencode({ widgets = [] })
}

resource "aws_cloudwatch_composite_alarm" "service" {
  alarm_name = "service"
  alarm_rule = "ALARM(\"cpu\") OR ALARM(\"errors\")"
}

resource "aws_flow_log" "to_logs" {
  vpc_id          = "vpc-0123456789abcdef0"
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:123456789012:log-group:flow"
  iam_role_arn    = "arn:aws:iam::123456789012:role/flow"
}

resource "aws_flow_log" "to_s3" {
  vpc_id               = "vpc-0123456789abcdef0"
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs"
}

resource "aws_flow_log" "to_s3_parquet" {
  vpc_id               = "vpc-0123456789abcdef0"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs-parquet"
  destination_options {
    file_format = "parquet"
  }
}

resource "aws_flow_log" "to_firehose" {
  vpc_id               = "vpc-0123456789abcdef0"
  traffic_type         = "ALL"
  log_destination_type = "kinesis-data-firehose"
  log_destination      = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/flow"
}

resource "aws_synthetics_canary" "home" {
  name                 = "home"
  artifact_s3_location = "s3://canary-artifacts/"
  execution_role_arn   = "arn:aws:iam::123456789012:role/canary"
  handler              = "index.handler"
  zip_file             = "canary.zip"
  runtime_version      = "syn-nodejs-puppeteer-9.1"
  schedule {
    expression = "rate(5 minutes)"
  }
}

resource "aws_synthetics_canary" "nightly" {
  name                 = "nightly"
  artifact_s3_location = "s3://canary-artifacts/"
  execution_role_arn   = "arn:aws:iam::123456789012:role/canary"
  handler              = "index.handler"
  zip_file             = "canary.zip"
  runtime_version      = "syn-nodejs-puppeteer-9.1"
  schedule {
    expression = "cron(0 2 * * ? *)"
  }
}
