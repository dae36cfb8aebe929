# Tainted and deposed objects from a prior state: a tainted instance is replaced (replace_because_tainted) and a deposed object left by an interrupted create_before_destroy is destroyed, while the current worker stays.
resource "aws_instance" "api" {
  ami           = "ami-0da1000000000000a"
  instance_type = "c6i.large"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  tags = { Name = "api" }
}

resource "aws_instance" "worker" {
  ami           = "ami-0da1000000000000a"
  instance_type = "c6i.xlarge"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  tags = { Name = "worker" }
  lifecycle {
    create_before_destroy = true
  }
}
