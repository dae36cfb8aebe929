# Batch in us-west-2: a Fargate environment and an EC2 one scaling from zero
# are free by themselves; an EC2 environment keeping 8 vCPUs running has a
# real cost whose instance types Batch picks at run time (not priced).
resource "aws_batch_compute_environment" "fargate" {
  compute_environment_name = "fargate"
  type         = "MANAGED"
  service_role = "arn:aws:iam::123456789012:role/batch"
  compute_resources {
    type               = "FARGATE"
    max_vcpus          = 16
    subnets            = ["subnet-0123456789abcdef0"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_batch_compute_environment" "ec2_from_zero" {
  compute_environment_name = "ec2-from-zero"
  type         = "MANAGED"
  service_role = "arn:aws:iam::123456789012:role/batch"
  compute_resources {
    type               = "EC2"
    instance_role      = "arn:aws:iam::123456789012:instance-profile/batch"
    instance_type      = ["c5"]
    max_vcpus          = 64
    subnets            = ["subnet-0123456789abcdef0"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_batch_compute_environment" "ec2_warm" {
  compute_environment_name = "ec2-warm"
  type         = "MANAGED"
  service_role = "arn:aws:iam::123456789012:role/batch"
  compute_resources {
    type               = "EC2"
    instance_role      = "arn:aws:iam::123456789012:instance-profile/batch"
    instance_type      = ["optimal"]
    min_vcpus          = 8
    max_vcpus          = 64
    subnets            = ["subnet-0123456789abcdef0"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}
