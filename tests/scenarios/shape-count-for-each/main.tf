# count and for_each in every common form: a conditional count (on and off), count over a list, for_each over a map of objects, over a set of strings and over a resource's instances, with splat and each.value references in configuration.
variable "enable_bastion" {
  type    = bool
  default = true
}

variable "enable_debug" {
  type    = bool
  default = false
}

variable "queues" {
  type    = set(string)
  default = ["orders", "emails", "audit"]
}

variable "volumes" {
  type = map(object({ size = number, type = string }))
  default = {
    logs  = { size = 100, type = "st1" }
    data  = { size = 500, type = "gp3" }
    cache = { size = 50, type = "gp3" }
  }
}

resource "aws_instance" "bastion" {
  count         = var.enable_bastion ? 1 : 0
  ami           = "ami-0c0e000000000000a"
  instance_type = "t3.nano"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
}

resource "aws_instance" "debug" {
  count         = var.enable_debug ? 1 : 0
  ami           = "ami-0c0e000000000000a"
  instance_type = "t3.nano"
}

resource "aws_instance" "node" {
  count         = 3
  ami           = "ami-0c0e000000000000a"
  instance_type = "m6i.large"
  subnet_id     = ["subnet-0c0e00000000000a1", "subnet-0c0e00000000000a2", "subnet-0c0e00000000000a3"][count.index]
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  tags = { Name = "node-${count.index}" }
}

resource "aws_ebs_volume" "data" {
  for_each          = var.volumes
  availability_zone = "eu-west-1a"
  size              = each.value.size
  type              = each.value.type
  encrypted         = true
  tags              = { Name = each.key }
}

resource "aws_volume_attachment" "data" {
  for_each    = aws_ebs_volume.data
  device_name = "/dev/sd${substr("fgh", index(keys(var.volumes), each.key), 1)}"
  volume_id   = each.value.id
  instance_id = aws_instance.node[0].id
}

resource "aws_sqs_queue" "q" {
  for_each = var.queues
  name     = "shape-${each.value}"
}

resource "aws_cloudwatch_metric_alarm" "queue_age" {
  for_each            = aws_sqs_queue.q
  alarm_name          = "${each.key}-age"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 600
  comparison_operator = "GreaterThanThreshold"
  dimensions          = { QueueName = each.value.name }
}

resource "aws_lb_target_group_attachment" "nodes" {
  count            = length(aws_instance.node)
  target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/nodes/0123456789abcdef"
  target_id        = aws_instance.node[count.index].id
}
