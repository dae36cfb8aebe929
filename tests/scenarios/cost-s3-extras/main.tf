# S3 objects priced by their storage class (the size comes from usage:
# usage/cost-s3-extras.json), and the bucket features billed per object:
# Storage Class Analysis, Inventory and Intelligent-Tiering monitoring (a
# disabled configuration is free).
resource "aws_s3_bucket" "data" {
  bucket = "circuit-cost-s3-extras"
}

resource "aws_s3_object" "backup" {
  bucket = aws_s3_bucket.data.id
  key    = "backup.tar"
  source = "/dev/null"
}

resource "aws_s3_object" "archive" {
  bucket        = aws_s3_bucket.data.id
  key           = "archive.tar"
  source        = "/dev/null"
  storage_class = "GLACIER_IR"
}

resource "aws_s3_object" "cold" {
  bucket        = aws_s3_bucket.data.id
  key           = "cold.tar"
  source        = "/dev/null"
  storage_class = "DEEP_ARCHIVE"
}

resource "aws_s3_bucket_object" "legacy" {
  bucket        = aws_s3_bucket.data.id
  key           = "legacy.bin"
  content       = "legacy"
  storage_class = "REDUCED_REDUNDANCY"
}

resource "aws_s3_bucket_analytics_configuration" "all" {
  bucket = aws_s3_bucket.data.id
  name   = "all"
}

resource "aws_s3_bucket_inventory" "daily" {
  bucket                   = aws_s3_bucket.data.id
  name                     = "daily"
  included_object_versions = "All"
  schedule {
    frequency = "Daily"
  }
  destination {
    bucket {
      format     = "CSV"
      bucket_arn = "arn:aws:s3:::circuit-inventory"
    }
  }
}

resource "aws_s3_bucket_intelligent_tiering_configuration" "on" {
  bucket = aws_s3_bucket.data.id
  name   = "on"
  tiering {
    access_tier = "ARCHIVE_ACCESS"
    days        = 90
  }
}

resource "aws_s3_bucket_intelligent_tiering_configuration" "off" {
  bucket = aws_s3_bucket.data.id
  name   = "off"
  status = "Disabled"
  tiering {
    access_tier = "DEEP_ARCHIVE_ACCESS"
    days        = 180
  }
}

# A directory bucket (S3 Express One Zone): storage, requests and the data
# beyond 512 KB a request, from usage.
resource "aws_s3_directory_bucket" "fast" {
  bucket = "circuit-fast--use1-az4--x-s3"
  location {
    name = "use1-az4"
  }
}
