# replace_triggered_by from a prior state: a new release number updates a terraform_data resource (a non-AWS provider), which replaces the instance (replace_by_triggers) and updates the parameter that reads it.
resource "terraform_data" "release" {
  input = "2024.11.0"
}

resource "aws_instance" "app" {
  ami           = "ami-0e1e000000000000a"
  instance_type = "t3.medium"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  lifecycle {
    replace_triggered_by = [terraform_data.release]
  }
}

resource "aws_ssm_parameter" "release" {
  name  = "/app/release"
  type  = "String"
  value = terraform_data.release.output
}
