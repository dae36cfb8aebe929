# ECS container rules, a bad task definition beside a good one: EFS volumes without encryption in transit, containers without a health check, without CPU or memory limits, privileged, with a secret in the plain environment, and without shipped logs.
resource "aws_ecs_task_definition" "bad" {
  family                   = "rules-bad"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  volume {
    name = "shared"
    efs_volume_configuration {
      file_system_id = "fs-0bad0000000000001"
      root_directory = "/"
    }
  }
  container_definitions = jsonencode([{
    name        = "app"
    image       = "example/app:latest"
    essential   = true
    privileged  = true
    environment = [{ name = "DB_PASSWORD", value = "hunter2-not-a-secret" }, { name = "LOG_LEVEL", value = "debug" }]
    mountPoints = [{ sourceVolume = "shared", containerPath = "/data" }]
  }])
}

resource "aws_ecs_task_definition" "good" {
  family                   = "rules-good"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  volume {
    name = "shared"
    efs_volume_configuration {
      file_system_id     = "fs-0900d000000000001"
      transit_encryption = "ENABLED"
    }
  }
  container_definitions = jsonencode([{
    name        = "app"
    image       = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:3.1.4"
    essential   = true
    cpu         = 512
    memory      = 1024
    environment = [{ name = "LOG_LEVEL", value = "info" }, { name = "DB_PASSWORD_SECRET_ARN", value = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf" }]
    secrets     = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf" }]
    mountPoints = [{ sourceVolume = "shared", containerPath = "/data" }]
    healthCheck = { command = ["CMD-SHELL", "curl -fs http://localhost/health || exit 1"], interval = 30, retries = 3 }
    logConfiguration = {
      logDriver = "awslogs"
      options   = { awslogs-group = "/ecs/good", awslogs-region = "us-east-1", awslogs-stream-prefix = "app" }
    }
  }])
}
