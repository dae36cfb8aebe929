# Changes to what already exists, from a prior state: an IAM policy widened and a role only retagged, a security group opened further and one only retagged, a worker removed from the middle of a count list (index shift), a queue deleted and a queue forgotten with a removed block.
variable "workers" {
  type    = list(string)
  default = ["alpha", "charlie"]
}

resource "aws_iam_role_policy" "deployer" {
  name = "deployer"
  role = "deployer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ecs:UpdateService", "ecs:RegisterTaskDefinition", "iam:PassRole"], Resource = "*" }]
  })
}

resource "aws_iam_role" "auditor" {
  name = "auditor"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  tags = { team = "security", cost-center = "1234" }
}

resource "aws_iam_role" "reporter" {
  name = "reporter"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_security_group" "app" {
  name   = "existing-app"
  vpc_id = "vpc-0e815000000000000"
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_security_group" "jobs" {
  name   = "existing-jobs"
  vpc_id = "vpc-0e815000000000000"
  tags   = { owner = "platform", env = "prod" }
}

resource "aws_security_group" "new" {
  name   = "existing-new"
  vpc_id = "vpc-0e815000000000000"
}

resource "aws_instance" "worker" {
  count         = length(var.workers)
  ami           = "ami-0e81500000000000a"
  instance_type = "t3.small"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  tags = { Name = var.workers[count.index] }
}

removed {
  from = aws_sqs_queue.kept_running
  lifecycle {
    destroy = false
  }
}
