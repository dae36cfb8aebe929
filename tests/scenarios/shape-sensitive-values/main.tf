# Sensitive values in every place terraform marks them: sensitive variables feeding a database password, an SSM parameter, a secret version, tags and a whole container definition, and attributes the provider itself marks sensitive.
variable "db_password" {
  type      = string
  sensitive = true
  default   = "Sc3nario-DB-Passw0rd-never-print"
}

variable "api_token" {
  type      = string
  sensitive = true
  default   = "sc3nario-api-token-never-print"
}

variable "cost_center" {
  type      = string
  sensitive = true
  default   = "cc-sc3nario-never-print"
}

resource "aws_db_instance" "app" {
  identifier                      = "sensitive-app"
  engine                          = "postgres"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = 20
  username                        = "app"
  password                        = var.db_password
  storage_encrypted               = true
  multi_az                        = true
  backup_retention_period         = 7
  deletion_protection             = true
  final_snapshot_identifier       = "sensitive-app-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_ssm_parameter" "token" {
  name  = "/sensitive/api-token"
  type  = "SecureString"
  value = var.api_token
}

resource "aws_secretsmanager_secret" "db" {
  name       = "sensitive/db"
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/9f8e7d6c-0000-4b5a-8c9d-0e1f2a3b4c5d"
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id     = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({ username = "app", password = var.db_password })
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate-postgres"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_s3_bucket" "reports" {
  bucket = "sensitive-reports-123456789012"
  tags   = { CostCenter = var.cost_center, Team = "finance" }
}

resource "aws_s3_bucket_versioning" "reports" {
  bucket = aws_s3_bucket.reports.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "sensitive-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name             = "worker"
    image            = "123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:1.0.0"
    essential        = true
    environment      = [{ name = "API_TOKEN", value = var.api_token }]
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/worker", awslogs-region = "us-east-1", awslogs-stream-prefix = "w" } }
  }])
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "sensitive-cache"
  description                = "auth token from a sensitive variable"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = "${var.api_token}-redis-0000"
}

output "db_password" {
  value     = var.db_password
  sensitive = true
}
