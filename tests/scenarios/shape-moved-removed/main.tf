# moved and removed blocks from a prior state: a bucket renamed, a queue moved into a module, a count instance turned into a single resource (moved and updated), a role forgotten with removed (destroy = false) and a parameter removed and destroyed.
resource "aws_s3_bucket" "audit_logs" {
  bucket = "moved-audit-logs-123456789012"
}

moved {
  from = aws_s3_bucket.logs
  to   = aws_s3_bucket.audit_logs
}

module "queue" {
  source = "./modules/queue"
  name   = "moved-jobs"
}

moved {
  from = aws_sqs_queue.jobs
  to   = module.queue.aws_sqs_queue.this
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/moved/app"
  retention_in_days = 90
}

moved {
  from = aws_cloudwatch_log_group.app[0]
  to   = aws_cloudwatch_log_group.app
}

removed {
  from = aws_iam_role.legacy
  lifecycle {
    destroy = false
  }
}

removed {
  from = aws_ssm_parameter.flag
  lifecycle {
    destroy = true
  }
}
