# EBS snapshots in eu-west-1: a snapshot of a 100 GB volume (stored at the
# volume's size), its copy (no size until apply: usage gives it), an AMI
# registered from two block devices, and a copy of another image (usage).
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
}

resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}

resource "aws_ebs_snapshot_copy" "data" {
  source_snapshot_id = aws_ebs_snapshot.data.id
  source_region      = "eu-west-1"
}

resource "aws_ami" "app" {
  name                = "app"
  root_device_name    = "/dev/xvda"
  virtualization_type = "hvm"
  ebs_block_device {
    device_name = "/dev/xvda"
    snapshot_id = aws_ebs_snapshot.data.id
    volume_size = 100
  }
  ebs_block_device {
    device_name = "/dev/xvdb"
    snapshot_id = aws_ebs_snapshot.data.id
    volume_size = 20
  }
}

resource "aws_ami_copy" "golden" {
  name              = "golden"
  source_ami_id     = "ami-0123456789abcdef0"
  source_ami_region = "us-east-1"
}

# Fast Snapshot Restore of the snapshot in one zone (billed every hour), an
# image made from a running instance and an imported disk (usage sizes both).
resource "aws_ebs_fast_snapshot_restore" "data" {
  availability_zone = "eu-west-1a"
  snapshot_id       = aws_ebs_snapshot.data.id
}

resource "aws_ami_from_instance" "web" {
  name               = "web"
  source_instance_id = "i-0123456789abcdef0"
}

resource "aws_ebs_snapshot_import" "disk" {
  disk_container {
    format = "VHD"
    user_bucket {
      s3_bucket = "circuit-import"
      s3_key    = "disk.vhd"
    }
  }
  role_name = "vmimport"
}
