# Kinesis Data Streams (issue 10): a provisioned stream (shard hours, 48-hour
# retention billed as extended shard hours, PUT units from usage) with an
# enhanced fan-out consumer billed per shard of its stream, and an on-demand
# stream (stream hours, data in and out from usage).
resource "aws_kinesis_stream" "clicks" {
  name             = "clicks"
  shard_count      = 4
  retention_period = 48

  stream_mode_details {
    stream_mode = "PROVISIONED"
  }
}

resource "aws_kinesis_stream_consumer" "analytics" {
  name       = "analytics"
  stream_arn = aws_kinesis_stream.clicks.arn
}

resource "aws_kinesis_stream" "audit" {
  name = "audit"

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}
