# ECS on EC2: a cluster whose capacity provider is an Auto Scaling group of Graviton instances from a launch template; the service is priced through its instances, in eu-west-1.
resource "aws_iam_instance_profile" "ecs" {
  name = "jobs-ecs-instance"
  role = "jobs-ecs-instance"
}

resource "aws_launch_template" "ecs" {
  name_prefix   = "jobs-ecs-"
  image_id      = "ami-0ec5000000000000a"
  instance_type = "c7g.xlarge"
  iam_instance_profile {
    arn = aws_iam_instance_profile.ecs.arn
  }
  metadata_options {
    http_tokens = "required"
  }
  user_data = base64encode("#!/bin/bash\necho ECS_CLUSTER=jobs >> /etc/ecs/ecs.config\n")
}

resource "aws_autoscaling_group" "ecs" {
  name                  = "jobs-ecs"
  min_size              = 2
  max_size              = 10
  vpc_zone_identifier   = ["subnet-0ec50000000000001", "subnet-0ec50000000000002"]
  protect_from_scale_in = true
  launch_template {
    id      = aws_launch_template.ecs.id
    version = "$Latest"
  }
  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }
}

resource "aws_ecs_capacity_provider" "ecs" {
  name = "jobs-ec2"
  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.ecs.arn
    managed_termination_protection = "ENABLED"
    managed_scaling {
      status          = "ENABLED"
      target_capacity = 90
    }
  }
}

resource "aws_ecs_cluster" "jobs" {
  name = "jobs"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "jobs" {
  cluster_name       = aws_ecs_cluster.jobs.name
  capacity_providers = [aws_ecs_capacity_provider.ecs.name]
  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.ecs.name
    weight            = 1
  }
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "jobs-worker"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  container_definitions = jsonencode([{
    name              = "worker"
    image             = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/jobs-worker:7.0.3"
    essential         = true
    cpu               = 1024
    memoryReservation = 1536
    healthCheck       = { command = ["CMD", "/bin/worker", "health"] }
    logConfiguration = {
      logDriver = "awslogs"
      options   = { awslogs-group = "/ecs/jobs", awslogs-region = "eu-west-1", awslogs-stream-prefix = "worker" }
    }
  }])
}

resource "aws_ecs_service" "worker" {
  name            = "jobs-worker"
  cluster         = aws_ecs_cluster.jobs.id
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = 4
  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.ecs.name
    weight            = 1
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }
}

resource "aws_appautoscaling_target" "worker" {
  service_namespace  = "ecs"
  resource_id        = "service/jobs/jobs-worker"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 4
  max_capacity       = 20
}

resource "aws_cloudwatch_log_group" "jobs" {
  name              = "/ecs/jobs"
  retention_in_days = 30
  kms_key_id        = "arn:aws:kms:eu-west-1:123456789012:key/2e3d4c5b-0000-4a6b-9c8d-1e2f3a4b5c6d"
}
