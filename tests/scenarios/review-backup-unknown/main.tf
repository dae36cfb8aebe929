# A database whose backup retention is not set: the provider computes it,
# so the plan knows it only after apply.  The review must say "unknown
# until apply", never "no automated backups".
resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  storage_type        = "gp3"
  storage_encrypted   = true
  multi_az            = true
  username            = "orders"
  password            = "not-a-real-password-1"
  deletion_protection = true
  skip_final_snapshot = false
  final_snapshot_identifier = "orders-final"
}
