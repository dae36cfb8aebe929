# Cost of ElastiCache: a Memcached cluster of three nodes, a single-node Redis cluster, a cluster-mode Redis replication group (shards x replicas), a Valkey group and a cluster that is a member of a group, in eu-west-1.
resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "cost-memcached"
  engine          = "memcached"
  node_type       = "cache.m6g.large"
  num_cache_nodes = 3
  az_mode         = "cross-az"
}

resource "aws_elasticache_cluster" "redis_single" {
  cluster_id               = "cost-redis-single"
  engine                   = "redis"
  node_type                = "cache.t4g.small"
  num_cache_nodes          = 1
  snapshot_retention_limit = 3
}

resource "aws_elasticache_replication_group" "sharded" {
  replication_group_id       = "cost-sharded"
  description                = "cluster-mode Redis"
  engine                     = "redis"
  node_type                  = "cache.r6g.large"
  num_node_groups            = 3
  replicas_per_node_group    = 1
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 5
}

resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id       = "cost-valkey"
  description                = "Valkey with one replica"
  engine                     = "valkey"
  node_type                  = "cache.m7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_elasticache_cluster" "member" {
  cluster_id           = "cost-valkey-extra"
  replication_group_id = aws_elasticache_replication_group.valkey.id
}
