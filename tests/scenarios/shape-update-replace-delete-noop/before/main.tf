# The configuration as it was applied; scripts/scenarios.sh state makes ../state.tfstate from it.
resource "aws_ecs_cluster" "app" {
  name = "deploy"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "deploy-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  container_definitions = jsonencode([{
    name             = "app"
    image            = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:2.4.0"
    essential        = true
    environment      = [{ name = "FEATURE_FLAGS", value = "search" }]
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/deploy", awslogs-region = "us-east-1", awslogs-stream-prefix = "app" } }
  }])
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = aws_ecs_cluster.app.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  launch_type     = "FARGATE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets = ["subnet-0de9100000000000a"]
  }
}

resource "aws_instance" "batch" {
  ami           = "ami-0de91000000000001"
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_size = 20
    volume_type = "gp3"
    encrypted   = true
  }
  tags = { Name = "batch" }
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "us-east-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
}

resource "aws_security_group" "legacy" {
  name   = "deploy-legacy"
  vpc_id = "vpc-0de9100000000000b"
}

resource "aws_iam_role" "task" {
  name = "deploy-task"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
