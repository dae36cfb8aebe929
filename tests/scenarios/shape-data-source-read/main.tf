# Data sources planned offline: aws_region, aws_partition and a policy document with known inputs are read at plan time (not in resource_changes), while a policy document that needs a bucket ARN known only after apply is read during apply (action read).
data "aws_region" "current" {}

data "aws_partition" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.${data.aws_partition.current.dns_suffix}"]
    }
  }
}

resource "aws_s3_bucket" "exports" {
  bucket = "data-read-exports-123456789012"
}

data "aws_iam_policy_document" "exports" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.exports.arn}/*"]
  }
}

resource "aws_iam_role" "exporter" {
  name               = "data-read-exporter"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy" "exporter" {
  name   = "exports"
  role   = aws_iam_role.exporter.id
  policy = data.aws_iam_policy_document.exports.json
}

resource "aws_ssm_parameter" "region" {
  name  = "/data-read/region"
  type  = "String"
  value = data.aws_region.current.name
}
