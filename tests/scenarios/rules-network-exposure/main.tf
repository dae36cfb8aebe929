# Exposure rules, each bad case beside its good one: public IPs on instances, launch templates and subnets, IMDSv1, VPC flow logs, NAT without an S3 endpoint, public databases, S3 public access blocks, admin IAM policies and an internet-facing ALB without WAF.
resource "aws_instance" "public" {
  ami                         = "ami-0e1e1e1e1e1e1e1e1"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  root_block_device {
    encrypted = true
  }
}

resource "aws_instance" "private" {
  ami                         = "ami-0e1e1e1e1e1e1e1e1"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
}

resource "aws_launch_template" "public" {
  name          = "exposure-public"
  image_id      = "ami-0e1e1e1e1e1e1e1e1"
  instance_type = "t3.micro"
  network_interfaces {
    associate_public_ip_address = true
  }
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_launch_template" "private" {
  name          = "exposure-private"
  image_id      = "ami-0e1e1e1e1e1e1e1e1"
  instance_type = "t3.micro"
  network_interfaces {
    associate_public_ip_address = false
  }
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_configuration" "imdsv1" {
  name          = "exposure-imdsv1"
  image_id      = "ami-0e1e1e1e1e1e1e1e1"
  instance_type = "t3.micro"
}

resource "aws_launch_configuration" "imdsv2" {
  name          = "exposure-imdsv2"
  image_id      = "ami-0e1e1e1e1e1e1e1e1"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_vpc" "unlogged" {
  cidr_block = "10.81.0.0/16"
}

resource "aws_vpc" "logged" {
  cidr_block = "10.82.0.0/16"
}

resource "aws_flow_log" "logged" {
  vpc_id               = aws_vpc.logged.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::exposure-flow-logs"
}

resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.logged.id
  cidr_block              = "10.82.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.logged.id
  cidr_block = "10.82.1.0/24"
}

resource "aws_nat_gateway" "public" {
  allocation_id = "eipalloc-0e1e1e1e1e1e1e1e1"
  subnet_id     = aws_subnet.public.id
}

resource "aws_nat_gateway" "private" {
  connectivity_type = "private"
  subnet_id         = aws_subnet.private.id
}

resource "aws_db_instance" "public" {
  identifier                  = "exposure-public"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  publicly_accessible         = true
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_db_instance" "private" {
  identifier                  = "exposure-private"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  publicly_accessible         = false
  storage_encrypted           = true
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "public" {
  identifier          = "exposure-aurora-public"
  cluster_identifier  = "exposure-aurora"
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = true
}

resource "aws_s3_bucket" "no_block" {
  bucket = "exposure-no-block"
}

resource "aws_s3_bucket" "blocked" {
  bucket = "exposure-blocked"
}

resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "half_blocked" {
  bucket = "exposure-half-blocked"
}

resource "aws_s3_bucket_public_access_block" "half_blocked" {
  bucket            = aws_s3_bucket.half_blocked.id
  block_public_acls = true
}

resource "aws_iam_policy" "admin" {
  name = "exposure-admin"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy" "scoped" {
  name = "exposure-scoped"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::exposure-blocked/*" }]
  })
}

resource "aws_iam_role_policy" "admin_inline" {
  name = "exposure-admin-inline"
  role = "exposure-role"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["*"], Resource = ["*"] }]
  })
}

resource "aws_lb" "no_waf" {
  name                       = "exposure-no-waf"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = ["subnet-0e1e1e1e1e1e1e1e1", "subnet-0e1e1e1e1e1e1e1e2"]
  drop_invalid_header_fields = true
}

resource "aws_lb" "waf" {
  name                       = "exposure-waf"
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = ["subnet-0e1e1e1e1e1e1e1e1", "subnet-0e1e1e1e1e1e1e1e2"]
  drop_invalid_header_fields = true
}

resource "aws_wafv2_web_acl_association" "waf" {
  resource_arn = aws_lb.waf.arn
  web_acl_arn  = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/exposure/0a1b2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b"
}

resource "aws_lb" "internal" {
  name                       = "exposure-internal"
  load_balancer_type         = "application"
  internal                   = true
  subnets                    = ["subnet-0e1e1e1e1e1e1e1e1", "subnet-0e1e1e1e1e1e1e1e2"]
  drop_invalid_header_fields = true
}
