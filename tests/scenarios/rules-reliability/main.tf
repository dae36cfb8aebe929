# Reliability rules, bad beside good: Auto Scaling groups behind a load balancer with EC2 health checks, without a scaling policy, on a launch configuration; mutable, unscanned ECR repositories; target groups with health checks off; load balancers without deletion protection.
resource "aws_launch_template" "app" {
  name          = "reliability-app"
  image_id      = "ami-0e11ab1e00000000a"
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_configuration" "legacy" {
  name          = "reliability-legacy"
  image_id      = "ami-0e11ab1e00000000a"
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_lb" "unprotected" {
  name                       = "reliability-unprotected"
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = ["subnet-0e11ab1e0000000a1", "subnet-0e11ab1e0000000a2"]
  drop_invalid_header_fields = true
}

resource "aws_lb" "protected" {
  name                       = "reliability-protected"
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = ["subnet-0e11ab1e0000000a1", "subnet-0e11ab1e0000000a2"]
  drop_invalid_header_fields = true
  enable_deletion_protection = true
}

resource "aws_lb_target_group" "unchecked" {
  name        = "reliability-unchecked"
  port        = 80
  protocol    = "HTTP"
  target_type = "lambda"
  health_check {
    enabled = false
  }
}

resource "aws_lb_target_group" "checked" {
  name     = "reliability-checked"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-0e11ab1e000000000"
  health_check {
    enabled = true
    path    = "/health"
  }
}

resource "aws_autoscaling_group" "ec2_checks" {
  name                = "reliability-ec2-checks"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0e11ab1e0000000a1"]
  target_group_arns   = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/reliability-checked/0123456789abcdef"]
  health_check_type   = "EC2"
  launch_configuration = aws_launch_configuration.legacy.name
}

resource "aws_autoscaling_group" "elb_checks" {
  name                      = "reliability-elb-checks"
  min_size                  = 2
  max_size                  = 4
  vpc_zone_identifier       = ["subnet-0e11ab1e0000000a1"]
  target_group_arns         = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/reliability-checked/0123456789abcdef"]
  health_check_type         = "ELB"
  health_check_grace_period = 90
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_policy" "elb_checks" {
  name                   = "reliability-cpu"
  autoscaling_group_name = aws_autoscaling_group.elb_checks.name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    target_value = 50
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}

resource "aws_ecr_repository" "loose" {
  name = "reliability-loose"
}

resource "aws_ecr_repository" "strict" {
  name                 = "reliability-strict"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}
