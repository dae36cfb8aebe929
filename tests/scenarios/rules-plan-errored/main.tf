# An errored plan: a precondition fails part-way, terraform still writes the plan (errored = true, complete = false) and circuit must say the changes are partial.
variable "environment" {
  type    = string
  default = "prod"
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "errored-artifacts-123456789012"
}

resource "aws_instance" "canary" {
  ami           = "ami-0e77000000000000a"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  lifecycle {
    precondition {
      condition     = aws_s3_bucket.artifacts.bucket == "errored-artifacts-${var.environment}"
      error_message = "the artifacts bucket must be named after the environment"
    }
  }
}
