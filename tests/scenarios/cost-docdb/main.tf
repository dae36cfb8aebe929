# DocumentDB: a standard cluster with a db.r6g.large and a burstable
# db.t3.medium (CPU credits from usage), an I/O-Optimized cluster whose
# instance is priced at the I/O-Optimized rate, a manual snapshot and a
# global cluster (replicated writes).
resource "aws_docdb_cluster" "main" {
  cluster_identifier  = "main"
  master_username     = "admin"
  master_password     = "not-a-real-password"
  skip_final_snapshot = true
}

resource "aws_docdb_cluster_instance" "main_big" {
  identifier         = "main-big"
  cluster_identifier = aws_docdb_cluster.main.cluster_identifier
  instance_class     = "db.r6g.large"
}

resource "aws_docdb_cluster_instance" "main_small" {
  identifier         = "main-small"
  cluster_identifier = aws_docdb_cluster.main.cluster_identifier
  instance_class     = "db.t3.medium"
}

resource "aws_docdb_cluster" "fast" {
  cluster_identifier  = "fast"
  master_username     = "admin"
  master_password     = "not-a-real-password"
  storage_type        = "iopt1"
  skip_final_snapshot = true
}

resource "aws_docdb_cluster_instance" "fast" {
  identifier         = "fast-1"
  cluster_identifier = aws_docdb_cluster.fast.cluster_identifier
  instance_class     = "db.r6g.large"
}

resource "aws_docdb_cluster_snapshot" "main" {
  db_cluster_identifier          = aws_docdb_cluster.main.cluster_identifier
  db_cluster_snapshot_identifier = "main-manual"
}

# A global cluster: its replicated writes come from usage.
resource "aws_docdb_global_cluster" "world" {
  global_cluster_identifier = "world"
  engine                    = "docdb"
  engine_version            = "5.0.0"
}
