# Cost references that need the instance key: ASGs using launch_configuration[count.index] and launch templates by each.key, ECS services using task definitions by each.key, and Aurora instances in a count, none of them named by a known value, in us-east-1.
locals {
  tiers = {
    small = "t3.small"
    large = "m5.large"
  }
  services = {
    api    = { cpu = 256, memory = 512, count = 2 }
    worker = { cpu = 1024, memory = 2048, count = 1 }
  }
}

resource "aws_launch_configuration" "tier" {
  count         = 2
  name_prefix   = "tier-${count.index}-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = count.index == 0 ? "t3.small" : "m5.large"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    volume_size = 20
    volume_type = "gp3"
    encrypted   = true
  }
}

resource "aws_autoscaling_group" "by_count" {
  count                = 2
  name_prefix          = "by-count-${count.index}-"
  min_size             = 1
  max_size             = 4
  desired_capacity     = 2
  launch_configuration = aws_launch_configuration.tier[count.index].name
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]
}

resource "aws_launch_template" "tier" {
  for_each      = local.tiers
  name_prefix   = "tier-${each.key}-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = each.value
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_autoscaling_group" "by_key" {
  for_each            = local.tiers
  name_prefix         = "by-key-${each.key}-"
  min_size            = 1
  max_size            = 4
  desired_capacity    = 1
  vpc_zone_identifier = ["subnet-0123456789abcdef0"]
  launch_template {
    id      = aws_launch_template.tier[each.key].id
    version = "$Latest"
  }
}

resource "aws_autoscaling_policy" "by_key" {
  for_each               = local.tiers
  name                   = "by-key-${each.key}"
  autoscaling_group_name = aws_autoscaling_group.by_key[each.key].name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    target_value = 50
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}

resource "aws_ecs_task_definition" "svc" {
  for_each                 = local.services
  family                   = "svc-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = each.value.cpu
  memory                   = each.value.memory
  container_definitions = jsonencode([{
    name        = each.key
    image       = "public.ecr.aws/nginx/nginx:1.27"
    essential   = true
    healthCheck = { command = ["CMD-SHELL", "true"] }
    logConfiguration = {
      logDriver = "awslogs"
      options   = { awslogs-group = "/ecs/svc", awslogs-region = "us-east-1", awslogs-stream-prefix = each.key }
    }
  }])
}

resource "aws_ecs_service" "svc" {
  for_each        = local.services
  name            = each.key
  cluster         = "arn:aws:ecs:us-east-1:123456789012:cluster/apps"
  task_definition = aws_ecs_task_definition.svc[each.key].arn
  desired_count   = each.value.count
  launch_type     = "FARGATE"
  network_configuration {
    subnets = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_rds_cluster" "db" {
  count                       = 2
  cluster_identifier_prefix   = "db-${count.index}-"
  engine                      = "aurora-postgresql"
  master_username             = "admin_user"
  manage_master_user_password = true
  storage_encrypted           = true
  storage_type                = count.index == 0 ? "aurora-iopt1" : ""
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "db" {
  count              = 2
  identifier_prefix  = "db-${count.index}-"
  cluster_identifier = aws_rds_cluster.db[count.index].id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}
