# Route 53 (issue 10): a zone, records whose queries usage prices in two
# tiers (standard) and one (latency), health checks (an AWS endpoint with
# optional features, a non-AWS one by usage), an alias record (free), a Resolver endpoint with three
# addresses, a DNS Firewall domain list and rule-group association, and a
# traffic policy instance.
resource "aws_route53_zone" "main" {
  name = "example.com"
}

resource "aws_route53_record" "www" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "www.example.com"
  type    = "A"
  ttl     = 300
  records = ["192.0.2.10"]
}

resource "aws_route53_record" "api" {
  zone_id        = aws_route53_zone.main.zone_id
  name           = "api.example.com"
  type           = "CNAME"
  ttl            = 60
  records        = ["api-eu.example.net"]
  set_identifier = "eu"
  latency_routing_policy {
    region = "eu-west-1"
  }
}

resource "aws_route53_health_check" "web" {
  fqdn              = "www.example.com"
  port              = 443
  type              = "HTTPS_STR_MATCH"
  resource_path     = "/health"
  search_string     = "ok"
  request_interval  = 10
  failure_threshold = 3
  measure_latency   = true
}

resource "aws_route53_health_check" "partner" {
  ip_address        = "198.51.100.7"
  port              = 80
  type              = "HTTP"
  resource_path     = "/"
  request_interval  = 30
  failure_threshold = 3
}

resource "aws_route53_resolver_endpoint" "outbound" {
  name               = "outbound"
  direction          = "OUTBOUND"
  security_group_ids = ["sg-0123456789abcdef0"]
  ip_address {
    subnet_id = "subnet-0123456789abcdef0"
  }
  ip_address {
    subnet_id = "subnet-0123456789abcdef1"
  }
  ip_address {
    subnet_id = "subnet-0123456789abcdef2"
  }
}

resource "aws_route53_resolver_firewall_domain_list" "blocked" {
  name    = "blocked"
  domains = ["bad.example.", "worse.example.", "worst.example."]
}

resource "aws_route53_resolver_firewall_rule_group" "main" {
  name = "main"
}

resource "aws_route53_resolver_firewall_rule_group_association" "vpc" {
  name                   = "vpc"
  firewall_rule_group_id = "rslvr-frg-0123456789abcdef"
  priority               = 101
  vpc_id                 = "vpc-0123456789abcdef0"
}

resource "aws_route53_record" "apex" {
  zone_id = aws_route53_zone.main.zone_id
  name    = "example.com"
  type    = "A"
  alias {
    name                   = "d111111abcdef8.cloudfront.net"
    zone_id                = "Z2FDTNDATAQYW2"
    evaluate_target_health = false
  }
}

resource "aws_route53_traffic_policy" "failover" {
  name     = "failover"
  document = jsonencode({ AWSPolicyFormatVersion = "2015-10-01", RecordType = "A", Endpoints = { main = { Type = "value", Value = "192.0.2.10" } }, StartRule = "main" })
}

resource "aws_route53_traffic_policy_instance" "www2" {
  name                   = "www2.example.com"
  traffic_policy_id      = "12345678-1234-1234-1234-123456789012"
  traffic_policy_version = 1
  hosted_zone_id         = aws_route53_zone.main.zone_id
  ttl                    = 60
}
