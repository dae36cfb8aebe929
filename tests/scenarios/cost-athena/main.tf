# Athena (issue 10): a workgroup billed per TB its queries scan (usage).
resource "aws_athena_workgroup" "analysts" {
  name = "analysts"

  configuration {
    enforce_workgroup_configuration = true
    result_configuration {
      output_location = "s3://example-athena-results/analysts/"
    }
  }
}
