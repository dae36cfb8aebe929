# Hard-coded provider credentials: one parameter through each provider.
resource "aws_ssm_parameter" "default" {
  name  = "/circuit/default"
  type  = "String"
  value = "a"
}

resource "aws_ssm_parameter" "hardcoded" {
  provider = aws.hardcoded
  name     = "/circuit/hardcoded"
  type     = "String"
  value    = "b"
}

resource "aws_ssm_parameter" "oregon" {
  provider = aws.oregon
  name     = "/circuit/oregon"
  type     = "String"
  value    = "c"
}
