# The configuration as it was applied; scripts/scenarios.sh state makes ../state.tfstate from it, and edit.jq taints one instance and leaves a deposed object on the other.
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
