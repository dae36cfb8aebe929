# Audit and key rules, bad beside good: CloudTrail trails (one region, no
# log validation, no KMS key, no CloudWatch Logs, logging stopped), KMS keys
# (rotation, key policy open to anyone), public hosted zones without DNSSEC
# or query logging (and a private zone, which needs neither), an alarm whose
# actions are off, GuardDuty off, and SecureString parameters on the
# AWS-managed key.

resource "aws_cloudtrail" "weak" {
  name           = "weak"
  s3_bucket_name = "circuit-trail-logs"
  enable_logging = false
}

resource "aws_kms_key" "trail" {
  description         = "trail key"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/strong"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.trail.arn
}

resource "aws_cloudtrail" "strong" {
  name                          = "strong"
  s3_bucket_name                = "circuit-trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.trail.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::123456789012:role/trail-to-logs"
}

resource "aws_kms_key" "no_rotation" {
  description = "never rotated"
}

# Asymmetric keys cannot rotate: not a finding.
resource "aws_kms_key" "signing" {
  description              = "DNSSEC signing"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "kms:*", Resource = "*" },
      {
        Sid = "Route53", Effect = "Allow", Principal = { Service = "dnssec-route53.amazonaws.com" }
        Action = ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"], Resource = "*"
        Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
      },
    ]
  })
}

resource "aws_kms_key" "open_policy" {
  description         = "anyone may use it"
  enable_key_rotation = true
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}

resource "aws_route53_zone" "unsigned" {
  name = "unsigned.example.com"
}

resource "aws_route53_zone" "signed" {
  name = "signed.example.com"
}

resource "aws_route53_key_signing_key" "signed" {
  hosted_zone_id             = aws_route53_zone.signed.zone_id
  key_management_service_arn = aws_kms_key.signing.arn
  name                       = "signed"
}

resource "aws_route53_hosted_zone_dnssec" "signed" {
  hosted_zone_id = aws_route53_key_signing_key.signed.hosted_zone_id
}

resource "aws_cloudwatch_log_group" "dns" {
  name              = "/aws/route53/signed.example.com"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.trail.arn
}

resource "aws_route53_query_log" "signed" {
  zone_id                  = aws_route53_zone.signed.zone_id
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.dns.arn
}

resource "aws_route53_zone" "internal" {
  name = "internal.example"
  vpc {
    vpc_id = "vpc-0a1b2c3d4e5f60718"
  }
}

resource "aws_cloudwatch_metric_alarm" "muted" {
  alarm_name          = "cpu-high-muted"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 300
  statistic           = "Average"
  threshold           = 80
  actions_enabled     = false
}

resource "aws_cloudwatch_metric_alarm" "paging" {
  alarm_name          = "cpu-high"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 300
  statistic           = "Average"
  threshold           = 80
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:oncall"]
}

resource "aws_guardduty_detector" "off" {
  enable = false
}

resource "aws_guardduty_detector" "on" {
  enable = true
}

resource "aws_ssm_parameter" "default_key" {
  name  = "/app/api-token"
  type  = "SecureString"
  value = "placeholder"
}

resource "aws_ssm_parameter" "own_key" {
  name   = "/app/db-url"
  type   = "SecureString"
  value  = "placeholder"
  key_id = aws_kms_key.trail.arn
}

resource "aws_ssm_parameter" "plain" {
  name  = "/app/region"
  type  = "String"
  value = "us-east-1"
}
