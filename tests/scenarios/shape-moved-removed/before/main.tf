# The configuration as it was applied; scripts/scenarios.sh state makes ../state.tfstate from it.
resource "aws_s3_bucket" "logs" {
  bucket = "moved-audit-logs-123456789012"
}

resource "aws_sqs_queue" "jobs" {
  name = "moved-jobs"
}

resource "aws_cloudwatch_log_group" "app" {
  count             = 1
  name              = "/moved/app"
  retention_in_days = 30
}

resource "aws_iam_role" "legacy" {
  name = "moved-legacy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_ssm_parameter" "flag" {
  name  = "/moved/flag"
  type  = "String"
  value = "on"
}
