# Cost of Aurora: a Serverless v2 PostgreSQL cluster (db.serverless instances, count), a provisioned MySQL cluster on standard storage with a writer and a reader, in us-east-1.
resource "aws_rds_cluster" "serverless" {
  cluster_identifier          = "cost-serverless"
  engine                      = "aurora-postgresql"
  engine_mode                 = "provisioned"
  engine_version              = "16.4"
  master_username             = "admin_user"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
  deletion_protection         = true
  skip_final_snapshot         = true
  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 8
  }
}

resource "aws_rds_cluster_instance" "serverless" {
  count              = 2
  identifier         = "cost-serverless-${count.index}"
  cluster_identifier = aws_rds_cluster.serverless.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.serverless.engine
  engine_version     = aws_rds_cluster.serverless.engine_version
}

resource "aws_rds_cluster" "mysql" {
  cluster_identifier          = "cost-aurora-mysql"
  engine                      = "aurora-mysql"
  master_username             = "admin_user"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
  deletion_protection         = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "mysql_writer" {
  identifier         = "cost-aurora-mysql-writer"
  cluster_identifier = aws_rds_cluster.mysql.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster_instance" "mysql_reader" {
  identifier         = "cost-aurora-mysql-reader"
  cluster_identifier = aws_rds_cluster.mysql.cluster_identifier
  instance_class     = "db.t4g.medium"
  engine             = "aurora-mysql"
}
