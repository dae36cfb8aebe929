# The seed's relational database: a Multi-AZ RDS PostgreSQL with encrypted gp3 storage, managed master password, a read replica, log exports and alarms, in eu-west-1.
resource "aws_db_subnet_group" "orders" {
  name       = "orders"
  subnet_ids = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"]
}

resource "aws_db_parameter_group" "orders" {
  name   = "orders-pg16"
  family = "postgres16"
  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}

resource "aws_kms_key" "orders" {
  description         = "orders database"
  enable_key_rotation = true
}

resource "aws_security_group" "orders_db" {
  name   = "orders-db"
  vpc_id = "vpc-0a1b2c3d4e5f60000"
  ingress {
    description = "PostgreSQL from the application subnets"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.50.16.0/20", "10.50.32.0/20"]
  }
}

resource "aws_iam_role" "rds_monitoring" {
  name = "orders-rds-monitoring"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  engine_version                  = "16.4"
  instance_class                  = "db.r6g.large"
  allocated_storage               = 200
  max_allocated_storage           = 1000
  storage_type                    = "gp3"
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.orders.arn
  db_name                         = "orders"
  username                        = "orders_admin"
  manage_master_user_password     = true
  multi_az                        = true
  db_subnet_group_name            = aws_db_subnet_group.orders.name
  parameter_group_name            = aws_db_parameter_group.orders.name
  vpc_security_group_ids          = [aws_security_group.orders_db.id]
  backup_retention_period         = 14
  backup_window                   = "02:00-03:00"
  maintenance_window              = "sun:03:30-sun:04:30"
  deletion_protection             = true
  skip_final_snapshot             = false
  final_snapshot_identifier       = "orders-final"
  copy_tags_to_snapshot           = true
  performance_insights_enabled    = true
  monitoring_interval             = 60
  monitoring_role_arn             = aws_iam_role.rds_monitoring.arn
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  auto_minor_version_upgrade      = true
}

resource "aws_db_instance" "orders_replica" {
  identifier                      = "orders-replica"
  replicate_source_db             = aws_db_instance.orders.identifier
  instance_class                  = "db.r6g.large"
  storage_type                    = "gp3"
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.orders.arn
  vpc_security_group_ids          = [aws_security_group.orders_db.id]
  publicly_accessible             = false
  deletion_protection             = true
  skip_final_snapshot             = true
  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_cloudwatch_metric_alarm" "orders_cpu" {
  alarm_name          = "orders-db-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
}

resource "aws_cloudwatch_metric_alarm" "orders_storage" {
  alarm_name          = "orders-db-free-storage"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 20000000000
  comparison_operator = "LessThanThreshold"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
}
