# One NAT gateway and its address: what an edge needs in each region.
variable "name" { type = string }

resource "aws_eip" "this" {
  domain = "vpc"
  tags   = { Name = var.name }
}

resource "aws_nat_gateway" "this" {
  allocation_id = aws_eip.this.id
  subnet_id     = "subnet-0a1a00000000000ee"
  tags          = { Name = var.name }
}
