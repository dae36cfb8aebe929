# Cost of every load balancer kind: application (aws_lb and its aws_alb alias), network, gateway and classic ELB, in us-east-1.
locals {
  subnets = ["subnet-0b1a2c3d4e5f60001", "subnet-0b1a2c3d4e5f60002"]
}

resource "aws_lb" "app" {
  name                       = "cost-app"
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = local.subnets
  drop_invalid_header_fields = true
  enable_deletion_protection = true
}

resource "aws_alb" "legacy" {
  name                       = "cost-legacy-alb"
  internal                   = true
  subnets                    = local.subnets
  drop_invalid_header_fields = true
  enable_deletion_protection = true
}

resource "aws_lb" "network" {
  name                             = "cost-nlb"
  load_balancer_type               = "network"
  internal                         = true
  subnets                          = local.subnets
  enable_cross_zone_load_balancing = true
  enable_deletion_protection       = true
}

resource "aws_lb" "gateway" {
  name                       = "cost-gwlb"
  load_balancer_type         = "gateway"
  subnets                    = local.subnets
  enable_deletion_protection = true
}

resource "aws_elb" "classic" {
  name     = "cost-classic"
  internal = true
  subnets  = local.subnets
  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
  health_check {
    healthy_threshold   = 2
    unhealthy_threshold = 2
    timeout             = 3
    target              = "HTTP:8080/health"
    interval            = 30
  }
}
