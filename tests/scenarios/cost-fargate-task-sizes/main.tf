# Cost of Fargate task sizes written every way: cpu and memory as numbers and as strings ("1024"), ARM64 and X86_64, extra ephemeral storage, desired_count from a variable, and a service that runs on Fargate Spot, in eu-west-1.
variable "api_tasks" {
  type    = number
  default = 4
}

resource "aws_ecs_cluster" "main" {
  name = "sizes"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

locals {
  container = {
    essential        = true
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/sizes", awslogs-region = "eu-west-1", awslogs-stream-prefix = "app" } }
  }
}

resource "aws_ecs_task_definition" "numbers" {
  family                   = "sizes-numbers"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  container_definitions    = jsonencode([merge(local.container, { name = "app", image = "public.ecr.aws/nginx/nginx:1.27" })])
}

resource "aws_ecs_task_definition" "strings" {
  family                   = "sizes-strings"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "3072"
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
  ephemeral_storage {
    size_in_gib = 100
  }
  container_definitions = jsonencode([merge(local.container, { name = "app", image = "public.ecr.aws/nginx/nginx:1.27" })])
}

resource "aws_ecs_service" "numbers" {
  name            = "numbers"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.numbers.arn
  desired_count   = var.api_tasks
  launch_type     = "FARGATE"
  network_configuration {
    subnets = ["subnet-0f0f0f0f0f0f0f0f1"]
  }
}

resource "aws_ecs_service" "strings" {
  name            = "strings"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.strings.arn
  desired_count   = "2"
  launch_type     = "FARGATE"
  network_configuration {
    subnets = ["subnet-0f0f0f0f0f0f0f0f1"]
  }
}

resource "aws_ecs_service" "spot" {
  name            = "spot"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.numbers.family
  desired_count   = 3
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  network_configuration {
    subnets = ["subnet-0f0f0f0f0f0f0f0f1"]
  }
}
