# Protection removed by a change to what exists (prior state in
# state.tfstate): a public access block switched off, another deleted, one
# left as it is; a load balancer's deletion protection turned off, another
# kept on.
resource "aws_s3_bucket_public_access_block" "weakened" {
  bucket                  = "circuit-protect-weakened"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_bucket_public_access_block" "kept" {
  bucket                  = "circuit-protect-kept"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_lb" "unprotected" {
  name                       = "unprotected"
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  drop_invalid_header_fields = true
  enable_deletion_protection = false
}

resource "aws_lb" "protected" {
  name                       = "protected"
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  drop_invalid_header_fields = true
  enable_deletion_protection = true
}
