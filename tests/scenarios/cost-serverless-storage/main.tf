# Cost of usage-priced and flat-rate services: EFS One Zone and provisioned throughput, Lambda on x86 and arm64 with extra ephemeral storage, DynamoDB provisioned and on demand, S3, KMS keys, Secrets Manager, a Route 53 zone, log groups and alarms of each resolution, in us-east-1.
resource "aws_iam_role" "fn" {
  name = "cost-fn"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_lambda_function" "x86" {
  function_name = "cost-x86"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  memory_size   = 256
}

resource "aws_lambda_function" "arm" {
  function_name = "cost-arm"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  memory_size   = 2048
  architectures = ["arm64"]
  ephemeral_storage {
    size = 4096
  }
}

resource "aws_dynamodb_table" "provisioned" {
  name           = "cost-provisioned"
  billing_mode   = "PROVISIONED"
  read_capacity  = 100
  write_capacity = 25
  hash_key       = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_dynamodb_table" "on_demand" {
  name         = "cost-on-demand"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "cost-data-123456789012"
}

resource "aws_efs_file_system" "one_zone" {
  creation_token         = "cost-one-zone"
  availability_zone_name = "us-east-1a"
  encrypted              = true
}

resource "aws_efs_file_system" "provisioned" {
  creation_token                  = "cost-provisioned"
  availability_zone_name          = "us-east-1b"
  encrypted                       = true
  throughput_mode                 = "provisioned"
  provisioned_throughput_in_mibps = 64
}

resource "aws_kms_key" "symmetric" {
  description         = "cost symmetric"
  enable_key_rotation = true
}

resource "aws_kms_key" "asymmetric" {
  description              = "cost signing"
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_secretsmanager_secret" "api_key" {
  name       = "cost/api-key"
  kms_key_id = aws_kms_key.symmetric.arn
}

resource "aws_route53_zone" "internal" {
  name = "internal.example.com"
  vpc {
    vpc_id = "vpc-0c057000000000000"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/cost/app"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.symmetric.arn
}

resource "aws_cloudwatch_metric_alarm" "standard" {
  alarm_name          = "cost-standard"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions          = { FunctionName = aws_lambda_function.x86.function_name }
}

resource "aws_cloudwatch_metric_alarm" "high_resolution" {
  alarm_name          = "cost-high-resolution"
  namespace           = "Custom/App"
  metric_name         = "QueueDepth"
  statistic           = "Maximum"
  period              = 10
  evaluation_periods  = 3
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
}

resource "aws_cloudwatch_metric_alarm" "anomaly" {
  alarm_name          = "cost-anomaly"
  comparison_operator = "GreaterThanUpperThreshold"
  evaluation_periods  = 2
  threshold_metric_id = "band"
  metric_query {
    id          = "band"
    expression  = "ANOMALY_DETECTION_BAND(m1, 2)"
    return_data = true
  }
  metric_query {
    id          = "m1"
    return_data = true
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Duration"
      period      = 300
      stat        = "Average"
      dimensions  = { FunctionName = "cost-arm" }
    }
  }
}
