# SQS queues (issue 10): a standard queue whose usage crosses AWS's first
# two request tiers (100 billion a month) in eu-west-2, where the Bulk
# price list gives all three, and a FIFO queue with 128 KB messages (two
# 64 KB chunks per request).
resource "aws_sqs_queue" "events" {
  name = "events"
}

resource "aws_sqs_queue" "orders" {
  name                        = "orders.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
}
