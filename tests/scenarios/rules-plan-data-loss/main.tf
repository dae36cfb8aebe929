# Deletes that lose data, from a prior state: a database with skip_final_snapshot, a bucket with force_destroy, a bucket without it, a database with deletion protection on (the apply will fail), and a stateless security group; the DynamoDB table stays.
resource "aws_dynamodb_table" "sessions" {
  name         = "data-loss-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}
