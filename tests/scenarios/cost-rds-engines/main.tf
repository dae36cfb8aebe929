# Cost of RDS by engine and storage: MySQL single-AZ on gp2, PostgreSQL Multi-AZ on io1 with provisioned IOPS, MariaDB on gp3 above the free IOPS, SQL Server Standard with license included, and magnetic storage, in us-east-1.
resource "aws_db_instance" "mysql" {
  identifier              = "cost-mysql"
  multi_az                = false
  engine                  = "mysql"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  storage_type            = "gp2"
  storage_encrypted       = true
  username                = "admin"
  manage_master_user_password = true
  backup_retention_period = 7
  deletion_protection     = true
  skip_final_snapshot     = true
}

resource "aws_db_instance" "postgres_io1" {
  identifier              = "cost-postgres-io1"
  engine                  = "postgres"
  instance_class          = "db.m6i.xlarge"
  allocated_storage       = 500
  storage_type            = "io1"
  iops                    = 5000
  multi_az                = true
  storage_encrypted       = true
  username                = "admin"
  manage_master_user_password = true
  backup_retention_period = 14
  deletion_protection     = true
  skip_final_snapshot     = true
}

resource "aws_db_instance" "mariadb_gp3" {
  identifier              = "cost-mariadb-gp3"
  multi_az                = false
  engine                  = "mariadb"
  instance_class          = "db.r6g.xlarge"
  allocated_storage       = 600
  storage_type            = "gp3"
  iops                    = 15000
  storage_throughput      = 600
  storage_encrypted       = true
  username                = "admin"
  manage_master_user_password = true
  backup_retention_period = 7
  deletion_protection     = true
  skip_final_snapshot     = true
}

resource "aws_db_instance" "sqlserver" {
  identifier              = "cost-sqlserver"
  multi_az                = false
  engine                  = "sqlserver-se"
  license_model           = "license-included"
  instance_class          = "db.m5.xlarge"
  allocated_storage       = 200
  storage_type            = "gp2"
  storage_encrypted       = true
  username                = "admin"
  manage_master_user_password = true
  backup_retention_period = 7
  deletion_protection     = true
  skip_final_snapshot     = true
}

resource "aws_db_instance" "magnetic" {
  identifier              = "cost-magnetic"
  multi_az                = false
  engine                  = "postgres"
  instance_class          = "db.t3.small"
  allocated_storage       = 20
  storage_type            = "standard"
  storage_encrypted       = true
  username                = "admin"
  manage_master_user_password = true
  backup_retention_period = 7
  deletion_protection     = true
  skip_final_snapshot     = true
}
