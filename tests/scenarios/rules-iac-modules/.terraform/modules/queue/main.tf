# The module every call in this scenario loads (pre-installed; see ../../../main.tf).
variable "name" {
  type = string
}

resource "aws_sqs_queue" "this" {
  name                    = var.name
  sqs_managed_sse_enabled = true
}
