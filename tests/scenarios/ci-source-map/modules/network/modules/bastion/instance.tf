variable "subnet_id" {
  type = string
}

# The bastion: a public instance that still allows IMDSv1.
resource aws_instance "bastion" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  subnet_id                   = var.subnet_id
  associate_public_ip_address = true
}
