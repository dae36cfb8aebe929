# Amazon MQ (issue 10): an ActiveMQ active/standby pair on EFS storage and a
# three-node RabbitMQ cluster (EBS storage, the only kind RabbitMQ uses).
resource "aws_mq_broker" "orders" {
  broker_name        = "orders"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  deployment_mode    = "ACTIVE_STANDBY_MULTI_AZ"
  subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  user {
    username = "admin"
    password = "not-a-real-password-1"
  }
}

resource "aws_mq_broker" "jobs" {
  broker_name        = "jobs"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.m5.large"
  deployment_mode    = "CLUSTER_MULTI_AZ"
  subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"]

  user {
    username = "admin"
    password = "not-a-real-password-2"
  }
}
