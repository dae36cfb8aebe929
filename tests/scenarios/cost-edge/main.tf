# Edge and certificates (issue 10), in us-east-1: a CloudFront distribution
# (data out crossing two tiers in the US, Europe and Japan traffic, requests,
# invalidations past the free 1,000, a dedicated-IP certificate), a
# CloudFront function, a WAF web ACL with two rules, Shield Advanced and a
# protection of the distribution, a Global Accelerator, a public and a
# private ACM certificate and a private CA in short-lived mode.
resource "aws_cloudfront_distribution" "site" {
  enabled = true
  origin {
    domain_name = "origin.example.com"
    origin_id   = "origin"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
    ssl_support_method  = "vip"
  }
}

resource "aws_cloudfront_function" "rewrite" {
  name    = "rewrite"
  runtime = "cloudfront-js-2.0"
  code    = "function handler(event) { return event.request; }"
}

resource "aws_wafv2_web_acl" "edge" {
  name  = "edge"
  scope = "CLOUDFRONT"
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = 1
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "common"
      sampled_requests_enabled   = false
    }
  }
  rule {
    name     = "rate"
    priority = 2
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 2000
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "rate"
      sampled_requests_enabled   = false
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "edge"
    sampled_requests_enabled   = false
  }
}

resource "aws_shield_subscription" "org" {
  auto_renew = "ENABLED"
}

resource "aws_shield_protection" "site" {
  name         = "site"
  resource_arn = "arn:aws:cloudfront::123456789012:distribution/E1234567890ABC"
}

resource "aws_globalaccelerator_accelerator" "app" {
  name            = "app"
  ip_address_type = "IPV4"
  enabled         = true
}

resource "aws_acm_certificate" "public" {
  domain_name       = "www.example.com"
  validation_method = "DNS"
}

resource "aws_acm_certificate" "internal" {
  domain_name               = "internal.example.com"
  certificate_authority_arn = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012"
}

resource "aws_acmpca_certificate_authority" "short" {
  usage_mode = "SHORT_LIVED_CERTIFICATE"
  certificate_authority_configuration {
    key_algorithm     = "RSA_2048"
    signing_algorithm = "SHA256WITHRSA"
    subject {
      common_name = "internal.example.com"
    }
  }
}
