# SNS (issue 10): a standard topic (requests above AWS's first million), a
# FIFO topic (requests and payload), and subscriptions by protocol: HTTPS
# and email cross their free tiers, SQS and Lambda deliveries cost nothing,
# SMS is not priced (per destination country).
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic" "ledger" {
  name                        = "ledger.fifo"
  fifo_topic                  = true
  content_based_deduplication = true
}

resource "aws_sns_topic_subscription" "webhook" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "https"
  endpoint  = "https://hooks.example.com/alerts"
}

resource "aws_sns_topic_subscription" "oncall" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "oncall@example.com"
}

resource "aws_sns_topic_subscription" "queue" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:us-east-1:123456789012:alerts"
}

resource "aws_sns_topic_subscription" "pager" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "sms"
  endpoint  = "+15555550100"
}
