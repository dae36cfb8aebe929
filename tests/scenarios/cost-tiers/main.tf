# Prices AWS bills in tiers (issue 10): Lambda duration (GB-seconds) and VPC
# interface endpoint data processing cross several tiers with the usage in
# usage.json; a CloudWatch alarm on a 30-second metric and one reading a
# 10-second metric through metric_query are high resolution.
resource "aws_lambda_function" "batch" {
  function_name = "batch"
  role          = "arn:aws:iam::123456789012:role/lambda"
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/batch:1"
  memory_size   = 1024
}

resource "aws_vpc_endpoint" "s3_interface" {
  vpc_id            = "vpc-0123456789abcdef0"
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-0123456789abcdef0"]
}

resource "aws_cloudwatch_metric_alarm" "fast" {
  alarm_name          = "fast"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 30
  statistic           = "Average"
  threshold           = 80
}

resource "aws_cloudwatch_metric_alarm" "query" {
  alarm_name          = "query"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  threshold           = 80
  metric_query {
    id          = "e1"
    expression  = "m1 * 2"
    return_data = true
  }
  metric_query {
    id = "m1"
    metric {
      metric_name = "Latency"
      namespace   = "AWS/ApplicationELB"
      period      = 10
      stat        = "Average"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "standard" {
  alarm_name          = "standard"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 60
  statistic           = "Average"
  threshold           = 80
}
