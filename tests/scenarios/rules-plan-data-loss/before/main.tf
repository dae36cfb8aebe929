# The configuration as it was applied; scripts/scenarios.sh state makes ../state.tfstate from it.
resource "aws_db_instance" "legacy" {
  identifier                  = "legacy-reports"
  engine                      = "postgres"
  instance_class              = "db.t3.medium"
  allocated_storage           = 50
  username                    = "reports"
  manage_master_user_password = true
  storage_encrypted           = true
  skip_final_snapshot         = true
  deletion_protection         = false
}

resource "aws_db_instance" "guarded" {
  identifier                  = "billing-main"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 200
  username                    = "billing"
  manage_master_user_password = true
  storage_encrypted           = true
  multi_az                    = true
  deletion_protection         = true
  skip_final_snapshot         = false
  final_snapshot_identifier   = "billing-main-final"
}

resource "aws_s3_bucket" "scratch" {
  bucket        = "data-loss-scratch-123456789012"
  force_destroy = true
}

resource "aws_s3_bucket" "exports" {
  bucket = "data-loss-exports-123456789012"
}

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

resource "aws_security_group" "reports" {
  name   = "legacy-reports"
  vpc_id = "vpc-0da7a1055000000000"
}
