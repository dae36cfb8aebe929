# S3 bucket rules, bad beside good: lifecycle (none, and one that never
# aborts incomplete uploads), default encryption without a customer key,
# access logging, public ACLs, and bucket policies that let anyone read or
# write.  "bare" has nothing; "kept" has every companion resource.

resource "aws_s3_bucket" "bare" {
  bucket = "circuit-rules-s3-bare"
}

resource "aws_s3_bucket" "kept" {
  bucket = "circuit-rules-s3-kept"
}

resource "aws_s3_bucket" "logs" {
  bucket = "circuit-rules-s3-logs"
}

resource "aws_kms_key" "s3" {
  description         = "bucket key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_versioning" "kept" {
  bucket = aws_s3_bucket.kept.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "kept" {
  bucket                  = aws_s3_bucket.kept.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kept" {
  bucket = aws_s3_bucket.kept.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}

# Encrypted, but with the S3-managed key: not a customer key.
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_logging" "kept" {
  bucket        = aws_s3_bucket.kept.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "kept/"
}

resource "aws_s3_bucket_lifecycle_configuration" "kept" {
  bucket = aws_s3_bucket.kept.id
  rule {
    id     = "tidy"
    status = "Enabled"
    filter {}
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }
}

# Aborts uploads only under one prefix: the rest of the bucket keeps parts.
resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    id     = "expire-tmp"
    status = "Enabled"
    filter {
      prefix = "tmp/"
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
    expiration {
      days = 30
    }
  }
}

resource "aws_s3_bucket" "site" {
  bucket = "circuit-rules-s3-site"
}

resource "aws_s3_bucket_acl" "public_read" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "public_write" {
  bucket = aws_s3_bucket.bare.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket_acl" "private" {
  bucket = aws_s3_bucket.kept.id
  acl    = "private"
}

resource "aws_s3_bucket_policy" "public_read" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow", Principal = "*", Action = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::circuit-rules-s3-site/*"
    }]
  })
}

resource "aws_s3_bucket_policy" "public_write" {
  bucket = aws_s3_bucket.bare.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow", Principal = { AWS = "*" }, Action = "s3:*"
      Resource  = ["arn:aws:s3:::circuit-rules-s3-bare", "arn:aws:s3:::circuit-rules-s3-bare/*"]
    }]
  })
}

# Public principal narrowed by a condition, plus a named-account statement.
resource "aws_s3_bucket_policy" "kept" {
  bucket = aws_s3_bucket.kept.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow", Principal = "*", Action = "s3:GetObject"
        Resource  = "arn:aws:s3:::circuit-rules-s3-kept/*"
        Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } }
      },
      {
        Effect    = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "s3:PutObject"
        Resource  = "arn:aws:s3:::circuit-rules-s3-kept/*"
      },
    ]
  })
}
