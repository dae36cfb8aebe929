# MSK (issue 10): three kafka.m5.large brokers with 500 GB each, an
# Express cluster whose storage is usage-based, and a serverless cluster
# (cluster hours; partitions, storage and data from usage).
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
