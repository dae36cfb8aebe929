# A targeted plan (-target, see plan-args): terraform marks it incomplete (complete = false) because the rest of the configuration still needs a plan.
resource "aws_ecr_repository" "api" {
  name                 = "targeted-api"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "worker" {
  name                 = "targeted-worker"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}
