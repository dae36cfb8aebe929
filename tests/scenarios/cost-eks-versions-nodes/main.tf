# Cost of EKS: a control plane past standard support (extended-support surcharge), one pinned to STANDARD support, and node groups by instance list, by launch template, by default type and on Spot, in us-east-1.
resource "aws_eks_cluster" "legacy" {
  name     = "cost-legacy"
  version  = "1.29"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids              = ["subnet-0e5c0000000000001", "subnet-0e5c0000000000002"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:us-east-1:123456789012:key/0e1d2c3b-0000-4a5f-8e9d-7c6b5a4f3e2d"
    }
  }
}

resource "aws_eks_cluster" "pinned" {
  name     = "cost-pinned"
  version  = "1.30"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids              = ["subnet-0e5c0000000000001", "subnet-0e5c0000000000002"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }
  upgrade_policy {
    support_type = "STANDARD"
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:us-east-1:123456789012:key/0e1d2c3b-0000-4a5f-8e9d-7c6b5a4f3e2d"
    }
  }
}

resource "aws_eks_node_group" "listed" {
  cluster_name    = aws_eks_cluster.legacy.name
  node_group_name = "listed"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-node"
  subnet_ids      = ["subnet-0e5c0000000000001", "subnet-0e5c0000000000002"]
  instance_types  = ["m5.xlarge", "m5a.xlarge"]
  disk_size       = 80
  scaling_config {
    desired_size = 3
    min_size     = 1
    max_size     = 5
  }
}

resource "aws_eks_node_group" "default_type" {
  cluster_name    = aws_eks_cluster.pinned.name
  node_group_name = "default-type"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-node"
  subnet_ids      = ["subnet-0e5c0000000000001", "subnet-0e5c0000000000002"]
  scaling_config {
    desired_size = 2
    min_size     = 2
    max_size     = 2
  }
}

resource "aws_eks_node_group" "spot" {
  cluster_name    = aws_eks_cluster.pinned.name
  node_group_name = "spot"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-node"
  subnet_ids      = ["subnet-0e5c0000000000001", "subnet-0e5c0000000000002"]
  capacity_type   = "SPOT"
  instance_types  = ["c6i.large"]
  scaling_config {
    desired_size = 5
    min_size     = 0
    max_size     = 20
  }
}

resource "aws_launch_template" "gpu" {
  name          = "cost-gpu-nodes"
  instance_type = "g5.xlarge"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 200
      volume_type = "gp3"
      encrypted   = true
    }
  }
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_eks_node_group" "from_template" {
  cluster_name    = aws_eks_cluster.pinned.name
  node_group_name = "gpu"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-node"
  subnet_ids      = ["subnet-0e5c0000000000001", "subnet-0e5c0000000000002"]
  ami_type        = "AL2_x86_64_GPU"
  launch_template {
    name    = aws_launch_template.gpu.name
    version = "$Latest"
  }
  scaling_config {
    desired_size = 1
    min_size     = 0
    max_size     = 4
  }
}
