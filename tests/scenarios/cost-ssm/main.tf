# Systems Manager (issue 10): a standard parameter is free, an advanced one
# costs a parameter-month, one with higher throughput (usage) pays its API
# interactions; Intelligent-Tiering is not priced unless usage says the tier;
# an activation is free in the standard instance tier and billed per
# instance-hour in the advanced one (usage).
resource "aws_ssm_parameter" "standard" {
  name  = "/app/standard"
  type  = "String"
  value = "a"
}

resource "aws_ssm_parameter" "advanced" {
  name  = "/app/advanced"
  type  = "String"
  tier  = "Advanced"
  value = "b"
}

resource "aws_ssm_parameter" "busy" {
  name  = "/app/busy"
  type  = "String"
  value = "c"
}

resource "aws_ssm_parameter" "intelligent" {
  name  = "/app/intelligent"
  type  = "String"
  tier  = "Intelligent-Tiering"
  value = "d"
}

resource "aws_ssm_activation" "onprem" {
  name               = "onprem"
  iam_role           = "ssm-onprem"
  registration_limit = 10
}

resource "aws_ssm_activation" "basic" {
  name     = "basic"
  iam_role = "ssm-onprem"
}
