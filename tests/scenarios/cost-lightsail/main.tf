# Lightsail (issue 10), in eu-west-2: a Linux, a Windows and an IPv6-only
# instance, a high-availability database, a container service of three
# small nodes, a 64 GB disk and a load balancer.
resource "aws_lightsail_instance" "web" {
  name              = "web"
  availability_zone = "eu-west-2a"
  blueprint_id      = "ubuntu_22_04"
  bundle_id         = "small_3_0"
}

resource "aws_lightsail_instance" "win" {
  name              = "win"
  availability_zone = "eu-west-2a"
  blueprint_id      = "windows_server_2022"
  bundle_id         = "medium_win_3_0"
}

resource "aws_lightsail_instance" "v6" {
  name              = "v6"
  availability_zone = "eu-west-2a"
  blueprint_id      = "ubuntu_22_04"
  bundle_id         = "nano_ipv6_3_0"
  ip_address_type   = "ipv6"
}

resource "aws_lightsail_database" "db" {
  relational_database_name = "app-db"
  availability_zone        = "eu-west-2a"
  master_database_name     = "app"
  master_password          = "example-password-1"
  master_username          = "app"
  blueprint_id             = "mysql_8_0"
  bundle_id                = "micro_ha_2_0"
}

resource "aws_lightsail_container_service" "api" {
  name  = "api"
  power = "small"
  scale = 3
}

resource "aws_lightsail_disk" "data" {
  name              = "data"
  size_in_gb        = 64
  availability_zone = "eu-west-2a"
}

resource "aws_lightsail_lb" "front" {
  name              = "front"
  health_check_path = "/"
  instance_port     = 80
}
