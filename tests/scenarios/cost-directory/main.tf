# Dedicated infrastructure (issue 10), in us-east-1: a 1 Gbps Direct Connect
# port at EqDC2 with data out (usage) and a 10 Gbps one (no stored price), a
# CloudHSM HSM, and Directory Service directories: Microsoft AD Standard
# with three domain controllers, Simple AD Small and an AD Connector.
resource "aws_dx_connection" "primary" {
  name      = "primary"
  bandwidth = "1Gbps"
  location  = "EqDC2"
}

resource "aws_dx_connection" "big" {
  name      = "big"
  bandwidth = "10Gbps"
  location  = "EqDC2"
}

resource "aws_cloudhsm_v2_hsm" "hsm" {
  cluster_id        = "cluster-abcdefghijk"
  availability_zone = "us-east-1a"
}

resource "aws_directory_service_directory" "corp" {
  name                                 = "corp.example.com"
  password                             = "Example-Passw0rd"
  type                                 = "MicrosoftAD"
  edition                              = "Standard"
  desired_number_of_domain_controllers = 3
  vpc_settings {
    vpc_id     = "vpc-0123456789abcdef0"
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_directory_service_directory" "simple" {
  name     = "simple.example.com"
  password = "Example-Passw0rd"
  size     = "Small"
  vpc_settings {
    vpc_id     = "vpc-0123456789abcdef0"
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
  }
}

resource "aws_directory_service_directory" "connector" {
  name     = "connector.example.com"
  password = "Example-Passw0rd"
  size     = "Small"
  type     = "ADConnector"
  connect_settings {
    customer_dns_ips  = ["10.0.0.2"]
    customer_username = "admin"
    subnet_ids        = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
    vpc_id            = "vpc-0123456789abcdef0"
  }
}
