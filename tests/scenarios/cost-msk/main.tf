# MSK (issue 10): three kafka.m5.large brokers with 500 GB each, an
# Express cluster whose storage is usage-based, a serverless cluster
# (cluster hours; partitions, storage and data from usage), an MSK Connect
# connector on two 2-MCU workers (its custom plugin is not billed by
# itself), and a replicator to another region (data from usage).
resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m5.large"
    client_subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
    security_groups = ["sg-0123456789abcdef0"]
    storage_info {
      ebs_storage_info {
        volume_size = 500
      }
    }
  }
}

resource "aws_msk_cluster" "express" {
  cluster_name           = "express"
  kafka_version          = "3.6.x"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "express.m7g.large"
    client_subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}

resource "aws_msk_serverless_cluster" "ingest" {
  cluster_name = "ingest"

  vpc_config {
    subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }

  client_authentication {
    sasl {
      iam {
        enabled = true
      }
    }
  }
}

resource "aws_mskconnect_custom_plugin" "s3_sink" {
  name         = "s3-sink"
  content_type = "ZIP"
  location {
    s3 {
      bucket_arn = "arn:aws:s3:::example-plugins"
      file_key   = "s3-sink.zip"
    }
  }
}

resource "aws_mskconnect_connector" "s3_sink" {
  name                 = "s3-sink"
  kafkaconnect_version = "2.7.1"
  connector_configuration = {
    "connector.class" = "io.confluent.connect.s3.S3SinkConnector"
    "tasks.max"       = "2"
    "topics"          = "events"
  }

  capacity {
    provisioned_capacity {
      mcu_count    = 2
      worker_count = 2
    }
  }

  kafka_cluster {
    apache_kafka_cluster {
      bootstrap_servers = aws_msk_cluster.events.bootstrap_brokers_tls
      vpc {
        security_groups = ["sg-0123456789abcdef0"]
        subnets         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      }
    }
  }

  kafka_cluster_client_authentication {
    authentication_type = "NONE"
  }

  kafka_cluster_encryption_in_transit {
    encryption_type = "TLS"
  }

  plugin {
    custom_plugin {
      arn      = aws_mskconnect_custom_plugin.s3_sink.arn
      revision = aws_mskconnect_custom_plugin.s3_sink.latest_revision
    }
  }

  service_execution_role_arn = "arn:aws:iam::123456789012:role/msk-connect"
}

resource "aws_msk_replicator" "dr" {
  replicator_name            = "dr"
  service_execution_role_arn = "arn:aws:iam::123456789012:role/msk-replicator"

  kafka_cluster {
    amazon_msk_cluster {
      msk_cluster_arn = aws_msk_cluster.events.arn
    }
    vpc_config {
      subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
      security_groups_ids = ["sg-0123456789abcdef0"]
    }
  }

  kafka_cluster {
    amazon_msk_cluster {
      msk_cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/events-dr/00000000-0000-0000-0000-000000000000-1"
    }
    vpc_config {
      subnet_ids         = ["subnet-0123456789abcdef2", "subnet-0123456789abcdef3"]
      security_groups_ids = ["sg-0123456789abcdef1"]
    }
  }

  replication_info_list {
    source_kafka_cluster_arn = aws_msk_cluster.events.arn
    target_kafka_cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:cluster/events-dr/00000000-0000-0000-0000-000000000000-1"
    target_compression_type  = "NONE"

    topic_replication {
      topics_to_replicate = [".*"]
    }

    consumer_group_replication {
      consumer_groups_to_replicate = [".*"]
    }
  }
}
