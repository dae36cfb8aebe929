# FSx in us-east-1 (the only region the stored FSx prices cover): a Windows
# Multi-AZ file system on HDD, a Windows Single-AZ one (no stored price: not
# priced), an OpenZFS Single-AZ 1 file system with user-provisioned IOPS
# above the 3 per GB included, and an OpenZFS Single-AZ 2 (not priced).
resource "aws_fsx_windows_file_system" "multi" {
  storage_capacity    = 2000
  storage_type        = "HDD"
  throughput_capacity = 32
  deployment_type     = "MULTI_AZ_1"
  subnet_ids          = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  preferred_subnet_id = "subnet-0123456789abcdef0"
  active_directory_id = "d-1234567890"
}

resource "aws_fsx_windows_file_system" "single" {
  storage_capacity    = 300
  throughput_capacity = 16
  subnet_ids          = ["subnet-0123456789abcdef0"]
  active_directory_id = "d-1234567890"
}

resource "aws_fsx_openzfs_file_system" "fast" {
  storage_capacity    = 1000
  throughput_capacity = 256
  deployment_type     = "SINGLE_AZ_1"
  subnet_ids          = ["subnet-0123456789abcdef0"]
  disk_iops_configuration {
    mode = "USER_PROVISIONED"
    iops = 5000
  }
}

resource "aws_fsx_openzfs_file_system" "newer" {
  storage_capacity    = 500
  throughput_capacity = 320
  deployment_type     = "SINGLE_AZ_2"
  subnet_ids          = ["subnet-0123456789abcdef0"]
}
