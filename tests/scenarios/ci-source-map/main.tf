# ci-source-map: findings in the root module, in a local module, in a module
# nested inside it (called with count, so its addresses carry an index) and
# in a module called with for_each.  `circuit check --format sarif` must point
# every result at the .tf file and line of its resource block
# (tests/e2e/cases/check-sarif-source-map).

resource "aws_security_group" "admin" {
  name        = "admin"
  description = "admin access"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

module "network" {
  source = "./modules/network"
  name   = "shop"
}

module "storage" {
  source   = "./modules/storage"
  for_each = toset(["logs", "assets"])
  name     = "shop-${each.key}"
}
