# Security group and network ACL rules, each bad case beside its good one: SSH, RDP, database, all-ports and admin ports open to the world (inline, aws_security_group_rule and aws_vpc_security_group_ingress_rule forms), a default security group with and without rules, and NACLs.
locals {
  vpc = "vpc-05ec0000000000000"
}

resource "aws_security_group" "ssh_world" {
  name   = "ssh-world"
  vpc_id = local.vpc
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "ssh_office" {
  name   = "ssh-office"
  vpc_id = local.vpc
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["203.0.113.0/24"]
  }
}

resource "aws_security_group" "rdp_world" {
  name   = "rdp-world"
  vpc_id = local.vpc
  ingress {
    from_port        = 3389
    to_port          = 3389
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "rdp_bastion" {
  name   = "rdp-bastion"
  vpc_id = local.vpc
  ingress {
    from_port       = 3389
    to_port         = 3389
    protocol        = "tcp"
    security_groups = [aws_security_group.ssh_office.id]
  }
}

resource "aws_security_group" "db_world" {
  name   = "db-world"
  vpc_id = local.vpc
}

resource "aws_security_group_rule" "db_world_postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.db_world.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "db_private_postgres" {
  type              = "ingress"
  security_group_id = aws_security_group.db_world.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
}

resource "aws_security_group" "all_world" {
  name   = "all-world"
  vpc_id = local.vpc
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "https_world" {
  name   = "https-world"
  vpc_id = local.vpc
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "admin" {
  name   = "admin-ports"
  vpc_id = local.vpc
}

resource "aws_vpc_security_group_ingress_rule" "docker_world" {
  security_group_id = aws_security_group.admin.id
  ip_protocol       = "tcp"
  from_port         = 2375
  to_port           = 2376
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "kube_api_vpn" {
  security_group_id = aws_security_group.admin.id
  ip_protocol       = "tcp"
  from_port         = 6443
  to_port           = 6443
  cidr_ipv4         = "10.8.0.0/16"
}

resource "aws_default_security_group" "bad" {
  vpc_id = local.vpc
  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }
}

resource "aws_default_security_group" "good" {
  vpc_id = "vpc-05ec0000000000001"
}

resource "aws_network_acl" "open" {
  vpc_id = local.vpc
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl" "restricted" {
  vpc_id = local.vpc
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
    from_port  = 22
    to_port    = 22
    cidr_block = "10.0.0.0/8"
  }
}

resource "aws_network_acl_rule" "rdp_world" {
  network_acl_id = aws_network_acl.restricted.id
  rule_number    = 300
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 3389
  to_port        = 3389
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "deny_all" {
  network_acl_id = aws_network_acl.restricted.id
  rule_number    = 400
  egress         = false
  protocol       = "-1"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
}
