# CodeBuild (issue 10): build minutes by environment and compute type; an
# ARM project has no stored price.
resource "aws_codebuild_project" "small" {
  name         = "small"
  service_role = "arn:aws:iam::123456789012:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type     = "GITHUB"
    location = "https://example.com/app.git"
  }
}

resource "aws_codebuild_project" "windows" {
  name         = "windows"
  service_role = "arn:aws:iam::123456789012:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_LARGE"
    image        = "aws/codebuild/windows-base:2019-3.0"
    type         = "WINDOWS_SERVER_2019_CONTAINER"
  }
  source {
    type     = "GITHUB"
    location = "https://example.com/app.git"
  }
}

resource "aws_codebuild_project" "arm" {
  name         = "arm"
  service_role = "arn:aws:iam::123456789012:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_LARGE"
    image        = "aws/codebuild/amazonlinux2-aarch64-standard:3.0"
    type         = "ARM_CONTAINER"
  }
  source {
    type     = "GITHUB"
    location = "https://example.com/app.git"
  }
}
