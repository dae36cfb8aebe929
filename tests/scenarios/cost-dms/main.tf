# DMS replication instances in eu-central-1: a Single-AZ dms.t3.medium with
# 100 GB (50 GB included) and a Multi-AZ dms.c5.large with the default 50 GB.
resource "aws_dms_replication_instance" "small" {
  replication_instance_id    = "small"
  replication_instance_class = "dms.t3.medium"
  allocated_storage          = 100
}

resource "aws_dms_replication_instance" "ha" {
  replication_instance_id    = "ha"
  replication_instance_class = "dms.c5.large"
  multi_az                   = true
}
