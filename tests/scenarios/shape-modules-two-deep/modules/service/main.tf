# A Fargate service with its own database (the second module level).
variable "name" { type = string }
variable "cpu" { type = number }
variable "memory" { type = number }
variable "tasks" { type = number }
variable "db_class" { type = string }
variable "subnets" { type = list(string) }

resource "aws_ecs_cluster" "this" {
  name = var.name
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  container_definitions = jsonencode([{
    name             = "app"
    image            = "123456789012.dkr.ecr.us-east-1.amazonaws.com/catalog:5.0.0"
    essential        = true
    environment      = [{ name = "DB_HOST", value = module.database.endpoint }]
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/${var.name}", awslogs-region = "us-east-1", awslogs-stream-prefix = "app" } }
  }])
}

resource "aws_ecs_service" "this" {
  name            = var.name
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.tasks
  launch_type     = "FARGATE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets = var.subnets
  }
}

module "database" {
  source  = "../database"
  name    = var.name
  class   = var.db_class
  subnets = var.subnets
}

output "service_name" {
  value = aws_ecs_service.this.name
}
