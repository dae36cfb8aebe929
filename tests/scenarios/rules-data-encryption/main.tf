# Encryption and data-service rules, bad beside good: DynamoDB and DAX,
# EBS volumes and the account default, launch template volumes, Kinesis,
# DocumentDB, Neptune, SQS, SNS, ECR, EFS, CodeBuild, OpenSearch and MSK.

resource "aws_kms_key" "data" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "default_key" {
  name         = "orders-default-key"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "own_key" {
  name         = "orders-own-key"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.data.arn
  }
}

resource "aws_dax_cluster" "plain" {
  cluster_name       = "cache-plain"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.t3.small"
  replication_factor = 1
}

resource "aws_dax_cluster" "encrypted" {
  cluster_name       = "cache-encrypted"
  iam_role_arn       = "arn:aws:iam::123456789012:role/dax"
  node_type          = "dax.t3.small"
  replication_factor = 1
  server_side_encryption {
    enabled = true
  }
}

resource "aws_ebs_volume" "aws_key" {
  availability_zone = "eu-west-1a"
  size              = 20
  encrypted         = true
}

resource "aws_ebs_volume" "own_key" {
  availability_zone = "eu-west-1a"
  size              = 20
  encrypted         = true
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_ebs_encryption_by_default" "off" {
  enabled = false
}

resource "aws_ebs_encryption_by_default" "on" {
  enabled = true
}

resource "aws_launch_template" "plain_disk" {
  name          = "plain-disk"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
    }
  }
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "encrypted_disk" {
  name          = "encrypted-disk"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = "true"
      kms_key_id  = aws_kms_key.data.arn
    }
  }
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_kinesis_stream" "plain" {
  name        = "events-plain"
  shard_count = 1
}

resource "aws_kinesis_stream" "encrypted" {
  name            = "events-encrypted"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_docdb_cluster" "plain" {
  cluster_identifier  = "docs-plain"
  master_username     = "docs"
  master_password     = "placeholder-not-a-secret"
  skip_final_snapshot = true
}

resource "aws_docdb_cluster" "encrypted" {
  cluster_identifier              = "docs-encrypted"
  master_username                 = "docs"
  master_password                 = "placeholder-not-a-secret"
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.data.arn
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  skip_final_snapshot             = true
}

resource "aws_neptune_cluster" "plain" {
  cluster_identifier  = "graph-plain"
  skip_final_snapshot = true
}

resource "aws_neptune_cluster" "encrypted" {
  cluster_identifier  = "graph-encrypted"
  storage_encrypted   = true
  kms_key_arn         = aws_kms_key.data.arn
  skip_final_snapshot = true
}

resource "aws_sqs_queue" "unencrypted" {
  name                    = "jobs-unencrypted"
  sqs_managed_sse_enabled = false
}

resource "aws_sqs_queue" "default" {
  name = "jobs-default"
}

resource "aws_sqs_queue" "own_key" {
  name              = "jobs-own-key"
  kms_master_key_id = aws_kms_key.data.arn
}

resource "aws_sqs_queue_policy" "open" {
  queue_url = aws_sqs_queue.default.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
  })
}

resource "aws_sqs_queue_policy" "from_topic" {
  queue_url = aws_sqs_queue.own_key.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Principal = { Service = "sns.amazonaws.com" }, Action = "sqs:SendMessage", Resource = "*"
      Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:123456789012:orders" } }
    }]
  })
}

resource "aws_sns_topic" "plain" {
  name = "orders-plain"
}

resource "aws_sns_topic" "encrypted" {
  name              = "orders-encrypted"
  kms_master_key_id = aws_kms_key.data.arn
}

resource "aws_sns_topic_policy" "open" {
  arn = aws_sns_topic.plain.arn
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sns:Publish", Resource = "*" }]
  })
}

resource "aws_sns_topic_policy" "account" {
  arn = aws_sns_topic.encrypted.arn
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "sns:Publish", Resource = "*" }]
  })
}

resource "aws_ecr_repository" "aes" {
  name                 = "app-aes"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "kms" {
  name                 = "app-kms"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.data.arn
  }
}

resource "aws_ecr_repository_policy" "public" {
  repository = aws_ecr_repository.aes.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] }]
  })
}

resource "aws_ecr_repository_policy" "ci" {
  repository = aws_ecr_repository.kms.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:role/ci" }, Action = ["ecr:PutImage"] }]
  })
}

resource "aws_efs_file_system" "aws_key" {
  creation_token = "share-aws-key"
  encrypted      = true
}

resource "aws_efs_file_system" "own_key" {
  creation_token = "share-own-key"
  encrypted      = true
  kms_key_id     = aws_kms_key.data.arn
}

resource "aws_codebuild_project" "risky" {
  name         = "build-risky"
  service_role = "arn:aws:iam::123456789012:role/codebuild"
  artifacts {
    type                = "S3"
    location            = "circuit-build-artifacts"
    encryption_disabled = true
  }
  environment {
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/standard:7.0"
    type            = "LINUX_CONTAINER"
    privileged_mode = true
  }
  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }
}

resource "aws_codebuild_project" "safe" {
  name         = "build-safe"
  service_role = "arn:aws:iam::123456789012:role/codebuild"
  artifacts {
    type     = "S3"
    location = "circuit-build-artifacts"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }
}

resource "aws_opensearch_domain" "open" {
  domain_name    = "search-open"
  engine_version = "OpenSearch_2.11"
  cluster_config {
    instance_type = "t3.small.search"
  }
  ebs_options {
    ebs_enabled = true
    volume_size = 10
  }
  domain_endpoint_options {
    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}

resource "aws_cloudwatch_log_group" "search" {
  name              = "/aws/opensearch/search-locked"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_opensearch_domain" "locked" {
  domain_name    = "search-locked"
  engine_version = "OpenSearch_2.11"
  cluster_config {
    instance_type = "t3.small.search"
  }
  ebs_options {
    ebs_enabled = true
    volume_size = 10
  }
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
  log_publishing_options {
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
    log_type                 = "INDEX_SLOW_LOGS"
  }
}

resource "aws_msk_cluster" "plaintext" {
  cluster_name           = "stream-plaintext"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 2
  broker_node_group_info {
    instance_type   = "kafka.t3.small"
    client_subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
    security_groups = ["sg-0a1b2c3d4e5f60718"]
  }
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
    }
  }
}

resource "aws_msk_cluster" "tls" {
  cluster_name           = "stream-tls"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 2
  broker_node_group_info {
    instance_type   = "kafka.t3.small"
    client_subnets  = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
    security_groups = ["sg-0a1b2c3d4e5f60718"]
  }
  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.data.arn
    encryption_in_transit {
      client_broker = "TLS"
    }
  }
  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = "/aws/msk/stream-tls"
      }
    }
  }
}
