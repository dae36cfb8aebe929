# create_before_destroy replacements from a prior state: a new AMI replaces an instance new-before-old, a VPC change replaces a name_prefix security group, and a parameter group with a fixed name is replaced for a new family (a name collision).
resource "aws_launch_template" "web" {
  name_prefix   = "cbd-web-"
  image_id      = "ami-0cbd000000000000c"
  instance_type = "m6i.large"
  metadata_options {
    http_tokens = "required"
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "web" {
  name_prefix = "cbd-web-"
  vpc_id      = "vpc-0cbd000000000000d"
  ingress {
    from_port   = 80
    to_port     = 80
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_instance" "web" {
  ami                    = "ami-0cbd000000000000c"
  instance_type          = "m6i.large"
  vpc_security_group_ids = [aws_security_group.web.id]
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_parameter_group" "app" {
  name   = "cbd-app-pg15"
  family = "postgres16"
  lifecycle {
    create_before_destroy = true
  }
}
