# Compute and network rules, bad beside good: security groups and rules
# without descriptions, all egress to the internet, an EKS node group open
# to SSH, the default VPC, instance metadata hop limits, AWS keys in user
# data, a task sharing the host PID namespace, NLB cross-zone, ALB desync
# mitigation, database monitoring and upgrades, CloudFront logging and WAF.
# (AKIAIOSFODNN7EXAMPLE is the example key id from AWS's documentation.)

resource "aws_security_group" "terse" {
  name   = "terse"
  vpc_id = "vpc-0a1b2c3d4e5f60718"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "described" {
  name        = "described"
  description = "HTTPS from the office to the internal API"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"
  ingress {
    description = "HTTPS from the office"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
  egress {
    description = "HTTPS to the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group_rule" "terse" {
  type              = "ingress"
  from_port         = 8443
  to_port           = 8443
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  security_group_id = aws_security_group.described.id
}

resource "aws_vpc_security_group_ingress_rule" "described" {
  security_group_id = aws_security_group.described.id
  description       = "Metrics from the monitoring subnet"
  ip_protocol       = "tcp"
  from_port         = 9100
  to_port           = 9100
  cidr_ipv4         = "10.30.0.0/24"
}

resource "aws_vpc_security_group_egress_rule" "everything" {
  security_group_id = aws_security_group.described.id
  description       = "Anything anywhere"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_eks_node_group" "ssh_anywhere" {
  cluster_name    = "prod"
  node_group_name = "ssh-anywhere"
  node_role_arn   = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718"]
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 2
  }
  remote_access {
    ec2_ssh_key = "ops"
  }
}

resource "aws_eks_node_group" "ssh_from_bastion" {
  cluster_name    = "prod"
  node_group_name = "ssh-from-bastion"
  node_role_arn   = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids      = ["subnet-0a1b2c3d4e5f60718"]
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 2
  }
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  }
}

resource "aws_default_vpc" "default" {}

resource "aws_vpc" "custom" {
  cidr_block = "10.40.0.0/16"
}

resource "aws_launch_template" "two_hops" {
  name          = "two-hops"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data = base64encode(<<-EOT
    #!/bin/sh
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    /opt/app/start
  EOT
  )
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
}

resource "aws_launch_template" "one_hop" {
  name          = "one-hop"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = base64encode("#!/bin/sh\n/opt/app/start\n")
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_ecs_task_definition" "host_pid" {
  family                   = "agent"
  requires_compatibilities = ["EC2"]
  pid_mode                 = "host"
  container_definitions = jsonencode([{
    name = "agent", image = "example/agent:1.0", cpu = 128, memory = 256, essential = true
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/agent", awslogs-region = "us-east-1", awslogs-stream-prefix = "agent" } }
  }])
}

resource "aws_ecs_task_definition" "task_pid" {
  family                   = "web"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([{
    name = "web", image = "example/web:1.0", cpu = 128, memory = 256, essential = true
    healthCheck      = { command = ["CMD-SHELL", "true"] }
    logConfiguration = { logDriver = "awslogs", options = { awslogs-group = "/ecs/web", awslogs-region = "us-east-1", awslogs-stream-prefix = "web" } }
  }])
}

resource "aws_lb" "nlb_zonal" {
  name               = "nlb-zonal"
  load_balancer_type = "network"
  internal           = true
  subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
}

resource "aws_lb" "nlb_cross_zone" {
  name                             = "nlb-cross-zone"
  load_balancer_type               = "network"
  internal                         = true
  subnets                          = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  enable_cross_zone_load_balancing = true
}

resource "aws_lb" "alb_monitor" {
  name                       = "alb-monitor"
  internal                   = true
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  desync_mitigation_mode     = "monitor"
  drop_invalid_header_fields = true
}

resource "aws_lb" "alb_strict" {
  name                       = "alb-strict"
  internal                   = true
  subnets                    = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
  desync_mitigation_mode     = "strictest"
  drop_invalid_header_fields = true
}

resource "aws_db_instance" "unwatched" {
  identifier                 = "db-unwatched"
  engine                     = "postgres"
  engine_version             = "16.3"
  instance_class             = "db.t4g.micro"
  allocated_storage          = 20
  username                   = "app"
  password                   = "placeholder-not-a-secret"
  storage_encrypted          = true
  auto_minor_version_upgrade = false
  skip_final_snapshot        = true
}

resource "aws_db_instance" "watched" {
  identifier                   = "db-watched"
  engine                       = "postgres"
  engine_version               = "16.3"
  instance_class               = "db.t4g.micro"
  allocated_storage            = 20
  username                     = "app"
  password                     = "placeholder-not-a-secret"
  storage_encrypted            = true
  monitoring_interval          = 60
  monitoring_role_arn          = "arn:aws:iam::123456789012:role/rds-monitoring"
  performance_insights_enabled = true
  skip_final_snapshot          = true
}

resource "aws_cloudfront_distribution" "unlogged" {
  enabled = true
  origin {
    domain_name = "origin.example.com"
    origin_id   = "web"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_cloudfront_distribution" "logged" {
  enabled    = true
  web_acl_id = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"
  origin {
    domain_name = "origin.example.com"
    origin_id   = "web"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "web"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  logging_config {
    bucket = "circuit-cdn-logs.s3.amazonaws.com"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
