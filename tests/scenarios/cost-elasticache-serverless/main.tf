# ElastiCache Serverless (issue 10): a Valkey and a Redis cache, data stored
# and ECPUs from usage.
resource "aws_elasticache_serverless_cache" "sessions" {
  name   = "sessions"
  engine = "valkey"
}

resource "aws_elasticache_serverless_cache" "catalog" {
  name   = "catalog"
  engine = "redis"
}
