# MWAA in eu-west-1: a mw1.medium environment (additional workers, schedulers
# and meta database from usage/cost-mwaa.json) and one left at the default class.
resource "aws_mwaa_environment" "main" {
  name               = "main"
  environment_class  = "mw1.medium"
  dag_s3_path        = "dags/"
  execution_role_arn = "arn:aws:iam::123456789012:role/mwaa"
  source_bucket_arn  = "arn:aws:s3:::circuit-mwaa"
  network_configuration {
    security_group_ids = ["sg-0123456789abcdef0"]
    subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_mwaa_environment" "small" {
  name               = "small"
  dag_s3_path        = "dags/"
  execution_role_arn = "arn:aws:iam::123456789012:role/mwaa"
  source_bucket_arn  = "arn:aws:s3:::circuit-mwaa"
  network_configuration {
    security_group_ids = ["sg-0123456789abcdef0"]
    subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}
