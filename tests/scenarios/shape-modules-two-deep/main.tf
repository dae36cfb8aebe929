# Modules two deep from local sources: a service module instantiated per environment with for_each, each calling a database module, so resources live at module.service["x"].module.database.* and references cross module boundaries.
module "service" {
  source   = "./modules/service"
  for_each = {
    staging = { cpu = 256, memory = 512, tasks = 1, db_class = "db.t4g.medium" }
    prod    = { cpu = 1024, memory = 2048, tasks = 3, db_class = "db.r6g.large" }
  }
  name     = "catalog-${each.key}"
  cpu      = each.value.cpu
  memory   = each.value.memory
  tasks    = each.value.tasks
  db_class = each.value.db_class
  subnets  = ["subnet-0d0d000000000000a", "subnet-0d0d000000000000b"]
}

module "shared_cache" {
  source  = "./modules/database"
  name    = "catalog-shared"
  class   = "db.t4g.small"
  subnets = ["subnet-0d0d000000000000a", "subnet-0d0d000000000000b"]
}
