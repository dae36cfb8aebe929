# Lambda provisioned concurrency (issue 10): 10 concurrent executions of a
# 2,048 MB arm64 function for 730 hours, its requests and duration (usage);
# a configuration for a function not in the plan, with memory from usage.
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/lambda"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1"
  memory_size   = 2048
  architectures = ["arm64"]
  publish       = true
}

resource "aws_lambda_provisioned_concurrency_config" "api" {
  function_name                     = aws_lambda_function.api.function_name
  qualifier                         = "1"
  provisioned_concurrent_executions = 10
}

resource "aws_lambda_provisioned_concurrency_config" "other" {
  function_name                     = "other"
  qualifier                         = "live"
  provisioned_concurrent_executions = 2
}
