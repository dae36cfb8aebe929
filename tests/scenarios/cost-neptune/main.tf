# Neptune (issue 10): a standard cluster with a provisioned and a serverless
# instance (storage, I/O and backups from usage), an I/O-Optimized cluster
# whose instance takes the I/O-Optimized price, a manual snapshot, and a
# global database over the I/O-Optimized cluster (replicated writes from usage).
resource "aws_neptune_cluster" "graph" {
  cluster_identifier  = "graph"
  engine              = "neptune"
  skip_final_snapshot = true

  serverless_v2_scaling_configuration {
    min_capacity = 1
    max_capacity = 8
  }
}

resource "aws_neptune_cluster_instance" "graph_writer" {
  cluster_identifier = aws_neptune_cluster.graph.cluster_identifier
  instance_class     = "db.r5.large"
  engine             = "neptune"
}

resource "aws_neptune_cluster_instance" "graph_serverless" {
  cluster_identifier = aws_neptune_cluster.graph.cluster_identifier
  instance_class     = "db.serverless"
  engine             = "neptune"
}

resource "aws_neptune_cluster" "fast" {
  cluster_identifier  = "fast"
  engine              = "neptune"
  storage_type        = "iopt1"
  skip_final_snapshot = true
}

resource "aws_neptune_cluster_instance" "fast_writer" {
  cluster_identifier = aws_neptune_cluster.fast.cluster_identifier
  instance_class     = "db.r5.large"
  engine             = "neptune"
}

resource "aws_neptune_cluster_snapshot" "before_upgrade" {
  db_cluster_identifier          = aws_neptune_cluster.graph.id
  db_cluster_snapshot_identifier = "graph-before-upgrade"
}

resource "aws_neptune_global_cluster" "world" {
  global_cluster_identifier    = "world"
  source_db_cluster_identifier = aws_neptune_cluster.fast.arn
}
