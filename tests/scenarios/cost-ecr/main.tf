# ECR (issue 10): repository storage from usage; a second repository with no
# usage is usage-based.
resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository" "tools" {
  name                 = "tools"
  image_tag_mutability = "IMMUTABLE"
}
