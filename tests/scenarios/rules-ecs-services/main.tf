# ECS service and cluster rules, bad beside good: public task IPs, no deployment circuit breaker or no rollback, a single task, no autoscaling, deployments below full capacity, and Container Insights off.
resource "aws_ecs_cluster" "plain" {
  name = "rules-plain"
}

resource "aws_ecs_cluster" "insights_off" {
  name = "rules-insights-off"
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_cluster" "observed" {
  name = "rules-observed"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "rules-app"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name             = "app"
    image            = "public.ecr.aws/nginx/nginx:1.27"
    essential        = true
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/rules", awslogs-region = "us-east-1", awslogs-stream-prefix = "app" } }
  }])
}

resource "aws_ecs_service" "risky" {
  name                               = "risky"
  cluster                            = aws_ecs_cluster.plain.id
  task_definition                    = aws_ecs_task_definition.app.arn
  desired_count                      = 1
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 50
  network_configuration {
    subnets          = ["subnet-0ec5e00000000000a"]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "no_rollback" {
  name            = "no-rollback"
  cluster         = aws_ecs_cluster.observed.id
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 2
  launch_type     = "FARGATE"
  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }
  network_configuration {
    subnets = ["subnet-0ec5e00000000000a"]
  }
}

resource "aws_appautoscaling_target" "no_rollback" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.observed.name}/${aws_ecs_service.no_rollback.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 4
}

resource "aws_ecs_service" "solid" {
  name                               = "solid"
  cluster                            = aws_ecs_cluster.observed.id
  task_definition                    = aws_ecs_task_definition.app.arn
  desired_count                      = 3
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets          = ["subnet-0ec5e00000000000a", "subnet-0ec5e00000000000b"]
    assign_public_ip = false
  }
}

resource "aws_appautoscaling_target" "solid" {
  service_namespace  = "ecs"
  resource_id        = "service/rules-observed/solid"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 3
  max_capacity       = 9
}
