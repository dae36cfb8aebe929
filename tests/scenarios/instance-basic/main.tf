# One EC2 instance whose root volume the AMI decides (known after apply).
resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  tags = {
    Name = "web"
  }
}
