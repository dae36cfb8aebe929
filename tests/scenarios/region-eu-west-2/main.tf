# The stack issue 9 prices to the cent from the bundled snapshot alone, one
# of each: the same file in every tests/scenarios/region-* folder, only
# terraform.tfvars (the region) differs.  The figures are checked by
# tests/e2e/cases/region-prices against the regional price rows themselves.

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.medium"

  # set, so the price does not rest on what the AMI would choose
  root_block_device {
    volume_type = "gp3"
    volume_size = 30
  }
}

resource "aws_db_instance" "db" {
  identifier                  = "app-db"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.t3.medium"
  multi_az                    = true
  storage_type                = "gp3"
  allocated_storage           = 100
  username                    = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "egress" {
  allocation_id = aws_eip.nat.id
  subnet_id     = "subnet-0123456789abcdef0"
}

resource "aws_eks_cluster" "k8s" {
  name     = "app"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  version  = "1.34"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }

  # no extended-support surcharge, whatever the date
  upgrade_policy {
    support_type = "STANDARD"
  }
}

resource "aws_lb" "web" {
  name               = "app-web"
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
}

resource "aws_elasticache_cluster" "cache" {
  cluster_id      = "app-cache"
  engine          = "redis"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 1
}
