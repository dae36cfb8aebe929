# Infrastructure-as-code rules: a provider without a version constraint and
# a local module (local sources need no version or ref).
module "queue" {
  source = "./modules/queue"
  name   = "orders"
}
