# EMR in us-east-2: a cluster with one m5.xlarge master and two r5.2xlarge
# core nodes, and a task instance group of three m5.xlarge.  The EC2 hours
# are priced; EMR's own per-instance charge has no stored price (not priced).
resource "aws_emr_cluster" "etl" {
  name          = "etl"
  release_label = "emr-7.1.0"
  applications  = ["Spark"]
  service_role  = "arn:aws:iam::123456789012:role/emr"
  ec2_attributes {
    subnet_id        = "subnet-0123456789abcdef0"
    instance_profile = "arn:aws:iam::123456789012:instance-profile/emr"
  }
  master_instance_group {
    instance_type = "m5.xlarge"
  }
  core_instance_group {
    instance_type  = "r5.2xlarge"
    instance_count = 2
  }
}

resource "aws_emr_instance_group" "task" {
  cluster_id     = aws_emr_cluster.etl.id
  instance_type  = "m5.xlarge"
  instance_count = 3
}
