# The configuration as it was applied; scripts/scenarios.sh state makes ../state.tfstate from it.
resource "aws_security_group" "web" {
  name   = "sets-web"
  vpc_id = "vpc-05e7000000000000a"
  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "HTTP"
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "SSH from the office"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["198.51.100.0/24"]
  }
}

resource "aws_network_acl" "web" {
  vpc_id = "vpc-05e7000000000000a"
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "tcp"
    from_port  = 80
    to_port    = 80
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-05e7000000000000b"
  instance_type          = "t3.small"
  vpc_security_group_ids = ["sg-05e70000000000001", "sg-05e70000000000002", "sg-05e70000000000003"]
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
}
