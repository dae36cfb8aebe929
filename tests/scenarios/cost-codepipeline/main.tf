# CodePipeline (issue 10), eu-west-1: a V1 pipeline pays per active
# pipeline-month, a V2 one per action execution minute (usage).
locals {
  stages = [
    { name = "Source", category = "Source", owner = "AWS", provider = "S3", out = ["src"], in = [],
    config = { S3Bucket = "app-src", S3ObjectKey = "app.zip" } },
    { name = "Build", category = "Build", owner = "AWS", provider = "CodeBuild", out = [], in = ["src"],
    config = { ProjectName = "app" } },
  ]
}

resource "aws_codepipeline" "v1" {
  name     = "v1"
  role_arn = "arn:aws:iam::123456789012:role/pipeline"
  artifact_store {
    location = "app-artifacts"
    type     = "S3"
  }
  dynamic "stage" {
    for_each = local.stages
    content {
      name = stage.value.name
      action {
        name             = stage.value.name
        category         = stage.value.category
        owner            = stage.value.owner
        provider         = stage.value.provider
        version          = "1"
        output_artifacts = stage.value.out
        input_artifacts  = stage.value.in
        configuration    = stage.value.config
      }
    }
  }
}

resource "aws_codepipeline" "v2" {
  name          = "v2"
  pipeline_type = "V2"
  role_arn      = "arn:aws:iam::123456789012:role/pipeline"
  artifact_store {
    location = "app-artifacts"
    type     = "S3"
  }
  dynamic "stage" {
    for_each = local.stages
    content {
      name = stage.value.name
      action {
        name             = stage.value.name
        category         = stage.value.category
        owner            = stage.value.owner
        provider         = stage.value.provider
        version          = "1"
        output_artifacts = stage.value.out
        input_artifacts  = stage.value.in
        configuration    = stage.value.config
      }
    }
  }
}
