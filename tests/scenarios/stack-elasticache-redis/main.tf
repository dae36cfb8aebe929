# The seed's cache tier: a Multi-AZ Redis replication group with encryption at rest and in transit and an auth token, plus a Memcached cluster for sessions, in us-east-1.
variable "redis_auth_token" {
  type      = string
  sensitive = true
  default   = "a-long-enough-redis-auth-token-0001"
}

resource "aws_elasticache_subnet_group" "cache" {
  name       = "cache"
  subnet_ids = ["subnet-0ca7e00000000001a", "subnet-0ca7e00000000001b"]
}

resource "aws_elasticache_parameter_group" "redis7" {
  name   = "catalog-redis7"
  family = "redis7"
  parameter {
    name  = "maxmemory-policy"
    value = "allkeys-lru"
  }
}

resource "aws_security_group" "cache" {
  name   = "cache"
  vpc_id = "vpc-0ca7e000000000000"
  ingress {
    description = "Redis from the app tier"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = ["10.60.0.0/16"]
  }
  ingress {
    description = "Memcached from the app tier"
    from_port   = 11211
    to_port     = 11211
    protocol    = "tcp"
    cidr_blocks = ["10.60.0.0/16"]
  }
}

resource "aws_elasticache_replication_group" "catalog" {
  replication_group_id       = "catalog"
  description                = "product catalog cache"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.r6g.large"
  num_cache_clusters         = 2
  port                       = 6379
  parameter_group_name       = aws_elasticache_parameter_group.redis7.name
  subnet_group_name          = aws_elasticache_subnet_group.cache.name
  security_group_ids         = [aws_security_group.cache.id]
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.redis_auth_token
  snapshot_retention_limit   = 7
  snapshot_window            = "04:00-05:00"
}

resource "aws_elasticache_cluster" "sessions" {
  cluster_id           = "sessions"
  engine               = "memcached"
  node_type            = "cache.t4g.medium"
  num_cache_nodes      = 2
  az_mode              = "cross-az"
  port                 = 11211
  parameter_group_name = "default.memcached1.6"
  subnet_group_name    = aws_elasticache_subnet_group.cache.name
  security_group_ids   = [aws_security_group.cache.id]
}

resource "aws_cloudwatch_metric_alarm" "catalog_memory" {
  alarm_name          = "catalog-redis-memory"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 85
  comparison_operator = "GreaterThanThreshold"
  dimensions          = { ReplicationGroupId = aws_elasticache_replication_group.catalog.id }
}
