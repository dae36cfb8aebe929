# EKS Fargate profile (issue 10), eu-west-1: the pods it runs are billed as
# Fargate vCPU and memory hours (usage); a profile with no usage is
# usage-based.
resource "aws_eks_fargate_profile" "apps" {
  cluster_name           = "main"
  fargate_profile_name   = "apps"
  pod_execution_role_arn = "arn:aws:iam::123456789012:role/fargate-pods"
  subnet_ids             = ["subnet-0123456789abcdef0"]

  selector {
    namespace = "apps"
  }
}

resource "aws_eks_fargate_profile" "batch" {
  cluster_name           = "main"
  fargate_profile_name   = "batch"
  pod_execution_role_arn = "arn:aws:iam::123456789012:role/fargate-pods"
  subnet_ids             = ["subnet-0123456789abcdef0"]

  selector {
    namespace = "batch"
  }
}
