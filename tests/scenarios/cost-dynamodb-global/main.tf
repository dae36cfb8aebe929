# DynamoDB global tables and Kinesis destinations (issue 10): a replica of a
# provisioned table (replicated WCU-hours from the table's write capacity),
# a replica of an on-demand table (replicated writes from usage), and a
# Kinesis Data Streams destination (change data capture units from usage).
resource "aws_dynamodb_table" "orders" {
  name             = "orders"
  billing_mode     = "PROVISIONED"
  read_capacity    = 10
  write_capacity   = 20
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  lifecycle {
    ignore_changes = [replica]
  }
}

resource "aws_dynamodb_table_replica" "orders_eu" {
  provider         = aws.replica
  global_table_arn = aws_dynamodb_table.orders.arn
}

resource "aws_dynamodb_table" "events" {
  name             = "events"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "id"
    type = "S"
  }

  lifecycle {
    ignore_changes = [replica]
  }
}

resource "aws_dynamodb_table_replica" "events_eu" {
  provider         = aws.replica
  global_table_arn = aws_dynamodb_table.events.arn
}

resource "aws_kinesis_stream" "changes" {
  name = "changes"

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_dynamodb_kinesis_streaming_destination" "events" {
  table_name = aws_dynamodb_table.events.name
  stream_arn = aws_kinesis_stream.changes.arn
}
