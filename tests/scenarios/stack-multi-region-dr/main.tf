# Disaster recovery across regions: S3 cross-region replication, a DynamoDB global table, a cross-region RDS read replica and Route 53 failover, primary us-east-1 and standby eu-west-1 through a provider alias.
resource "aws_s3_bucket" "primary" {
  bucket = "invoices-primary-123456789012"
}

resource "aws_s3_bucket_versioning" "primary" {
  bucket = aws_s3_bucket.primary.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "primary" {
  bucket                  = aws_s3_bucket.primary.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "replica" {
  provider = aws.dr
  bucket   = "invoices-replica-123456789012"
}

resource "aws_s3_bucket_versioning" "replica" {
  provider = aws.dr
  bucket   = aws_s3_bucket.replica.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "replica" {
  provider                = aws.dr
  bucket                  = aws_s3_bucket.replica.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_iam_role" "replication" {
  name = "invoices-replication"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_s3_bucket_replication_configuration" "primary" {
  bucket     = aws_s3_bucket.primary.id
  role       = aws_iam_role.replication.arn
  depends_on = [aws_s3_bucket_versioning.primary]
  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket        = aws_s3_bucket.replica.arn
      storage_class = "STANDARD_IA"
    }
  }
}

resource "aws_dynamodb_table" "sessions" {
  name             = "sessions"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "id"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
  replica {
    region_name            = "eu-west-1"
    point_in_time_recovery = true
  }
}

resource "aws_db_instance" "billing" {
  identifier                      = "billing"
  engine                          = "mysql"
  engine_version                  = "8.0.39"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  storage_type                    = "gp3"
  storage_encrypted               = true
  username                        = "billing"
  manage_master_user_password     = true
  multi_az                        = true
  backup_retention_period         = 7
  deletion_protection             = true
  final_snapshot_identifier       = "billing-final"
  enabled_cloudwatch_logs_exports = ["error", "slowquery"]
}

resource "aws_db_instance" "billing_dr" {
  provider                        = aws.dr
  identifier                      = "billing-dr"
  multi_az                        = false
  replicate_source_db             = aws_db_instance.billing.arn
  instance_class                  = "db.m6g.large"
  storage_type                    = "gp3"
  storage_encrypted               = true
  kms_key_id                      = "arn:aws:kms:eu-west-1:123456789012:key/5a4b3c2d-0000-4e1f-8a9b-0c1d2e3f4a5b"
  deletion_protection             = true
  skip_final_snapshot             = true
  enabled_cloudwatch_logs_exports = ["error"]
}

resource "aws_route53_health_check" "primary" {
  fqdn              = "api-use1.example.net"
  port              = 443
  type              = "HTTPS"
  resource_path     = "/health"
  failure_threshold = 3
  request_interval  = 30
}

resource "aws_route53_zone" "main" {
  name = "example.net"
}

resource "aws_route53_record" "api_primary" {
  zone_id         = aws_route53_zone.main.zone_id
  name            = "api.example.net"
  type            = "CNAME"
  ttl             = 60
  records         = ["api-use1.example.net"]
  set_identifier  = "primary"
  health_check_id = aws_route53_health_check.primary.id
  failover_routing_policy {
    type = "PRIMARY"
  }
}

resource "aws_route53_record" "api_secondary" {
  zone_id        = aws_route53_zone.main.zone_id
  name           = "api.example.net"
  type           = "CNAME"
  ttl            = 60
  records        = ["api-euw1.example.net"]
  set_identifier = "secondary"
  failover_routing_policy {
    type = "SECONDARY"
  }
}
