# A queue, moved here from the root module.
variable "name" { type = string }

resource "aws_sqs_queue" "this" {
  name = var.name
}
