# Timestream (issue 10): a LiveAnalytics database (not billed by itself)
# and table (writes and stores from usage), and an InfluxDB instance with a
# Multi-AZ standby on 12k-IOPS storage.
resource "aws_timestreamwrite_database" "metrics" {
  database_name = "metrics"
}

resource "aws_timestreamwrite_table" "cpu" {
  database_name = aws_timestreamwrite_database.metrics.database_name
  table_name    = "cpu"

  retention_properties {
    memory_store_retention_period_in_hours  = 24
    magnetic_store_retention_period_in_days = 365
  }
}

resource "aws_timestreaminfluxdb_db_instance" "influx" {
  name                   = "influx"
  db_instance_type       = "db.influx.large"
  allocated_storage      = 400
  db_storage_type        = "InfluxIOIncludedT2"
  deployment_type        = "WITH_MULTIAZ_STANDBY"
  username               = "admin"
  password               = "NotARealPassword1"
  organization           = "example"
  bucket                 = "metrics"
  vpc_subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  vpc_security_group_ids = ["sg-0123456789abcdef0"]
}
