# Route 53 (issue 10): a zone, records whose queries usage prices in two
# tiers (standard) and one (latency), health checks (an AWS endpoint with
# optional features, a non-AWS one by usage), a Resolver endpoint with three
# addresses and a DNS Firewall domain list and rule-group association.
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
  firewall_rule_group_id = aws_route53_resolver_firewall_rule_group.main.id
  priority               = 101
  vpc_id                 = "vpc-0123456789abcdef0"
}
