# A serverless API: an HTTP API Gateway in front of an arm64 Lambda, DynamoDB on demand with PITR, an uploads bucket with versioning, encryption and a public access block, an SQS queue and a rotated secret, in us-east-1.
resource "aws_kms_key" "app" {
  description         = "orders-api data"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.app.arn
  }
  deletion_protection_enabled = true
}

resource "aws_s3_bucket" "uploads" {
  bucket = "orders-api-uploads-123456789012"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.app.arn
    }
  }
}

resource "aws_sqs_queue" "events" {
  name                       = "orders-events"
  visibility_timeout_seconds = 60
  kms_master_key_id          = aws_kms_key.app.arn
}

resource "aws_secretsmanager_secret" "payments" {
  name       = "orders-api/payments"
  kms_key_id = aws_kms_key.app.arn
}

resource "aws_secretsmanager_secret_rotation" "payments" {
  secret_id           = aws_secretsmanager_secret.payments.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:payments-key-rotation"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_iam_role" "api" {
  name = "orders-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "api" {
  name = "orders-api"
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
        Resource = aws_dynamodb_table.orders.arn
      },
      {
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:GetObject"]
        Resource = "${aws_s3_bucket.uploads.arn}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = aws_sqs_queue.events.arn
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/lambda/orders-api"
  retention_in_days = 14
  kms_key_id        = aws_kms_key.app.arn
}

resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  role          = aws_iam_role.api.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  s3_bucket     = "orders-api-artifacts"
  s3_key        = "orders-api/2.3.0.zip"
  memory_size   = 1024
  timeout       = 15
  architectures = ["arm64"]
  ephemeral_storage {
    size = 1024
  }
  tracing_config {
    mode = "Active"
  }
  environment {
    variables = {
      TABLE_NAME         = aws_dynamodb_table.orders.name
      QUEUE_URL          = aws_sqs_queue.events.url
      PAYMENTS_SECRET_ID = aws_secretsmanager_secret.payments.arn
    }
  }
  depends_on = [aws_cloudwatch_log_group.api]
}

resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "api" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.api.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "any" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /{proxy+}"
  target    = "integrations/${aws_apigatewayv2_integration.api.id}"
}

resource "aws_apigatewayv2_stage" "live" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_lambda_permission" "apigw" {
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}
