# Serverless and API rules, bad beside good: Lambda tracing and dead-letter
# queues, invoke permissions (anyone, a service without source_arn),
# function URLs without auth, API Gateway stages without access logs or
# tracing, methods without authorization, a custom domain on TLS 1.0, and
# Amazon MQ brokers that are public or do not audit.

resource "aws_lambda_function" "bare" {
  function_name = "bare"
  role          = "arn:aws:iam::123456789012:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "circuit-artifacts"
  s3_key        = "bare.zip"
}

resource "aws_lambda_function" "traced" {
  function_name = "traced"
  role          = "arn:aws:iam::123456789012:role/lambda"
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "circuit-artifacts"
  s3_key        = "traced.zip"
  tracing_config {
    mode = "Active"
  }
  dead_letter_config {
    target_arn = "arn:aws:sqs:us-east-1:123456789012:traced-dlq"
  }
}

resource "aws_lambda_permission" "anyone" {
  statement_id  = "anyone"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.bare.function_name
  principal     = "*"
}

resource "aws_lambda_permission" "any_bucket" {
  statement_id  = "s3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.bare.function_name
  principal     = "s3.amazonaws.com"
}

resource "aws_lambda_permission" "one_bucket" {
  statement_id   = "s3-uploads"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.traced.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::circuit-uploads"
  source_account = "123456789012"
}

resource "aws_lambda_function_url" "open" {
  function_name      = aws_lambda_function.bare.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function_url" "iam" {
  function_name      = aws_lambda_function.traced.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_api_gateway_rest_api" "api" {
  name = "orders"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "open" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "iam" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "keyed" {
  rest_api_id      = aws_api_gateway_rest_api.api.id
  resource_id      = aws_api_gateway_resource.orders.id
  http_method      = "PUT"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_method" "preflight" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "quiet" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "quiet"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/apigateway/orders"
  retention_in_days = 30
}

resource "aws_api_gateway_stage" "observed" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.api.id
  stage_name           = "observed"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId $context.status"
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http-api"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "quiet" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "quiet"
}

resource "aws_apigatewayv2_stage" "observed" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "observed"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_domain_name" "old_tls" {
  domain_name              = "old.example.com"
  regional_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
  security_policy          = "TLS_1_0"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "tls12" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_mq_broker" "public" {
  broker_name         = "queue-public"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = true
  user {
    username = "app"
    password = "placeholder-pw-1"
  }
}

resource "aws_mq_broker" "private" {
  broker_name        = "queue-private"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.t3.micro"
  subnet_ids         = ["subnet-0a1b2c3d4e5f60718"]
  security_groups    = ["sg-0a1b2c3d4e5f60718"]
  logs {
    audit   = true
    general = true
  }
  user {
    username = "app"
    password = "placeholder-pw-2"
  }
}
