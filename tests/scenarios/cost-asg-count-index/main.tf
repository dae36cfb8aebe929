# Autoscaling groups made with count, each using the launch configuration
# of the same index: launch_configuration = aws_launch_configuration.x[count.index].name
# must resolve per instance (issue 10: group[1] was priced as group[0]'s t2.micro).
locals {
  types = ["t2.micro", "t2.medium"]
}

resource "aws_launch_configuration" "x" {
  count         = 2
  name_prefix   = "x-${count.index}-"
  image_id      = "ami-0abcdef1234567890"
  instance_type = local.types[count.index]
}

resource "aws_autoscaling_group" "group" {
  count                = 2
  name                 = "group-${count.index}"
  min_size             = 1
  max_size             = 1
  vpc_zone_identifier  = ["subnet-0123456789abcdef0"]
  launch_configuration = aws_launch_configuration.x[count.index].name
}
