# Set-typed blocks from a prior state: the security group's ingress rules written in another order with one rule changed and one added, a NACL whose rules are reordered only, and an instance whose security group set is reordered only; terraform compares sets by value, not position.
resource "aws_security_group" "web" {
  name   = "sets-web"
  vpc_id = "vpc-05e7000000000000a"
  ingress {
    description = "SSH from the new office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
  ingress {
    description = "HTTP"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "Admin UI from the VPN"
    from_port   = 8443
    to_port     = 8443
    protocol    = "tcp"
    cidr_blocks = ["10.8.0.0/16"]
  }
  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_network_acl" "web" {
  vpc_id = "vpc-05e7000000000000a"
  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    from_port  = 80
    to_port    = 80
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-05e7000000000000b"
  instance_type          = "t3.small"
  vpc_security_group_ids = ["sg-05e70000000000003", "sg-05e70000000000001", "sg-05e70000000000002"]
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
}
