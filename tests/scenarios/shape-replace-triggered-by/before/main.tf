# The configuration as it was applied; scripts/scenarios.sh state makes ../state.tfstate from it.
resource "terraform_data" "release" {
  input = "2024.10.1"
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
