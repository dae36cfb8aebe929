# Encryption-in-transit rules, bad beside good: CloudFront serving plain HTTP and old TLS, ElastiCache without TLS, HTTP listeners without a redirect, TLS listeners with an outdated policy or no certificate, and ALBs keeping invalid headers.
locals {
  cert = "arn:aws:acm:us-east-1:123456789012:certificate/7e6d5c4b-4444-4a3b-8c2d-1e0f9a8b7c6d"
}

resource "aws_cloudfront_distribution" "plain" {
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
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    forwarded_values {
      query_string = false
      cookies {
        forward = "none"
      }
    }
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = local.cert
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1"
  }
}

resource "aws_cloudfront_distribution" "secure" {
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
    forwarded_values {
      query_string = false
      cookies {
        forward = "none"
      }
    }
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = local.cert
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_elasticache_replication_group" "cleartext" {
  replication_group_id       = "tls-cleartext"
  description                = "no TLS"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false
}

resource "aws_elasticache_replication_group" "tls" {
  replication_group_id       = "tls-on"
  description                = "TLS"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_lb" "keeps_headers" {
  name                       = "tls-keeps-headers"
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = ["subnet-0715000000000000a", "subnet-0715000000000000b"]
  enable_deletion_protection = true
}

resource "aws_lb" "drops_headers" {
  name                       = "tls-drops-headers"
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = ["subnet-0715000000000000a", "subnet-0715000000000000b"]
  drop_invalid_header_fields = true
  enable_deletion_protection = true
}

resource "aws_lb_target_group" "web" {
  name     = "tls-web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0715000000000000c"
}

resource "aws_lb_listener" "http_forward" {
  load_balancer_arn = aws_lb.keeps_headers.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "http_redirect" {
  load_balancer_arn = aws_lb.drops_headers.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https_old_policy" {
  load_balancer_arn = aws_lb.keeps_headers.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = local.cert
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "https_modern" {
  load_balancer_arn = aws_lb.drops_headers.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = local.cert
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb" "network" {
  name                       = "tls-network"
  load_balancer_type         = "network"
  internal                   = true
  subnets                    = ["subnet-0715000000000000a", "subnet-0715000000000000b"]
  enable_deletion_protection = true
}

resource "aws_lb_listener" "tls_no_cert" {
  load_balancer_arn = aws_lb.network.arn
  port              = 443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tls-nlb/0123456789abcdef"
  }
}
