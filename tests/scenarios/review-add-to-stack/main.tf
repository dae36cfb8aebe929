# An existing stack (state.tfstate holds every resource below but the
# scaling policy, exactly as configured, so the plan leaves them unchanged)
# and one new resource: a scaling policy for the existing Auto Scaling group.
# The stack carries problems that already exist (SSH and PostgreSQL open to
# the internet, logs kept forever, buckets without versioning): the review counts them and
# does not judge them as part of this change.  IDs are literals so the
# stack's state needs no cross-references.

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
  tags       = { Name = "stack" }
}

resource "aws_subnet" "private" {
  count             = 12
  vpc_id            = "vpc-0a1b2c3d4e5f60001"
  cidr_block        = "10.20.${count.index}.0/24"
  availability_zone = element(["us-east-1a", "us-east-1b", "us-east-1c"], count.index)
  tags              = { Name = "private-${count.index}" }
}

resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = "vpc-0a1b2c3d4e5f60001"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0a1b2c3d4e5f60001"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_cloudwatch_log_group" "app" {
  count = 40
  name  = "/stack/app-${count.index}"
}

resource "aws_s3_bucket" "data" {
  count  = 8
  bucket = "stack-data-${count.index}-0a1b2c3d"
}

resource "aws_sqs_queue" "jobs" {
  count = 16
  name  = "stack-jobs-${count.index}"
}

resource "aws_iam_role" "app" {
  count = 16
  name  = "stack-app-${count.index}"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_launch_template" "web" {
  name          = "stack-web"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.small"
}

resource "aws_autoscaling_group" "web" {
  name                = "stack-web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60001"
    version = "$Latest"
  }
}

# The change: scale the existing group on CPU.
resource "aws_autoscaling_policy" "cpu" {
  name                   = "stack-web-cpu"
  autoscaling_group_name = aws_autoscaling_group.web.name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
    target_value = 60
  }
}
