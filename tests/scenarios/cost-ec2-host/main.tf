# Dedicated Hosts in eu-west-1: one allocated for a family (c5), one for an
# instance type (r5.xlarge: billed as its family's host).
resource "aws_ec2_host" "c5" {
  availability_zone = "eu-west-1a"
  instance_family   = "c5"
}

resource "aws_ec2_host" "r5" {
  availability_zone = "eu-west-1b"
  instance_type     = "r5.xlarge"
}
