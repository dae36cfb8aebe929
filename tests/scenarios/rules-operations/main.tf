# Operations rules, bad beside good: secrets in a Lambda environment, load balancers without access logs, log groups kept forever or without a customer key, secrets without rotation or a customer key, and secret-looking SSM parameters stored as plain text.
resource "aws_lambda_function" "leaky" {
  function_name = "ops-leaky"
  role          = "arn:aws:iam::123456789012:role/ops"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  environment {
    variables = {
      API_KEY   = "sk-not-really-a-key-0000"
      LOG_LEVEL = "debug"
    }
  }
}

resource "aws_lambda_function" "tidy" {
  function_name = "ops-tidy"
  role          = "arn:aws:iam::123456789012:role/ops"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
  environment {
    variables = {
      API_KEY_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ops/api-key-AbCdEf"
      LOG_LEVEL          = "info"
    }
  }
}

resource "aws_lb" "unlogged" {
  name                       = "ops-unlogged"
  load_balancer_type         = "network"
  internal                   = true
  subnets                    = ["subnet-0095000000000000a"]
  enable_deletion_protection = true
}

resource "aws_lb" "logged" {
  name                       = "ops-logged"
  load_balancer_type         = "network"
  internal                   = true
  subnets                    = ["subnet-0095000000000000a"]
  enable_deletion_protection = true
  access_logs {
    bucket  = "ops-lb-logs"
    enabled = true
  }
}

resource "aws_cloudwatch_log_group" "forever" {
  name = "/ops/forever"
}

resource "aws_cloudwatch_log_group" "managed" {
  name              = "/ops/managed"
  retention_in_days = 90
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/6f5e4d3c-0000-4b2a-9c8d-7e6f5a4b3c2d"
}

resource "aws_secretsmanager_secret" "static" {
  name = "ops/static"
}

resource "aws_secretsmanager_secret" "rotated" {
  name       = "ops/rotated"
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/6f5e4d3c-0000-4b2a-9c8d-7e6f5a4b3c2d"
}

resource "aws_secretsmanager_secret_rotation" "rotated" {
  secret_id           = aws_secretsmanager_secret.rotated.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:ops-rotation"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_ssm_parameter" "plain_password" {
  name  = "/ops/db/password"
  type  = "String"
  value = "not-a-real-password"
}

resource "aws_ssm_parameter" "secure_password" {
  name  = "/ops/db/password-secure"
  type  = "SecureString"
  value = "not-a-real-password"
}

resource "aws_ssm_parameter" "plain_setting" {
  name  = "/ops/db/host"
  type  = "String"
  value = "db.internal.example.com"
}
