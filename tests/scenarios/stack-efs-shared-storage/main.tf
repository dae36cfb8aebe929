# The seed's shared storage: an encrypted EFS file system with IA lifecycle, backups, mount targets in three AZs and an access point, mounted by a Fargate service with encryption in transit, in eu-west-1.
locals {
  subnets = {
    a = "subnet-0c0ffee000000000a"
    b = "subnet-0c0ffee000000000b"
    c = "subnet-0c0ffee000000000c"
  }
}

resource "aws_security_group" "efs" {
  name   = "cms-efs"
  vpc_id = "vpc-0c0ffee0000000000"
  ingress {
    description     = "NFS from the CMS tasks"
    from_port       = 2049
    to_port         = 2049
    protocol        = "tcp"
    security_groups = ["sg-0c0ffee0000000001"]
  }
}

resource "aws_efs_file_system" "media" {
  creation_token   = "cms-media"
  encrypted        = true
  performance_mode = "generalPurpose"
  throughput_mode  = "elastic"
  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
  lifecycle_policy {
    transition_to_primary_storage_class = "AFTER_1_ACCESS"
  }
  tags = { Name = "cms-media" }
}

resource "aws_efs_backup_policy" "media" {
  file_system_id = aws_efs_file_system.media.id
  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_efs_mount_target" "media" {
  for_each        = local.subnets
  file_system_id  = aws_efs_file_system.media.id
  subnet_id       = each.value
  security_groups = [aws_security_group.efs.id]
}

resource "aws_efs_access_point" "uploads" {
  file_system_id = aws_efs_file_system.media.id
  posix_user {
    uid = 1000
    gid = 1000
  }
  root_directory {
    path = "/uploads"
    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "0750"
    }
  }
}

resource "aws_ecs_cluster" "cms" {
  name = "cms"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "cms" {
  name              = "/ecs/cms"
  retention_in_days = 30
  kms_key_id        = "arn:aws:kms:eu-west-1:123456789012:key/1f2e3d4c-0000-4b5a-8c9d-0e1f2a3b4c5d"
}

resource "aws_ecs_task_definition" "cms" {
  family                   = "cms"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }
  volume {
    name = "uploads"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.media.id
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = aws_efs_access_point.uploads.id
        iam             = "ENABLED"
      }
    }
  }
  container_definitions = jsonencode([{
    name        = "cms"
    image       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cms:4.2.1"
    essential   = true
    cpu         = 1024
    memory      = 2048
    mountPoints = [{ sourceVolume = "uploads", containerPath = "/var/www/uploads" }]
    healthCheck = { command = ["CMD-SHELL", "wget -q -O- http://localhost/health || exit 1"] }
    logConfiguration = {
      logDriver = "awslogs"
      options   = { awslogs-group = "/ecs/cms", awslogs-region = "eu-west-1", awslogs-stream-prefix = "cms" }
    }
  }])
}

resource "aws_ecs_service" "cms" {
  name            = "cms"
  cluster         = aws_ecs_cluster.cms.id
  task_definition = aws_ecs_task_definition.cms.arn
  desired_count   = 2
  launch_type     = "FARGATE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration {
    subnets         = values(local.subnets)
    security_groups = ["sg-0c0ffee0000000001"]
  }
}

resource "aws_appautoscaling_target" "cms" {
  service_namespace  = "ecs"
  resource_id        = "service/cms/cms"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 6
}
