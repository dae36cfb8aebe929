# The configuration as it was applied; scripts/scenarios.sh state makes ../state.tfstate from it.
variable "workers" {
  type    = list(string)
  default = ["alpha", "bravo", "charlie"]
}

resource "aws_iam_role_policy" "deployer" {
  name = "deployer"
  role = "deployer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ecs:UpdateService"], Resource = "*" }]
  })
}

resource "aws_iam_role" "auditor" {
  name = "auditor"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  tags = { team = "security" }
}

resource "aws_security_group" "app" {
  name   = "existing-app"
  vpc_id = "vpc-0e815000000000000"
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "jobs" {
  name   = "existing-jobs"
  vpc_id = "vpc-0e815000000000000"
  tags   = { owner = "platform" }
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

resource "aws_sqs_queue" "retired" {
  name = "existing-retired"
}

resource "aws_sqs_queue" "kept_running" {
  name = "existing-kept-running"
}
