# The seed's Aurora database: an I/O-Optimized Aurora PostgreSQL cluster with two instances in two AZs, an RDS Proxy in front for Lambda clients, and a Secrets Manager secret with rotation, in us-east-1.
variable "master_password" {
  type      = string
  sensitive = true
  default   = "not-a-real-password-1234"
}

resource "aws_db_subnet_group" "ledger" {
  name       = "ledger"
  subnet_ids = ["subnet-0f1e2d3c4b5a60001", "subnet-0f1e2d3c4b5a60002"]
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.4"
  storage_type                    = "aurora-iopt1"
  database_name                   = "ledger"
  master_username                 = "ledger_admin"
  master_password                 = var.master_password
  db_subnet_group_name            = aws_db_subnet_group.ledger.name
  storage_encrypted               = true
  backup_retention_period         = 14
  preferred_backup_window         = "03:00-04:00"
  deletion_protection             = true
  skip_final_snapshot             = false
  final_snapshot_identifier       = "ledger-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_rds_cluster_instance" "ledger" {
  count                        = 2
  identifier                   = "ledger-${count.index}"
  cluster_identifier           = aws_rds_cluster.ledger.id
  engine                       = aws_rds_cluster.ledger.engine
  engine_version               = aws_rds_cluster.ledger.engine_version
  instance_class               = "db.r6g.large"
  availability_zone            = ["us-east-1a", "us-east-1b"][count.index]
  performance_insights_enabled = true
  publicly_accessible          = false
}

resource "aws_secretsmanager_secret" "ledger" {
  name       = "ledger/db"
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/8a1b2c3d-0000-4e5f-9a8b-7c6d5e4f3a2b"
}

resource "aws_secretsmanager_secret_version" "ledger" {
  secret_id = aws_secretsmanager_secret.ledger.id
  secret_string = jsonencode({
    username = "ledger_admin"
    password = var.master_password
  })
}

resource "aws_secretsmanager_secret_rotation" "ledger" {
  secret_id           = aws_secretsmanager_secret.ledger.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:secrets-rotation-postgres"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_iam_role" "proxy" {
  name = "ledger-proxy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_db_proxy" "ledger" {
  name                   = "ledger"
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy.arn
  vpc_subnet_ids         = aws_db_subnet_group.ledger.subnet_ids
  require_tls            = true
  idle_client_timeout    = 1800
  auth {
    auth_scheme = "SECRETS"
    iam_auth    = "REQUIRED"
    secret_arn  = aws_secretsmanager_secret.ledger.arn
  }
}

resource "aws_db_proxy_default_target_group" "ledger" {
  db_proxy_name = aws_db_proxy.ledger.name
  connection_pool_config {
    max_connections_percent = 90
  }
}

resource "aws_db_proxy_target" "ledger" {
  db_proxy_name         = aws_db_proxy.ledger.name
  target_group_name     = aws_db_proxy_default_target_group.ledger.name
  db_cluster_identifier = aws_rds_cluster.ledger.id
}

resource "aws_iam_role" "writer" {
  name = "ledger-writer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "writer" {
  function_name = "ledger-writer"
  role          = aws_iam_role.writer.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "writer.zip"
  memory_size   = 512
  timeout       = 10
  architectures = ["arm64"]
  environment {
    variables = {
      DB_HOST       = aws_db_proxy.ledger.endpoint
      DB_SECRET_ARN = aws_secretsmanager_secret.ledger.arn
    }
  }
}

resource "aws_cloudwatch_log_group" "writer" {
  name              = "/aws/lambda/ledger-writer"
  retention_in_days = 30
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/8a1b2c3d-0000-4e5f-9a8b-7c6d5e4f3a2b"
}
