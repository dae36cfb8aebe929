# Cost of EC2 compute and block storage: instances with explicit root and EBS volumes, EBS-optimized and detailed monitoring, dedicated tenancy, a count of three, every EBS volume type with IOPS and throughput, and Elastic IPs, in us-east-1.
resource "aws_instance" "bastion" {
  ami           = "ami-0c0ffee1234567890"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 30
    volume_type = "gp3"
    encrypted   = true
  }
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "app" {
  count         = 3
  ami           = "ami-0c0ffee1234567890"
  instance_type = "m6i.large"
  ebs_optimized = true
  monitoring    = true
  root_block_device {
    volume_size = 50
    volume_type = "gp3"
    iops        = 4000
    throughput  = 250
    encrypted   = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 200
    volume_type = "io2"
    iops        = 8000
    encrypted   = true
  }
  metadata_options {
    http_tokens = "required"
  }
  tags = { Name = "app-${count.index}" }
}

resource "aws_instance" "licensed" {
  ami           = "ami-0c0ffee1234567890"
  instance_type = "r6i.xlarge"
  tenancy       = "dedicated"
  root_block_device {
    volume_size = 100
    volume_type = "gp2"
    encrypted   = true
  }
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "graviton" {
  ami           = "ami-0c0ffee1234567891"
  instance_type = "c7g.2xlarge"
  root_block_device {
    volume_size = 40
    encrypted   = true
  }
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_ebs_volume" "data" {
  for_each = {
    gp2      = { type = "gp2", size = 500, iops = null, throughput = null }
    gp3      = { type = "gp3", size = 1000, iops = 12000, throughput = 500 }
    io1      = { type = "io1", size = 400, iops = 10000, throughput = null }
    io2      = { type = "io2", size = 2000, iops = 70000, throughput = null }
    st1      = { type = "st1", size = 2000, iops = null, throughput = null }
    sc1      = { type = "sc1", size = 4000, iops = null, throughput = null }
    standard = { type = "standard", size = 100, iops = null, throughput = null }
  }
  availability_zone = "us-east-1a"
  type              = each.value.type
  size              = each.value.size
  iops              = each.value.iops
  throughput        = each.value.throughput
  encrypted         = true
  tags              = { Name = "data-${each.key}" }
}

resource "aws_volume_attachment" "gp3" {
  device_name = "/dev/sdg"
  volume_id   = aws_ebs_volume.data["gp3"].id
  instance_id = aws_instance.app[0].id
}

resource "aws_eip" "bastion" {
  domain   = "vpc"
  instance = aws_instance.bastion.id
}

resource "aws_eip" "spare" {
  domain = "vpc"
}
