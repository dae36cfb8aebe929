# OpenSearch and Elasticsearch domains (issue 10): data nodes x
# instance_count, dedicated masters and UltraWarm nodes from the bundled
# instance rows (".elasticsearch" types priced as AWS's ".search" ones); EBS
# storage has no bundled price and says so; domains on instance storage
# (r6gd, i3) are fully priced.
resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type            = "r6g.large.search"
    instance_count           = 3
    dedicated_master_enabled = true
    dedicated_master_type    = "m6g.large.search"
    dedicated_master_count   = 3
    zone_awareness_enabled   = true
    warm_enabled             = true
    warm_type                = "ultrawarm1.medium.search"
    warm_count               = 2
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 100
    volume_type = "gp3"
  }
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_type  = "m5.large.elasticsearch"
    instance_count = 2
  }

  ebs_options {
    ebs_enabled = true
    volume_size = 50
  }
}

# Instance storage only (no EBS): fully priced offline.
resource "aws_opensearch_domain" "cache" {
  domain_name    = "cache"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type  = "r6gd.large.search"
    instance_count = 2
  }

  ebs_options {
    ebs_enabled = false
  }
}

resource "aws_elasticsearch_domain" "archive" {
  domain_name           = "archive"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_type  = "i3.large.elasticsearch"
    instance_count = 1
  }

  ebs_options {
    ebs_enabled = false
  }
}
