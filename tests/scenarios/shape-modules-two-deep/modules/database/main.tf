# A PostgreSQL instance with its subnet group.
variable "name" { type = string }
variable "class" { type = string }
variable "subnets" { type = list(string) }

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnets
}

resource "aws_db_instance" "this" {
  identifier                      = var.name
  engine                          = "postgres"
  instance_class                  = var.class
  allocated_storage               = 50
  storage_type                    = "gp3"
  storage_encrypted               = true
  username                        = "app"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.this.name
  multi_az                        = true
  backup_retention_period         = 7
  deletion_protection             = true
  final_snapshot_identifier       = "${var.name}-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

output "endpoint" {
  value = aws_db_instance.this.address
}
