# Storage and database rules, bad beside good: unencrypted RDS, Aurora, EBS, EFS and ElastiCache, backups off or short, single-AZ, no deletion protection, no final snapshot, no log exports, a lone Aurora instance, busy clients without RDS Proxy, DynamoDB without PITR, Redis without snapshots and S3 without versioning.
resource "aws_db_instance" "careless" {
  identifier                  = "careless"
  engine                      = "mysql"
  instance_class              = "db.t3.medium"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = false
  backup_retention_period     = 0
  multi_az                    = false
  deletion_protection         = false
  skip_final_snapshot         = true
}

resource "aws_db_instance" "short_backups" {
  identifier                      = "short-backups"
  engine                          = "postgres"
  instance_class                  = "db.t3.medium"
  allocated_storage               = 20
  username                        = "app"
  manage_master_user_password     = true
  storage_encrypted               = true
  backup_retention_period         = 3
  multi_az                        = true
  deletion_protection             = true
  final_snapshot_identifier       = "short-backups-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_db_instance" "careful" {
  identifier                      = "careful"
  engine                          = "postgres"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  username                        = "app"
  manage_master_user_password     = true
  storage_encrypted               = true
  backup_retention_period         = 14
  multi_az                        = true
  deletion_protection             = true
  final_snapshot_identifier       = "careful-final"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}

resource "aws_db_proxy" "careful" {
  name           = "careful"
  engine_family  = "POSTGRESQL"
  role_arn       = "arn:aws:iam::123456789012:role/rds-proxy"
  vpc_subnet_ids = ["subnet-0d8000000000000a1", "subnet-0d8000000000000a2"]
  require_tls    = true
  auth {
    auth_scheme = "SECRETS"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:careful-AbCdEf"
  }
}

resource "aws_db_proxy_default_target_group" "careful" {
  db_proxy_name = aws_db_proxy.careful.name
}

resource "aws_db_proxy_target" "careful" {
  db_proxy_name          = aws_db_proxy.careful.name
  target_group_name      = aws_db_proxy_default_target_group.careful.name
  db_instance_identifier = aws_db_instance.careful.identifier
}

resource "aws_lambda_function" "client" {
  function_name = "storage-client"
  role          = "arn:aws:iam::123456789012:role/storage-client"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "client.zip"
}

resource "aws_rds_cluster" "lonely" {
  cluster_identifier          = "lonely"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = false
  backup_retention_period     = 1
  skip_final_snapshot         = true
}

resource "aws_rds_cluster_instance" "lonely" {
  identifier         = "lonely-0"
  cluster_identifier = aws_rds_cluster.lonely.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster" "paired" {
  cluster_identifier          = "paired"
  engine                      = "aurora-mysql"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 14
  deletion_protection         = true
  final_snapshot_identifier   = "paired-final"
}

resource "aws_rds_cluster_instance" "paired" {
  count              = 2
  identifier         = "paired-${count.index}"
  cluster_identifier = aws_rds_cluster.paired.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-mysql"
}

resource "aws_db_proxy" "paired" {
  name           = "paired"
  engine_family  = "MYSQL"
  role_arn       = "arn:aws:iam::123456789012:role/rds-proxy"
  vpc_subnet_ids = ["subnet-0d8000000000000a1", "subnet-0d8000000000000a2"]
  require_tls    = true
  auth {
    auth_scheme = "SECRETS"
    secret_arn  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:paired-AbCdEf"
  }
}

resource "aws_db_proxy_default_target_group" "paired" {
  db_proxy_name = aws_db_proxy.paired.name
}

resource "aws_db_proxy_target" "paired" {
  db_proxy_name         = aws_db_proxy.paired.name
  target_group_name     = aws_db_proxy_default_target_group.paired.name
  db_cluster_identifier = aws_rds_cluster.paired.cluster_identifier
}

resource "aws_dynamodb_table" "no_pitr" {
  name         = "no-pitr"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "pitr_off" {
  name         = "pitr-off"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = false
  }
}

resource "aws_dynamodb_table" "pitr" {
  name         = "pitr"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_ebs_volume" "plain" {
  availability_zone = "eu-west-1a"
  size              = 10
}

resource "aws_ebs_volume" "unencrypted" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "encrypted" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}

resource "aws_instance" "plain_disk" {
  ami           = "ami-0d80000000000000a"
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "unencrypted_disk" {
  ami           = "ami-0d80000000000000a"
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = false
  }
}

resource "aws_instance" "encrypted_disk" {
  ami           = "ami-0d80000000000000a"
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 20
    encrypted   = true
  }
}

resource "aws_efs_file_system" "plain" {
  creation_token = "plain"
}

resource "aws_efs_file_system" "unencrypted" {
  creation_token = "unencrypted"
  encrypted      = false
}

resource "aws_efs_file_system" "encrypted" {
  creation_token = "encrypted"
  encrypted      = true
}

resource "aws_elasticache_replication_group" "fragile" {
  replication_group_id       = "fragile"
  description                = "no failover, no encryption at rest"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 1
  automatic_failover_enabled = false
  at_rest_encryption_enabled = false
  transit_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "sturdy" {
  replication_group_id       = "sturdy"
  description                = "failover and encryption"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_elasticache_cluster" "no_snapshots" {
  cluster_id      = "no-snapshots"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1
}

resource "aws_elasticache_cluster" "snapshots" {
  cluster_id               = "snapshots"
  engine                   = "redis"
  node_type                = "cache.t4g.small"
  num_cache_nodes          = 1
  snapshot_retention_limit = 5
}

resource "aws_s3_bucket" "unversioned" {
  bucket = "storage-unversioned"
}

resource "aws_s3_bucket" "inline_unversioned" {
  bucket = "storage-inline-unversioned"
  versioning {
    enabled = false
  }
}

resource "aws_s3_bucket" "versioned" {
  bucket = "storage-versioned"
}

resource "aws_s3_bucket_versioning" "versioned" {
  bucket = aws_s3_bucket.versioned.id
  versioning_configuration {
    status = "Enabled"
  }
}
