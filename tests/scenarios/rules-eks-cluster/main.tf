# EKS control-plane rules, a bad cluster beside a good one: the API endpoint open to the world or public at all, incomplete control-plane logging, and secrets without a customer KMS key.
resource "aws_eks_cluster" "bad" {
  name     = "rules-eks-bad"
  version  = "1.34"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids = ["subnet-0e4500000000000a1", "subnet-0e4500000000000a2"]
  }
  enabled_cluster_log_types = ["api"]
}

resource "aws_eks_cluster" "open" {
  name     = "rules-eks-open"
  version  = "1.34"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids             = ["subnet-0e4500000000000a1", "subnet-0e4500000000000a2"]
    endpoint_public_access = true
    public_access_cidrs    = ["0.0.0.0/0"]
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/4b3a2c1d-0000-4e5f-9a8b-7c6d5e4f3a2b"
    }
  }
}

resource "aws_eks_cluster" "restricted" {
  name     = "rules-eks-restricted"
  version  = "1.34"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids              = ["subnet-0e4500000000000a1", "subnet-0e4500000000000a2"]
    endpoint_public_access  = true
    endpoint_private_access = true
    public_access_cidrs     = ["198.51.100.0/24"]
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/4b3a2c1d-0000-4e5f-9a8b-7c6d5e4f3a2b"
    }
  }
}

resource "aws_eks_cluster" "private" {
  name     = "rules-eks-private"
  version  = "1.34"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids              = ["subnet-0e4500000000000a1", "subnet-0e4500000000000a2"]
    endpoint_public_access  = false
    endpoint_private_access = true
  }
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = "arn:aws:kms:eu-west-1:123456789012:key/4b3a2c1d-0000-4e5f-9a8b-7c6d5e4f3a2b"
    }
  }
}
