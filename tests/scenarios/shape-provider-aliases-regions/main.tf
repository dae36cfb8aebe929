# Provider aliases and regions: resources in the default region (from a variable), in us-east-1 and ap-southeast-2 through aliases, and a module instantiated once per region with a providers map; default_tags fill tags_all.
resource "aws_instance" "home" {
  ami           = "ami-0a1a000000000000a"
  instance_type = "t3.medium"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
}

resource "aws_instance" "virginia" {
  provider      = aws.virginia
  ami           = "ami-0a1a000000000000b"
  instance_type = "t3.medium"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
}

resource "aws_instance" "sydney" {
  provider      = aws.sydney
  ami           = "ami-0a1a000000000000c"
  instance_type = "t3.medium"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
}

module "edge_home" {
  source = "./modules/edge"
  name   = "edge-home"
}

module "edge_virginia" {
  source    = "./modules/edge"
  name      = "edge-virginia"
  providers = { aws = aws.virginia }
}

module "edge_sydney" {
  source    = "./modules/edge"
  name      = "edge-sydney"
  providers = { aws = aws.sydney }
}
