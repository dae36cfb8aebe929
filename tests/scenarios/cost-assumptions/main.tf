# Values a real plan knows only after apply, and what circuit prices them as
# (issue 9, "assumptions instead of silence"):
#   - an instance without root_block_device: the AMI's root volume, assumed
#     8 GB gp2 and said so on the line;
#   - a root_block_device with a size but no type: the type is assumed;
#   - an ebs_block_device without a type: gp2, the provider's default
#     (the configuration shows it unset, so no assumption);
#   - an autoscaling group with a launch template and no
#     mixed_instances_policy (provider 5.x plans the block unknown);
#   - an EKS node group without instance_types (EKS's t3.medium);
#   - an EFS file system without availability_zone_name (regional storage).
resource "aws_instance" "ami_root" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_instance" "sized_root" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
  root_block_device {
    volume_size = 30
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
  }
}

resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = "m5.large"
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}

resource "aws_eks_node_group" "default" {
  cluster_name    = "main"
  node_group_name = "default"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0123456789abcdef0"]
  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}
