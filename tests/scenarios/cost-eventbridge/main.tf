# EventBridge (issue 10): a custom bus with custom and third-party events and
# schema discovery (usage); a rule on the default bus matching custom events
# (usage); a scheduled rule is free; an archive's processing and storage.
resource "aws_cloudwatch_event_bus" "orders" {
  name = "orders"
}

resource "aws_cloudwatch_event_rule" "signup" {
  name          = "signup"
  event_pattern = jsonencode({ source = ["app.signup"] })
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly"
  schedule_expression = "cron(0 3 * * ? *)"
}

resource "aws_cloudwatch_event_archive" "orders" {
  name             = "orders"
  event_source_arn = aws_cloudwatch_event_bus.orders.arn
  retention_days   = 30
}
