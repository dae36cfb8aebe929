# Replacements and restarts, from a prior state: a load balancer replaced delete-before-create (downtime), target groups replaced create-before-destroy with a fixed name (collision) and with a name prefix, a database whose class change restarts it and one whose backup change does not.
resource "aws_lb" "public" {
  name                       = "shop-public"
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = ["subnet-0e9a000000000000a", "subnet-0e9a000000000000b"]
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "blue" {
  name     = "shop-blue"
  port     = 9090
  protocol = "HTTP"
  vpc_id   = "vpc-0e9a000000000000c"
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_target_group" "green" {
  name_prefix = "green-"
  port        = 9090
  protocol    = "HTTP"
  vpc_id      = "vpc-0e9a000000000000c"
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.r6g.xlarge"
  allocated_storage           = 100
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  multi_az                    = true
  backup_retention_period     = 7
  deletion_protection         = true
  final_snapshot_identifier   = "orders-final"
}

resource "aws_db_instance" "analytics" {
  identifier                  = "analytics"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "analytics"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 14
  deletion_protection         = true
  final_snapshot_identifier   = "analytics-final"
}
