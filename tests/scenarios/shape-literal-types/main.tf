# Literals written with another type than the schema's: numbers and booleans as strings ("120", "3", "true") and back, variables of type any, and string-typed attributes that hold numbers or booleans (ECS cpu, ElastiCache at_rest_encryption_enabled).
variable "retention" {
  type    = any
  default = "120"
}

variable "tasks" {
  type    = string
  default = "3"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/literal/app"
  retention_in_days = var.retention
  kms_key_id        = "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-0000-4e5f-8a9b-0c1d2e3f4a5b"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "literal-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = "1024"
  container_definitions = jsonencode([{
    name             = "app"
    image            = "public.ecr.aws/nginx/nginx:1.27"
    essential        = true
    cpu              = 512
    memory           = 1024
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/literal/app", awslogs-region = "us-east-1", awslogs-stream-prefix = "app" } }
  }])
}

resource "aws_ecs_service" "app" {
  name            = "literal-app"
  cluster         = "arn:aws:ecs:us-east-1:123456789012:cluster/literal"
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = var.tasks
  launch_type     = "FARGATE"
  deployment_circuit_breaker {
    enable   = "true"
    rollback = "true"
  }
  network_configuration {
    subnets = ["subnet-0117e00000000000a"]
  }
}

resource "aws_appautoscaling_target" "app" {
  service_namespace  = "ecs"
  resource_id        = "service/literal/literal-app"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = "3"
  max_capacity       = "6"
}

resource "aws_db_instance" "app" {
  identifier                      = "literal-app"
  engine                          = "postgres"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = "100"
  storage_type                    = "gp3"
  iops                            = "3000"
  storage_encrypted               = "true"
  username                        = "app"
  manage_master_user_password     = true
  multi_az                        = "true"
  backup_retention_period         = "7"
  deletion_protection             = "true"
  final_snapshot_identifier       = "literal-app-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "literal-cache"
  description                = "booleans written as strings and back"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = "2"
  automatic_failover_enabled = "true"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = "true"
  snapshot_retention_limit   = "5"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = "200"
  type              = "gp3"
  iops              = "6000"
  throughput        = "250"
  encrypted         = "true"
}
